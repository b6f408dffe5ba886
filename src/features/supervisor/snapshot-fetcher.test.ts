import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SnapshotFetcher } from './snapshot-fetcher';

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
    });
  });

  it('starts at most `perMinute` reads in any minute, then resumes when the window moves', async () => {
    const reads = controlledReads();
    const fetcher = new SnapshotFetcher(
      { skip: () => false, read: reads.read },
      { concurrency: 10, perMinute: 5, now: () => Date.now() },
    );
    fetcher.enqueue(ids(12));
    await reads.finishAll();
    expect(reads.order).toHaveLength(5);
    expect(fetcher.stats().queued).toBe(7);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(reads.order).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(1_000);
    await reads.finishAll();
    expect(reads.order).toHaveLength(10);
    await vi.advanceTimersByTimeAsync(60_000);
    await reads.finishAll();
    expect(reads.order).toEqual(ids(12));
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
