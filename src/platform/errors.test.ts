import { describe, expect, it } from 'vitest';
import { PlatformError, retryAfterMs, toPlatformError } from './errors';

const extended = (status: number, body: object, headers: Record<string, string> = {}) => ({
  status,
  statusText: '',
  headers,
  body,
  error: {},
});

describe('toPlatformError', () => {
  it.each([
    [400, 'invalid'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'notFound'],
    [409, 'conflict'],
    [429, 'rateLimited'],
    [500, 'server'],
    [503, 'server'],
  ] as const)('maps HTTP %i to %s', (status, kind) => {
    const error = toPlatformError(
      extended(status, { message: 'm', code: 'c' }, { 'inin-correlation-id': 'corr' }),
    );
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ kind, status, code: 'c', correlationId: 'corr', message: 'm' });
  });

  it('reads Retry-After on a 429', () => {
    expect(toPlatformError(extended(429, {}, { 'Retry-After': '3' })).retryAfterMs).toBe(3000);
    expect(toPlatformError(extended(429, {}, { 'inin-ratelimit-reset': '7' })).retryAfterMs).toBe(
      7000,
    );
    expect(toPlatformError(extended(429, {})).retryAfterMs).toBe(1000);
  });

  it('takes the seconds from the 429 message when the headers cannot be read (CORS)', () => {
    const body = {
      message: 'Rate limit exceeded the maximum. Retry the request in [12] seconds',
      code: 'too.many.requests.retry.after',
    };
    expect(toPlatformError(extended(429, body)).retryAfterMs).toBe(12_000);
    // A readable header still wins.
    expect(toPlatformError(extended(429, body, { 'Retry-After': '2' })).retryAfterMs).toBe(2000);
  });

  it('treats an axios error without a response as a network failure', () => {
    expect(
      toPlatformError({ isAxiosError: true, message: 'Network Error', code: 'ERR_NETWORK' }).kind,
    ).toBe('network');
  });

  it('accepts a bare ErrorBody and a plain Error', () => {
    expect(toPlatformError({ status: 404, code: 'not.found', message: 'gone' })).toMatchObject({
      kind: 'notFound',
    });
    expect(toPlatformError(new Error('boom'))).toMatchObject({ kind: 'invalid', message: 'boom' });
  });

  it('passes a PlatformError through as it is (the supervisor view maps its failures here too)', () => {
    const refused = new PlatformError('forbidden', 'no', { status: 403 });
    expect(toPlatformError(refused)).toBe(refused);
  });
});

describe('retryAfterMs', () => {
  it('understands an HTTP date', () => {
    const now = Date.parse('2026-11-21T09:00:00Z');
    expect(retryAfterMs({ 'retry-after': 'Sat, 21 Nov 2026 09:00:05 GMT' }, now)).toBe(5000);
  });
});
