import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { nextDelay } from '../../realtime/backoff';
import { RequestBudget } from '../../platform/request-budget';
import { READ_BACKOFF, SnapshotFetcher } from './snapshot-fetcher';

/** A read that resolves when the test says so, recording the peak of reads in flight. */
function controlledReads() {
  const pending = new Map<string, () => void>();
  const order: string[] = [];
  let inFlight = 0;
  let peak = 0;
  const read = vi.fn(
    (id: string) =>
      new Promise<void>((resolve, reject) => {
        order.push(id);
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        pending.set(id, () => {
          inFlight -= 1;
          if (id.startsWith('bad')) reject(new Error('403'));
          else resolve();
        });
      }),
  );
  const finish = async (id: string) => {
    pending.get(id)?.();
    pending.delete(id);
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
  };
  const finishAll = async () => {
    while (pending.size > 0) for (const id of [...pending.keys()]) await finish(id);
  };
  return { read, order, finish, finishAll, peak: () => peak, pending };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const ids = (n: number, prefix = 'c') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('SnapshotFetcher', () => {
  it('keeps at most `concurrency` reads in flight and reads every id once', async () => {
    const reads = controlledReads();
    const fetcher = new SnapshotFetcher(
      { skip: () => false, read: reads.read },
      { concurrency: 3 },
    );
    fetcher.enqueue(ids(10));
    fetcher.enqueue(ids(10)); // already queued or in flight: not again
    expect(reads.pending.size).toBe(3);
    await reads.finishAll();
    expect(reads.peak()).toBe(3);
    expect(reads.order).toEqual(ids(10));
    expect(fetcher.stats()).toEqual({
      queued: 0,
      inFlight: 0,
      requests: 10,
      skipped: 0,
      failed: 0,
      retrying: 0,
    });
  });

  it('draws each read from the widget’s budget at background priority: the agent’s go first', async () => {
    const budget = new RequestBudget({ perMinute: 3 });
    const reads = controlledReads();
    const fresh = new Set<string>();
    const fetcher = new SnapshotFetcher(
      { skip: (id) => fresh.has(id), read: reads.read },
      { concurrency: 10, permit: () => budget.acquire('background') },
    );
    fetcher.enqueue(ids(5));
    await vi.advanceTimersByTimeAsync(0);
    expect(reads.order).toEqual(['c0', 'c1', 'c2']);
    expect(fetcher.stats()).toMatchObject({ queued: 2, inFlight: 3 });
    // The agent asks while the snapshot waits: the agent's request has the next slot.
    const agentSent: number[] = [];
    void budget.acquire('agent').then(() => agentSent.push(Date.now()));
    fresh.add('c4'); // an event gave c4 meanwhile: checked once its leave comes, not read
    await reads.finishAll();
    await vi.advanceTimersByTimeAsync(60_000);
    await reads.finishAll();
    expect(agentSent).toHaveLength(1);
    expect(reads.order).toEqual(['c0', 'c1', 'c2', 'c3']);
    expect(fetcher.stats()).toMatchObject({ queued: 0, requests: 4, skipped: 1 });
  });

  it('skips an id that no longer needs reading, checked right before its request', async () => {
    const reads = controlledReads();
    const fresh = new Set<string>();
    const fetcher = new SnapshotFetcher(
      { skip: (id) => fresh.has(id), read: reads.read },
      { concurrency: 1 },
    );
    fetcher.enqueue(['a', 'b', 'c']);
    fresh.add('b'); // an event for b arrived while a was being read
    await reads.finishAll();
    expect(reads.order).toEqual(['a', 'c']);
    expect(fetcher.stats()).toMatchObject({ requests: 2, skipped: 1 });
  });

  it('counts failures and goes on; prioritizes and cancels queued ids', async () => {
    const reads = controlledReads();
    const fetcher = new SnapshotFetcher(
      { skip: () => false, read: reads.read },
      { concurrency: 1 },
    );
    fetcher.enqueue(['bad1', 'x', 'y', 'z', 'w']);
    fetcher.prioritize(['z', 'nope']);
    fetcher.cancel(['y']);
    await reads.finishAll();
    expect(reads.order).toEqual(['bad1', 'z', 'x', 'w']);
    expect(fetcher.stats()).toMatchObject({ requests: 4, failed: 1, queued: 0 });
  });

  it('gives up a read that cannot succeed, and says so', async () => {
    const reads = controlledReads();
    const givenUp: string[] = [];
    const fetcher = new SnapshotFetcher(
      {
        skip: () => false,
        read: reads.read,
        retryable: () => false,
        onGiveUp: (id) => givenUp.push(id),
      },
      { concurrency: 1 },
    );
    fetcher.enqueue(['bad1', 'x']);
    await reads.finishAll();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(reads.order).toEqual(['bad1', 'x']);
    expect(givenUp).toEqual(['bad1']);
    expect(fetcher.stats()).toMatchObject({ failed: 1, retrying: 0 });
  });

  it('tries a retryable failure again after a growing wait, until it is read or no longer needed', async () => {
    let failuresLeft = 3;
    const attempts: number[] = [];
    const fresh = new Set<string>();
    const fetcher = new SnapshotFetcher(
      {
        skip: (id) => fresh.has(id),
        read: (id) => {
          attempts.push(Date.now());
          if (id.startsWith('gone')) return Promise.reject(new Error('503'));
          return failuresLeft-- > 0 ? Promise.reject(new Error('503')) : Promise.resolve();
        },
        retryable: () => true,
      },
      { random: () => 0.999 },
    );
    const start = Date.now();
    fetcher.enqueue(['a']);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetcher.stats()).toMatchObject({ retrying: 1, failed: 1 });
    await vi.advanceTimersByTimeAsync(60_000);
    // Four attempts: at once, then after about 2, 4 and 8 s more.
    expect(attempts.map((t) => Math.round((t - start) / 1000))).toEqual([0, 2, 6, 14]);
    expect(fetcher.stats()).toMatchObject({ retrying: 0, failed: 3, queued: 0 });

    // A call an event has since given is not read again; a cancelled one is not retried.
    fetcher.enqueue(['gone1', 'gone2']);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetcher.stats().retrying).toBe(2);
    fresh.add('gone1');
    fetcher.cancel(['gone2']);
    expect(fetcher.stats().retrying).toBe(1);
    const before = attempts.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempts.length).toBe(before);
    expect(fetcher.stats()).toMatchObject({ retrying: 0, skipped: 1 });
  });

  it('waits between attempts under a ceiling that doubles from 2 s up to a minute', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (n, r) => {
          const ceiling = Math.min(60_000, 2_000 * 2 ** (n - 1));
          const wait = nextDelay(n - 1, () => r, READ_BACKOFF);
          return wait >= 0 && wait < ceiling;
        },
      ),
    );
  });

  it('tells subscribers about progress and stops on dispose', async () => {
    const reads = controlledReads();
    const fetcher = new SnapshotFetcher(
      { skip: () => false, read: reads.read },
      { concurrency: 1 },
    );
    const seen: number[] = [];
    fetcher.subscribe(() => seen.push(fetcher.stats().queued));
    fetcher.enqueue(['a', 'b', 'c']);
    await reads.finish('a');
    fetcher.dispose();
    await reads.finishAll();
    expect(reads.order).toEqual(['a', 'b']);
    expect(seen[0]).toBe(2);
  });
});
