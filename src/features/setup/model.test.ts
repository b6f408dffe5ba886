import { describe, expect, it } from 'vitest';
import { featureResult, type CheckResult } from './model';

const check = (id: string, status: CheckResult['status'], optional?: boolean): CheckResult => ({
  id,
  features: ['playback'],
  status,
  optional,
  title: { id: 'setup.prompts.title' },
  detail: { id: 'setup.prompts.title' },
});

describe('a feature’s verdict', () => {
  it('works when every required check works; optional failures are limits', () => {
    const result = featureResult('playback', [
      check('playback.media', 'willNotWork', true),
      check('playback.prompts', 'works'),
      check('hosts.api', 'works'),
    ]);
    expect(result).toMatchObject({ status: 'works', limits: 1 });
    expect(result.checks.map((c) => c.id)).toEqual([
      'hosts.api',
      'playback.prompts',
      'playback.media',
    ]);
  });

  it('will not work when a required check will not; is not checked when one could not run', () => {
    expect(
      featureResult('playback', [
        check('playback.prompts', 'notChecked'),
        check('playback.flow', 'willNotWork'),
      ]).status,
    ).toBe('willNotWork');
    expect(
      featureResult('playback', [
        check('playback.prompts', 'notChecked'),
        check('playback.flow', 'works'),
      ]).status,
    ).toBe('notChecked');
    expect(featureResult('supervisor', [check('playback.flow', 'works')])).toMatchObject({
      status: 'notChecked',
      checks: [],
    });
  });
});
