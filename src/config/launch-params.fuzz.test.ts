import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, hostileString, oddCasing } from '../testing/fuzz';
import { checkHostOrigin } from './host-origin';
import { carriedParams, parseLaunchParams } from './launch-params';
import { REGIONS } from './target';

const CID = '2f0e7c7a-1b1c-4c55-9a1e-0d4b7b9c1a22';
const NAMES = [
  'gcConversationId',
  'pcConversationId',
  'gcHostOrigin',
  'gcTargetEnv',
  'pcEnvironment',
  'gcLangTag',
  'pcLangTag',
  'gcUsePopupAuth',
  'theme',
  'view',
];

/** Values an interaction-widget URL might carry: real, placeholder, hostile, re-cased. */
const value = fc.oneof(
  hostileString,
  fc.constantFrom(
    CID,
    CID.toUpperCase(),
    'https://apps.mypurecloud.ie',
    'https://apps.mypurecloud.ie/',
    'https://apps.mypurecloud.ie.evil.example',
    'https://apps.mypurecloud.ie@evil.example',
    'https://evil.example?apps.mypurecloud.ie',
    'http://apps.mypurecloud.ie',
    '//evil.example',
    'javascript:alert(1)',
    'de-DE',
    'prod-euw1',
    'true',
    '{{gcConversationId}}',
  ),
  oddCasing('supervisor'),
  oddCasing('dark'),
  oddCasing('true'),
);
const params = fc.dictionary(fc.oneof(fc.constantFrom(...NAMES), fc.string()), value, {
  maxKeys: 12,
});
const search = fc.oneof(
  params.map((p) => `?${new URLSearchParams(p).toString()}`),
  fc.string().map((s) => `?${s}`),
  fc.string({ unit: 'binary' }),
);

describe('URL launch parameters: fuzzed', () => {
  it('never throws; every value kept has the shape its parameter must have, or is reported', () => {
    fc.assert(
      fc.property(search, (query) => {
        const carried = carriedParams(query);
        for (const key of Object.keys(carried)) expect(NAMES).toContain(key);
        const launch = parseLaunchParams(carried);
        if (launch.conversationId) expect(launch.conversationId).toMatch(/^[0-9a-f-]{36}$/i);
        if (launch.hostOrigin) expect(launch.hostOrigin).toMatch(/^https?:\/\/[^/]+$/);
        if (launch.langTag) expect(launch.langTag).toMatch(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);
        expect([undefined, 'agent', 'supervisor']).toContain(launch.view);
        expect([undefined, 'light', 'dark']).toContain(launch.theme);
        expect(typeof launch.usePopupAuth).toBe('boolean');
        for (const problem of launch.problems)
          expect(['launch.placeholder', 'launch.invalid']).toContain(problem.id);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('a host origin is accepted only as https://apps.<a Genesys environment>, exactly', () => {
    const environments = Object.values(REGIONS);
    fc.assert(
      fc.property(search, (query) => {
        const { hostOrigin } = parseLaunchParams(carriedParams(query));
        const checked = checkHostOrigin(hostOrigin, {
          kind: 'region',
          environment: 'mypurecloud.ie',
        });
        if (checked.hostOrigin === undefined) return;
        const url = new URL(checked.hostOrigin);
        expect(url.protocol).toBe('https:');
        expect(environments.map((e) => `apps.${e}`)).toContain(url.hostname);
        expect(checked.hostOrigin).toBe(url.origin);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
