import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, hostileString, mutated, wrongType } from '../testing/fuzz';
import { MAX_RETRY_AFTER_MS, PlatformError, retryAfterMs, toPlatformError } from './errors';

const KINDS = [
  'unauthorized',
  'forbidden',
  'notFound',
  'conflict',
  'rateLimited',
  'server',
  'network',
  'invalid',
];

/** What the SDK rejects with for an HTTP error (status, headers, the platform's ErrorBody). */
const REJECTION = {
  status: 429,
  statusText: 'Too Many Requests',
  headers: { 'retry-after': '3', 'inin-correlation-id': 'corr-1' },
  body: {
    message: 'Rate limit exceeded the maximum. Retry the request in [3] seconds',
    code: 'too.many.requests.retry.after',
    status: 429,
    contextId: 'ctx',
  },
  error: {},
};

const status = fc.oneof(
  fc.constantFrom(0, 400, 401, 403, 404, 409, 429, 500, 502, 503, 504),
  fc.integer({ min: -1, max: 1000 }),
);
/** A number of seconds a server might put in Retry-After or its message, sane or not. */
const seconds = fc.oneof(
  fc.nat({ max: 120 }),
  fc.constantFrom('1e400', '9'.repeat(400), '-5', '3000000', ' 7 ', 'NaN', 'Infinity'),
  hostileString,
);

describe('REST errors: fuzzed rejections', () => {
  it('any rejection becomes a PlatformError with a known kind, never a throw', () => {
    const rejection = fc.oneof(
      fc.anything(),
      wrongType,
      mutated(REJECTION, 3),
      fc.record({ status, headers: fc.constant({}), body: fc.constant({}) }),
    );
    fc.assert(
      fc.property(rejection, (error) => {
        const problem = toPlatformError(error);
        expect(problem).toBeInstanceOf(PlatformError);
        expect(KINDS).toContain(problem.kind);
        expect(typeof problem.message).toBe('string');
        if (problem.retryAfterMs !== undefined) {
          expect(Number.isFinite(problem.retryAfterMs)).toBe(true);
          expect(problem.retryAfterMs).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('401/403/404/409/429/5xx map to their kinds whatever the body says', () => {
    fc.assert(
      fc.property(fc.constantFrom(401, 403, 404, 409, 429, 500, 503), fc.anything(), (s, body) => {
        const expected = {
          401: 'unauthorized',
          403: 'forbidden',
          404: 'notFound',
          409: 'conflict',
          429: 'rateLimited',
          500: 'server',
          503: 'server',
        }[s];
        expect(toPlatformError({ status: s, headers: {}, body }).kind).toBe(expected);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('a 429 asks for a finite wait of at most ten minutes, however large or odd the hint', () => {
    fc.assert(
      fc.property(seconds, seconds, seconds, (header, inMessage, reset) => {
        const wait = retryAfterMs(
          { 'retry-after': String(header), 'inin-ratelimit-reset': String(reset) },
          Date.now(),
          `Retry the request in [${String(inMessage)}] seconds`,
        );
        expect(Number.isFinite(wait)).toBe(true);
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThanOrEqual(MAX_RETRY_AFTER_MS);
        const fromMessage = retryAfterMs({}, Date.now(), `in [${String(inMessage)}] seconds`);
        expect(fromMessage).toBeLessThanOrEqual(MAX_RETRY_AFTER_MS);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
