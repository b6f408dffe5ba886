import { nextDelay, type BackoffOptions } from '../../realtime/backoff';
import { createScheduler, type Cancel, type Scheduler } from '../../time/scheduler';

/** Leave from the widget's request budget to send one request now (see `RequestBudget`). */
export interface ReadPermit {
  release(): void;
}

/**
 * Reads calls one by one for the supervisor's snapshot without a storm: at most `concurrency`
 * requests in flight, each drawn from the widget's one request budget (`permit`, at background
 * priority: the agent's own requests leave first), so the snapshot of 500 calls leaves room for
 * names and actions. Each id is checked with `skip` once its permit is granted, right before its
 * request goes (a socket event since the snapshot began is a whole, fresher snapshot of that
 * call); a skipped read gives its permit back. A read that fails
 * in a way another attempt may fix (`retryable`) is tried again after the widget's backoff
 * (capped, full jitter), for as long as the id still needs reading; the others are given up.
 *
 * @example
 * const fetcher = new SnapshotFetcher({ skip: (id) => fresh(id), read: (id) => reread(id) });
 * fetcher.enqueue(ids);
 */
export interface FetcherWork {
  skip(id: string): boolean;
  /** Sends the read, with the permit it was granted (none without a budget). */
  read(id: string, permit?: ReadPermit): Promise<void>;
  /** Whether another attempt may succeed (a 5xx, a lost connection); default: no. */
  retryable?(error: unknown): boolean;
  /** A read failed for good (not retryable). */
  onGiveUp?(id: string, error: unknown): void;
}

export interface FetcherOptions {
  concurrency?: number;
  /** Waits for leave to send one request (the widget's budget); none: reads leave at once. */
  permit?: () => Promise<ReadPermit>;
  /** The widget's one scheduler (time and timers). */
  scheduler?: Scheduler;
  /** In [0, 1): spreads the retries of many failed reads. */
  random?: () => number;
}

export interface FetcherStats {
  queued: number;
  inFlight: number;
  /** Requests started since creation (the snapshot's cost). */
  requests: number;
  skipped: number;
  failed: number;
  /** Failed reads waiting for their next attempt. */
  retrying: number;
}

const SNAPSHOT_CONCURRENCY = 4;
/** A failed read's retries: the widget's one backoff, from 2 s doubling up to a minute. */
export const READ_BACKOFF: BackoffOptions = { baseMs: 2_000, capMs: 60_000, factor: 2 };

export class SnapshotFetcher {
  private queue: string[] = [];
  private readonly queued = new Set<string>();
  private readonly inFlight = new Set<string>();
  /** Taken from the queue, waiting for the budget's leave to go. */
  private readonly awaiting = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly retries = new Map<string, Cancel>();
  private counts = { requests: 0, skipped: 0, failed: 0 };
  private disposed = false;
  private readonly listeners = new Set<() => void>();
  private readonly concurrency: number;
  private readonly permit?: () => Promise<ReadPermit>;
  private readonly scheduler: Scheduler;
  private readonly random: () => number;

  constructor(
    private readonly work: FetcherWork,
    options: FetcherOptions = {},
  ) {
    this.concurrency = options.concurrency ?? SNAPSHOT_CONCURRENCY;
    this.permit = options.permit;
    this.scheduler = options.scheduler ?? createScheduler();
    this.random = options.random ?? Math.random;
  }

  /**
   * Adds ids to read (each once: an id already queued or in flight is not added again); one that
   * `skip` already says needs no read is counted as skipped and never queued.
   */
  enqueue(ids: Iterable<string>): void {
    for (const id of ids) {
      if (this.queued.has(id) || this.inFlight.has(id) || this.awaiting.has(id)) continue;
      this.retries.get(id)?.();
      this.retries.delete(id);
      if (this.work.skip(id)) {
        this.counts.skipped += 1;
        this.failures.delete(id);
        continue;
      }
      this.queued.add(id);
      this.queue.push(id);
    }
    this.pump();
    this.notify();
  }

  /** Moves these queued ids to the front (e.g. the rows on screen). */
  prioritize(ids: readonly string[]): void {
    const first = ids.filter((id) => this.queued.has(id));
    if (first.length === 0) return;
    const front = new Set(first);
    this.queue = [...first, ...this.queue.filter((id) => !front.has(id))];
  }

  /**
   * These ids need no read any more (an event gave each whole): those still queued leave the
   * queue now, counted as skipped, instead of waiting for leave from the budget to be skipped,
   * so the calls left to read are only those that still need it.
   */
  settled(ids: readonly string[]): void {
    const drop = new Set(ids.filter((id) => this.queued.has(id) && this.work.skip(id)));
    if (drop.size === 0) return;
    this.queue = this.queue.filter((id) => !drop.has(id));
    for (const id of drop) {
      this.queued.delete(id);
      this.failures.delete(id);
    }
    this.counts.skipped += drop.size;
    this.notify();
  }

  /** Drops queued ids and their pending retries (a queue no longer watched, a call gone). */
  cancel(ids: Iterable<string>): void {
    const drop = new Set(ids);
    this.queue = this.queue.filter((id) => !drop.has(id));
    for (const id of drop) {
      this.queued.delete(id);
      this.retries.get(id)?.();
      this.retries.delete(id);
      this.failures.delete(id);
    }
    this.notify();
  }

  stats(): FetcherStats {
    return {
      queued: this.queue.length + this.awaiting.size,
      inFlight: this.inFlight.size,
      ...this.counts,
      retrying: this.retries.size,
    };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.disposed = true;
    for (const cancel of this.retries.values()) cancel();
    this.retries.clear();
    this.queue = [];
    this.queued.clear();
    this.listeners.clear();
  }

  private pump(): void {
    while (
      !this.disposed &&
      this.inFlight.size + this.awaiting.size < this.concurrency &&
      this.queue.length > 0
    ) {
      const id = this.queue.shift()!;
      this.queued.delete(id);
      if (!this.permit) {
        this.go(id);
        continue;
      }
      this.awaiting.add(id);
      void this.permit().then((permit) => {
        this.awaiting.delete(id);
        this.go(id, permit);
        this.pump();
        this.notify();
      });
    }
  }

  /** Leave to send has come: the read goes unless no longer needed (the leave goes back). */
  private go(id: string, permit?: ReadPermit): void {
    if (this.disposed || this.work.skip(id)) {
      permit?.release();
      if (this.disposed) return;
      this.counts.skipped += 1;
      this.failures.delete(id);
      return;
    }
    this.inFlight.add(id);
    this.counts.requests += 1;
    this.work
      .read(id, permit)
      .then(
        () => this.failures.delete(id),
        (error: unknown) => this.failed(id, error),
      )
      .finally(() => {
        this.inFlight.delete(id);
        this.pump();
        this.notify();
      });
  }

  private failed(id: string, error: unknown): void {
    this.counts.failed += 1;
    if (this.disposed) return;
    if (!this.work.retryable?.(error)) {
      this.failures.delete(id);
      this.work.onGiveUp?.(id, error);
      return;
    }
    const failures = (this.failures.get(id) ?? 0) + 1;
    this.failures.set(id, failures);
    const wait = nextDelay(failures - 1, this.random, READ_BACKOFF);
    this.retries.set(
      id,
      this.scheduler.after(wait, () => {
        this.retries.delete(id);
        this.enqueue([id]);
      }),
    );
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
