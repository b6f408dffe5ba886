import { describe, expect, it, vi } from 'vitest';
import { SnapshotFetcher, type ReadPermit } from './snapshot-fetcher';

/**
 * Calls that no longer need their read leave the queue at once: the "calls left to read" count
 * (the fetcher's `queued`) then holds only those that still need it, even while the request
 * budget has no leave to give.
 */
describe('SnapshotFetcher: reads no longer needed', () => {
  const blockedBudget = () => {
    const grants: ((permit: ReadPermit) => void)[] = [];
    const permit = () => new Promise<ReadPermit>((resolve) => grants.push(resolve));
    return { permit, grants };
  };

  it('an id already fresh when enqueued is counted as skipped and never queued', () => {
    const fresh = new Set(['c1', 'c3']);
    const read = vi.fn(async () => undefined);
    const fetcher = new SnapshotFetcher(
      { skip: (id) => fresh.has(id), read },
      { concurrency: 1, permit: blockedBudget().permit },
    );
    fetcher.enqueue(['c0', 'c1', 'c2', 'c3']);
    expect(fetcher.stats()).toMatchObject({ queued: 2, skipped: 2, requests: 0 });
  });

  it('settled ids leave the queue while the budget gives no leave; the rest stay', () => {
    const fresh = new Set<string>();
    const budget = blockedBudget();
    const fetcher = new SnapshotFetcher(
      { skip: (id) => fresh.has(id), read: vi.fn(async () => undefined) },
      { concurrency: 1, permit: budget.permit },
    );
    const changed = vi.fn();
    fetcher.subscribe(changed);
    fetcher.enqueue(['c0', 'c1', 'c2', 'c3']);
    expect(fetcher.stats().queued).toBe(4); // one waiting for leave, three queued
    changed.mockClear();
    fresh.add('c2');
    fresh.add('c3');
    fetcher.settled(['c2', 'c3', 'c1']); // c1 still needs its read: it stays
    expect(fetcher.stats()).toMatchObject({ queued: 2, skipped: 2, requests: 0 });
    expect(changed).toHaveBeenCalledTimes(1);
    fetcher.settled(['c9']); // not queued: nothing changes, nobody is told
    expect(changed).toHaveBeenCalledTimes(1);
    expect(budget.grants).toHaveLength(1);
  });
});
