import type { Cancel, Scheduler } from '../time/scheduler';

/** Gives back one hold on a call; calling it twice is harmless. */
export type Release = () => void;

export interface CallRetentionOptions {
  /** The call has no holder left: drop everything kept about it. */
  onUnretained(callId: string): void;
  /**
   * How long a call with no holder is kept before it goes (a holder taking it back meanwhile
   * keeps it), like TanStack Query's `gcTime`. 0 (the default): it goes at once.
   */
  gcMs?: number;
  scheduler?: Pick<Scheduler, 'after'>;
}

/**
 * Lifetime by reference: each holder of a call (the user's list, a queue's list, an open panel)
 * retains it and releases it when done; the call's entry goes when the last hold is released.
 * Replaces scanning every list to decide whether a call is still needed.
 *
 * @example
 * const retention = new CallRetention({ onUnretained: (id) => cache.remove(id) });
 * const release = retention.retain('c1');
 * retention.hold('queue:q1', ['c1', 'c2']); // a list holds exactly these ids
 * release(); // c1 stays: the queue's list still holds it
 */
export class CallRetention {
  private readonly counts = new Map<string, number>();
  private readonly held = new Map<string, ReadonlySet<string>>();
  private readonly pendingGc = new Map<string, Cancel>();

  constructor(private readonly options: CallRetentionOptions) {}

  /** One hold on the call until the returned function is called. */
  retain(callId: string): Release {
    this.add(callId);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.remove(callId);
    };
  }

  /** The holder `owner` holds exactly these calls from now on (new ones retained, others released). */
  hold(owner: string, callIds: Iterable<string>): void {
    const next = new Set(callIds);
    const previous = this.held.get(owner) ?? new Set<string>();
    if (next.size === 0) this.held.delete(owner);
    else this.held.set(owner, next);
    for (const id of next) if (!previous.has(id)) this.add(id);
    for (const id of previous) if (!next.has(id)) this.remove(id);
  }

  /** Whether anything holds the call. */
  isRetained(callId: string): boolean {
    return (this.counts.get(callId) ?? 0) > 0;
  }

  /** How many calls are held (for soak checks: it must stay flat over a shift). */
  size(): number {
    return this.counts.size;
  }

  private add(callId: string): void {
    this.pendingGc.get(callId)?.();
    this.pendingGc.delete(callId);
    this.counts.set(callId, (this.counts.get(callId) ?? 0) + 1);
  }

  private remove(callId: string): void {
    const count = (this.counts.get(callId) ?? 0) - 1;
    if (count > 0) return void this.counts.set(callId, count);
    this.counts.delete(callId);
    const gcMs = this.options.gcMs ?? 0;
    if (gcMs <= 0 || !this.options.scheduler) return this.options.onUnretained(callId);
    this.pendingGc.set(
      callId,
      this.options.scheduler.after(gcMs, () => {
        this.pendingGc.delete(callId);
        this.options.onUnretained(callId);
      }),
    );
  }
}
