import type { PlatformError } from '../../platform/errors';
import type { FetcherStats } from './snapshot-fetcher';

export interface QueueStatus {
  state: 'loading' | 'ready' | 'failed' | 'rejected';
  error?: PlatformError;
  /** The platform's reason for refusing the topic. */
  reason?: string;
}

export interface WatchStatus {
  queues: Readonly<Record<string, QueueStatus>>;
  fetch: FetcherStats;
  /** Activity query pages asked (one request each). */
  activityRequests: number;
  /** Calls known only from the activity query so far (being read, or to be read). */
  unread: number;
  /** Calls whose read failed for good (e.g. 403): shown as far as they are known, marked. */
  unreadable: number;
}

/**
 * Each watched queue's state and the watch's counters, as one object that stays the same until
 * something in it changed (a stable snapshot for `useSyncExternalStore`).
 *
 * @example
 * const board = new StatusBoard(() => ({ fetch, activityRequests, unread, unreadable }));
 * board.set('q1', { state: 'ready' });
 * board.get() === board.get(); // true until the next change
 */
export class StatusBoard {
  private readonly statuses = new Map<string, QueueStatus>();
  private readonly listeners = new Set<() => void>();
  private cached?: WatchStatus;

  constructor(private readonly counters: () => Omit<WatchStatus, 'queues'>) {}

  set(qid: string, status: QueueStatus): void {
    this.statuses.set(qid, status);
    this.changed();
  }

  delete(qid: string): void {
    this.statuses.delete(qid);
  }

  get(): WatchStatus {
    this.cached ??= { queues: Object.fromEntries(this.statuses), ...this.counters() };
    return this.cached;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Something counted changed: the next `get()` builds a new object, listeners are told. */
  changed(): void {
    this.cached = undefined;
    for (const listener of [...this.listeners]) listener();
  }

  clear(): void {
    this.listeners.clear();
  }
}
