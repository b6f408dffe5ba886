import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../platform/errors';
import { TopicLimitError } from '../../realtime/topic-registry';
import { asPlatformError } from './failure';

describe('asPlatformError', () => {
  it('passes a PlatformError through as it is', () => {
    const error = new PlatformError('forbidden', 'no', { status: 403 });
    expect(asPlatformError(error)).toBe(error);
  });

  it('reads anything else as invalid, keeping its message and code', () => {
    const read = asPlatformError(new TopicLimitError(1000));
    expect(read).toMatchObject({ kind: 'invalid', code: 'topics.limit', details: {} });
    expect(read.message).toMatch(/1000 topics/);
    expect(asPlatformError('boom')).toMatchObject({ kind: 'invalid', message: 'boom' });
  });
});
