import { describe, expect, it } from 'vitest';
import { PlatformError } from './errors';
import { RequestBudget } from './request-budget';

function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

const rateLimited = (ms: number) =>
  new PlatformError('rateLimited', '429', { status: 429, retryAfterMs: ms });

describe('RequestBudget', () => {
  it('lets perMinute requests through, then waits for the window', async () => {
    const time = fakeTime();
    const budget = new RequestBudget({ perMinute: 3, ...time });
    for (let i = 0; i < 4; i += 1) await budget.run(async () => i);
    expect(time.sleeps).toEqual([60_000]);
  });

  it('retries a 429 after Retry-After, and the pause holds other requests too', async () => {
    const time = fakeTime();
    const budget = new RequestBudget({ ...time });
    let calls = 0;
    const result = await budget.run(async () => {
      calls += 1;
      if (calls === 1) throw rateLimited(2000);
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(time.sleeps).toEqual([2000]);
    expect(budget.waitMs()).toBe(0);
  });

  it('gives up after the allowed retries with the rate-limited error', async () => {
    const time = fakeTime();
    const budget = new RequestBudget({ maxRateLimitRetries: 2, ...time });
    let calls = 0;
    await expect(
      budget.run(async () => {
        calls += 1;
        throw rateLimited(500);
      }),
    ).rejects.toMatchObject({ kind: 'rateLimited' });
    expect(calls).toBe(3);
  });

  it('does not retry other failures', async () => {
    const budget = new RequestBudget(fakeTime());
    let calls = 0;
    await expect(
      budget.run(async () => {
        calls += 1;
        throw new PlatformError('forbidden', 'no');
      }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    expect(calls).toBe(1);
  });

  it('with retryRateLimited false, a 429 is thrown at once but still pauses the others', async () => {
    const time = fakeTime();
    const budget = new RequestBudget({ ...time });
    let calls = 0;
    await expect(
      budget.run(
        async () => {
          calls += 1;
          throw rateLimited(5000);
        },
        { retryRateLimited: false },
      ),
    ).rejects.toMatchObject({ kind: 'rateLimited' });
    expect(calls).toBe(1);
    expect(budget.waitMs()).toBe(5000);
    await budget.run(async () => 'next');
    expect(time.sleeps).toEqual([5000]);
  });
});
