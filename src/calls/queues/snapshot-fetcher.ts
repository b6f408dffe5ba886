import { nextDelay, type BackoffOptions } from '../../realtime/backoff';
import { createScheduler, type Cancel, type Scheduler } from '../../time/scheduler';

/**
 * Reads calls one by one for the supervisor's snapshot without a storm: at most `concurrency`
 * requests in flight and at most `perMinute` started in any minute, so the snapshot of 500 calls
 * leaves room in the widget's request budget (270/min against the platform's 300) for names and
 * supervisor actions. Each id is checked with `skip` right before its request goes (a socket
 * event since the snapshot began is a whole, fresher snapshot of that call). A read that fails
 * in a way another attempt may fix (`retryable`) is tried again after the widget's backoff
 * (capped, full jitter), for as long as the id still needs reading; the others are given up.
 *
 * @example
 * const fetcher = new SnapshotFetcher({ skip: (id) => fresh(id), read: (id) => reread(id) });
 * fetcher.enqueue(ids);
 */
export interface FetcherWork {
  skip(id: string): boolean;
  read(id: string): Promise<void>;
  /** Whether another attempt may succeed (a 5xx, a lost connection); default: no. */
  retryable?(error: unknown): boolean;
  /** A read failed for good (not retryable). */
  onGiveUp?(id: string, error: unknown): void;
}

export interface FetcherOptions {
  concurrency?: number;
  perMinute?: number;
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

export const SNAPSHOT_CONCURRENCY = 4;
export const SNAPSHOT_PER_MINUTE = 200;
const WINDOW_MS = 60_000;
/** A failed read's retries: the widget's one backoff, from 2 s doubling up to a minute. */
export const READ_BACKOFF: BackoffOptions = { baseMs: 2_000, capMs: 60_000, factor: 2 };

export class SnapshotFetcher {
  private queue: string[] = [];
  private readonly queued = new Set<string>();
  private readonly inFlight = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly retries = new Map<string, Cancel>();
  private started: number[] = [];
  private counts = { requests: 0, skipped: 0, failed: 0 };
  private cancelTimer?: Cancel;
  private disposed = false;
  private readonly listeners = new Set<() => void>();
  private readonly concurrency: number;
  private readonly perMinute: number;
  private readonly scheduler: Scheduler;
  private readonly random: () => number;

  constructor(
    private readonly work: FetcherWork,
    options: FetcherOptions = {},
  ) {
    this.concurrency = options.concurrency ?? SNAPSHOT_CONCURRENCY;
    this.perMinute = options.perMinute ?? SNAPSHOT_PER_MINUTE;
    this.scheduler = options.scheduler ?? createScheduler();
    this.random = options.random ?? Math.random;
  }

  /** Adds ids to read (each once: an id already queued or in flight is not added again). */
  enqueue(ids: Iterable<string>): void {
    for (const id of ids) {
      if (this.queued.has(id) || this.inFlight.has(id)) continue;
      this.retries.get(id)?.();
      this.retries.delete(id);
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
      queued: this.queue.length,
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
    this.cancelTimer?.();
    for (const cancel of this.retries.values()) cancel();
    this.retries.clear();
    this.queue = [];
    this.queued.clear();
    this.listeners.clear();
  }

  private pump(): void {
    while (!this.disposed && this.inFlight.size < this.concurrency && this.queue.length > 0) {
      const wait = this.windowWait();
      if (wait > 0) return this.wake(wait);
      const id = this.queue.shift()!;
      this.queued.delete(id);
      if (this.work.skip(id)) {
        this.counts.skipped += 1;
        this.failures.delete(id);
        continue;
      }
      this.start(id);
    }
  }

  private start(id: string): void {
    this.started.push(this.scheduler.now());
    this.inFlight.add(id);
    this.counts.requests += 1;
    this.work
      .read(id)
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

  /** Milliseconds until the minute's cap lets one more request go. */
  private windowWait(): number {
    const now = this.scheduler.now();
    this.started = this.started.filter((t) => t > now - WINDOW_MS);
    if (this.started.length < this.perMinute) return 0;
    return this.started[this.started.length - this.perMinute]! + WINDOW_MS - now;
  }

  private wake(ms: number): void {
    if (this.cancelTimer) return;
    this.cancelTimer = this.scheduler.after(ms, () => {
      this.cancelTimer = undefined;
      this.pump();
      this.notify();
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
