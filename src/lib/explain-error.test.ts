import { describe, expect, it } from 'vitest';
import { PlatformError } from '../platform/errors';
import { explainError } from './explain-error';

describe('explainError', () => {
  it.each([
    ['forbidden', undefined, /role doesn’t allow/],
    ['notFound', undefined, /no longer has this call/],
    ['rateLimited', undefined, /Wait a few seconds/],
    ['server', undefined, /had a problem \(error 503\)/],
    ['network', undefined, /can’t be reached/],
    ['invalid', 'conversation.error.hold.alerting', /Answer it first/],
    ['forbidden', 'conversation.error.forbidden.not.active.participant', /no longer on this call/],
  ] as const)('%s %s', (kind, code, pattern) => {
    const error = new PlatformError(kind, 'm', {
      code,
      status: kind === 'server' ? 503 : undefined,
      correlationId: 'abc',
    });
    const text = explainError(error, 'mute');
    expect(text).toMatch(pattern);
    expect(text).toMatch(/^Couldn’t mute/);
    expect(text).toContain('Reference abc');
  });
});
