import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, nextDelay } from './backoff';

describe('nextDelay', () => {
  it('grows exponentially up to the cap when random is pinned near 1', () => {
    const delays = Array.from({ length: 9 }, (_, n) => nextDelay(n, () => 0.999999));
    expect(delays).toEqual([499, 999, 1999, 3999, 7999, 15999, 29999, 29999, 29999]);
  });

  it('is full jitter: random 0 gives 0, random 0.5 gives half the ceiling', () => {
    expect(nextDelay(4, () => 0)).toBe(0);
    expect(nextDelay(4, () => 0.5)).toBe(4000);
  });

  it('always lies in [0, min(cap, base·2^n)) for any attempt and random value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, r) => {
          const delay = nextDelay(attempt, () => r);
          const ceiling = Math.min(DEFAULT_BACKOFF.capMs, DEFAULT_BACKOFF.baseMs * 2 ** attempt);
          return Number.isInteger(delay) && delay >= 0 && delay < ceiling;
        },
      ),
    );
  });
});
