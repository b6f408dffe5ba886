import { describe, expect, it } from 'vitest';
import { applyTargetEnv, resolveEnvironment } from './target';

describe('target', () => {
  it('gcTargetEnv picks a known region', () => {
    expect(applyTargetEnv({ kind: 'region', environment: 'mypurecloud.com' }, 'prod-euw2')).toEqual(
      {
        target: { kind: 'region', environment: 'euw2.pure.cloud' },
      },
    );
    expect(
      applyTargetEnv({ kind: 'region', environment: 'mypurecloud.com' }, 'mypurecloud.ie').target,
    ).toEqual({
      kind: 'region',
      environment: 'mypurecloud.ie',
    });
  });

  it('refuses an unknown environment (a hostile URL cannot send the token elsewhere)', () => {
    const result = applyTargetEnv(
      { kind: 'region', environment: 'mypurecloud.com' },
      'evil.example.com',
    );
    expect(result.target).toEqual({ kind: 'region', environment: 'mypurecloud.com' });
    expect(result.problem?.id).toBe('launch.unknownEnvironment');
  });

  it('never overrides the emulator', () => {
    expect(
      applyTargetEnv({ kind: 'emulator', url: 'http://127.0.0.1:8787' }, 'prod').target.kind,
    ).toBe('emulator');
  });

  it('resolves region keys and environments only', () => {
    expect(resolveEnvironment('AP_NORTHEAST_1')).toBe('mypurecloud.jp');
    expect(resolveEnvironment('login.mypurecloud.de/')).toBe('mypurecloud.de');
    expect(resolveEnvironment('example.com')).toBeUndefined();
  });
});
