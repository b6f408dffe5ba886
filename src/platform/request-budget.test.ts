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

  it('counts a slot until 60 s after its request settled, not from its grant', async () => {
    const time = fakeTime();
    const budget = new RequestBudget({ perMinute: 2, ...time });
    // The first request takes 5 s on the wire: the platform may count it as late as then.
    await budget.run(() => time.sleep(5000));
    await budget.run(async () => undefined);
    let grantedAt = -1;
    await budget.run(async () => (grantedAt = time.now()));
    expect(grantedAt).toBe(65_000);
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

describe('RequestBudget permits', () => {
  it('a permit lets one request leave at once, counted in the window, without a second wait', async () => {
    const time = fakeTime();
    const budget = new RequestBudget({ perMinute: 2, ...time });
    const permit = await budget.acquire();
    let calls = 0;
    await budget.run(async () => (calls += 1), { permit });
    await budget.run(async () => (calls += 1));
    expect(calls).toBe(2);
    expect(time.sleeps).toEqual([]);
    await budget.run(async () => (calls += 1));
    expect(time.sleeps).toEqual([60_000]);
  });

  it('a released permit gives its slot back', async () => {
    const time = fakeTime();
    const budget = new RequestBudget({ perMinute: 1, ...time });
    (await budget.acquire()).release();
    await budget.run(async () => 'sent');
    expect(time.sleeps).toEqual([]);
  });

  it('a permit is used once: sending with it again, or after releasing it, is refused', async () => {
    const budget = new RequestBudget(fakeTime());
    const permit = await budget.acquire();
    await budget.run(async () => 'once', { permit });
    await expect(budget.run(async () => 'twice', { permit })).rejects.toThrow(/already used/);
    const released = await budget.acquire();
    released.release();
    await expect(budget.run(async () => 'late', { permit: released })).rejects.toThrow(
      /already used/,
    );
  });

  it('waits out a 429 pause before granting, so a body built on the grant is current', async () => {
    const time = fakeTime();
    const budget = new RequestBudget({ ...time });
    await expect(
      budget.run(() => Promise.reject(rateLimited(3000)), { retryRateLimited: false }),
    ).rejects.toMatchObject({ kind: 'rateLimited' });
    await budget.acquire();
    expect(time.sleeps).toEqual([3000]);
  });

  it('when both wait, the agent’s requests leave before background ones, in order', async () => {
    const time = fakeTime();
    const budget = new RequestBudget({ perMinute: 1, ...time });
    await budget.run(async () => 'first');
    const order: string[] = [];
    const waiting = [
      budget.run(async () => order.push('background 1'), { priority: 'background' }),
      budget.acquire('background').then((p) => {
        order.push('background 2');
        p.release();
      }),
      budget.run(async () => order.push('agent 1')),
      budget.acquire('agent').then((p) => {
        order.push('agent 2');
        p.release();
      }),
    ];
    await Promise.all(waiting);
    expect(order).toEqual(['agent 1', 'agent 2', 'background 1', 'background 2']);
  });
});
