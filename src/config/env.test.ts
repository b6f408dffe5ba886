import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('parseEnv', () => {
  it('targets the emulator with the seeded client id by default', () => {
    expect(parseEnv({ VITE_GC_EMULATOR_URL: 'http://127.0.0.1:8787/' })).toEqual({
      target: { kind: 'emulator', url: 'http://127.0.0.1:8787' },
      clientId: 'lcp-local',
      redirectUri: undefined,
      heartbeatMs: 30_000,
      renewBeforeMs: 600_000,
      crmUrl: 'http://127.0.0.1:8787/__emulator/crm/lookup',
    });
    expect(
      parseEnv({ VITE_GC_EMULATOR_URL: 'http://x', VITE_GC_RENEW_BEFORE_MIN: '2.5' }).renewBeforeMs,
    ).toBe(150_000);
  });

  it('accepts a region key or an environment for a real org', () => {
    expect(parseEnv({ VITE_GC_REGION: 'eu_west_1', VITE_GC_CLIENT_ID: 'abc-123' }).target).toEqual({
      kind: 'region',
      environment: 'mypurecloud.ie',
    });
    expect(
      parseEnv({ VITE_GC_REGION: 'https://api.usw2.pure.cloud', VITE_GC_CLIENT_ID: 'x' }).target,
    ).toEqual({
      kind: 'region',
      environment: 'usw2.pure.cloud',
    });
  });

  it('lists every problem at once', () => {
    try {
      parseEnv({
        VITE_GC_REGION: 'mars_north_1',
        VITE_GC_REDIRECT_URI: 'not a url',
        VITE_GC_HEARTBEAT_MS: 'soon',
        VITE_GC_RENEW_BEFORE_MIN: '-1',
      });
      throw new Error('expected EnvError');
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      expect((error as EnvError).problems).toHaveLength(5);
    }
  });

  it('takes an optional Play Prompt flow id, which must be a UUID', () => {
    const id = 'f10e0000-0000-4000-8000-000000000001';
    const base = { VITE_GC_EMULATOR_URL: 'http://x' };
    expect(parseEnv(base).playPromptFlowId).toBeUndefined();
    expect(parseEnv({ ...base, VITE_GC_PLAY_PROMPT_FLOW_ID: ` ${id} ` }).playPromptFlowId).toBe(id);
    expect(() => parseEnv({ ...base, VITE_GC_PLAY_PROMPT_FLOW_ID: 'Play Prompt' })).toThrow(
      /VITE_GC_PLAY_PROMPT_FLOW_ID/,
    );
  });

  it('takes the CRM endpoint from VITE_CRM_URL: the sample CRM on the emulator, none for a real org', () => {
    const emulator = { VITE_GC_EMULATOR_URL: 'http://127.0.0.1:8787' };
    const org = { VITE_GC_REGION: 'eu_west_1', VITE_GC_CLIENT_ID: 'abc' };
    expect(parseEnv(org).crmUrl).toBeUndefined();
    expect(parseEnv({ ...emulator, VITE_CRM_URL: 'off' }).crmUrl).toBeUndefined();
    expect(parseEnv({ ...org, VITE_CRM_URL: ' https://crm.example.com/lookup ' }).crmUrl).toBe(
      'https://crm.example.com/lookup',
    );
    expect(() => parseEnv({ ...org, VITE_CRM_URL: 'javascript:alert(1)' })).toThrow(/VITE_CRM_URL/);
    expect(() => parseEnv({ ...org, VITE_CRM_URL: 'crm.example.com' })).toThrow(/VITE_CRM_URL/);
  });

  it('refuses both targets, or none', () => {
    expect(() => parseEnv({})).toThrow(/VITE_GC_REGION/);
    expect(() =>
      parseEnv({
        VITE_GC_REGION: 'us_east_1',
        VITE_GC_EMULATOR_URL: 'http://x',
        VITE_GC_CLIENT_ID: 'a',
      }),
    ).toThrow(/not both/);
    expect(() => parseEnv({ VITE_GC_EMULATOR_URL: 'javascript:alert(1)' })).toThrow(/http/);
  });

  it('refuses a setting that is not text, and ignores variables it does not know', () => {
    const emulator = { VITE_GC_EMULATOR_URL: 'http://127.0.0.1:8787' };
    expect(() => parseEnv({ ...emulator, VITE_GC_HEARTBEAT_MS: 1000 })).toThrow(EnvError);
    expect(() => parseEnv({ ...emulator, VITE_GC_HEARTBEAT_MS: 1000 })).toThrow(
      /VITE_GC_HEARTBEAT_MS must be text/,
    );
    expect(parseEnv({ ...emulator, DEV: true, BASE_URL: '/' }).clientId).toBe('lcp-local');
  });
});
