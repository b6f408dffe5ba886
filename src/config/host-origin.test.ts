import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHostOrigin } from './host-origin';

const region = { kind: 'region', environment: 'mypurecloud.ie' } as const;
const emulator = { kind: 'emulator', url: 'http://127.0.0.1:8787' } as const;

describe('checkHostOrigin', () => {
  it('accepts the Genesys Cloud desktop origins, and the emulator’s own in emulator mode', () => {
    expect(checkHostOrigin('https://apps.mypurecloud.ie', region)).toEqual({
      hostOrigin: 'https://apps.mypurecloud.ie',
    });
    expect(checkHostOrigin('https://apps.usw2.pure.cloud', region).hostOrigin).toBe(
      'https://apps.usw2.pure.cloud',
    );
    expect(checkHostOrigin('http://127.0.0.1:8787', emulator).hostOrigin).toBe(
      'http://127.0.0.1:8787',
    );
    expect(checkHostOrigin(undefined, region)).toEqual({});
  });

  it('refuses look-alikes, other schemes, paths and the emulator origin against a real org', () => {
    for (const origin of [
      'https://apps.mypurecloud.ie.evil.example',
      'https://evil.example/apps.mypurecloud.ie',
      'http://apps.mypurecloud.ie',
      'https://login.mypurecloud.ie',
      'https://apps.mypurecloud.ie/path',
      'javascript:alert(1)',
      'http://127.0.0.1:8787',
      'https://xapps.mypurecloud.ie',
    ])
      expect(checkHostOrigin(origin, region)).toEqual({
        problem: { id: 'launch.hostOriginRefused', values: { origin } },
      });
    expect(checkHostOrigin('http://127.0.0.1:9999', emulator).hostOrigin).toBeUndefined();
  });

  it('never accepts an origin whose host is not exactly apps.<known environment>', () => {
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        const result = checkHostOrigin(url, region);
        return (
          result.hostOrigin === undefined || /^https:\/\/apps\.[a-z0-9.-]+$/.test(result.hostOrigin)
        );
      }),
    );
  });
});
