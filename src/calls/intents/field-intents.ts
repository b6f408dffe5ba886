import { toPlatformError, type PlatformError } from '../../platform/errors';
import { nextDelay, type BackoffOptions } from '../../realtime/backoff';

export type Values<V> = Record<string, V>;

/** What happened to an intent that did not become the server's state. */
export type IntentOutcome<V> =
  | { kind: 'failed'; field: string; value: V; error: PlatformError }
  | { kind: 'timedOut'; field: string; value: V };

/** A confirmed change of the server's state, and whether a request of ours explains it. */
export interface ConfirmedChange<V> {
  field: string;
  value: V | undefined;
  ours: boolean;
  at: number;
}

export interface IntentTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface FieldIntentsDeps<V> {
  /**
   * Sends one request. `build` is called right before it goes on the wire and returns the body
   * to send then, or null when nothing is wanted any more (nothing is sent). Resolves with what
   * was sent (or null) on acceptance; rejects with the failure.
   */
  send(build: () => Values<V> | null): Promise<Values<V> | null>;
  /** How long an intent may stay unconfirmed (from the click) before it is rolled back. */
  confirmTimeoutMs: number;
  /** One REST re-read of the server's state; `confirm()` is called with it before it resolves. */
  reread(): Promise<void>;
  timers?: IntentTimers;
  now?: () => number;
  /**
   * How many times a 409 (a concurrent change won the race; nothing was applied) is retried,
   * after a jittered backoff, while the intent is still wanted. 0 (default): a 409 is final.
   */
  conflictRetries?: number;
  random?: () => number;
}

/** Backoff between 409 retries: full jitter below 500 ms, then 1 s, 2 s… (capped at 4 s). */
export const CONFLICT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 4000, factor: 2 };

export interface FieldIntentsListener<V> {
  onChange?(change: ConfirmedChange<V>): void;
  onOutcome?(outcome: IntentOutcome<V>): void;
  /** Whatever should be shown changed. */
  onUpdate?(): void;
  /** A request is leaving with these targets. */
  onSent?(body: Values<V>): void;
}

/** How long after sending a target a matching change still counts as ours. */
const LATE_CONFIRMATION_MS = 30_000;

/** Failures after which the server may have applied the change: a re-read decides. */
const AMBIGUOUS = new Set(['network', 'server']);

const browserTimers: IntentTimers = {
  setTimeout: (cb, ms) => setTimeout(cb, ms),
  clearTimeout: (h) => clearTimeout(h as number),
};

/**
 * The agent's intents for the fields of one participant (mute and hold; or attribute keys).
 * The UI shows the desired value at once; requests carry explicit targets, one in flight at a
 * time, built at the moment they are sent (never at click time), so a superseded, rolled-back
 * or timed-out intent is never sent later. A change is done when the server's state shows it
 * (a notification, or a re-read); a definite failure rolls back at once, an ambiguous one
 * (network, 5xx) or a missing confirmation is settled by one re-read. A 429 keeps the intent and
 * tries again after Retry-After if it is still wanted by then.
 *
 * @example
 * const flags = new FieldIntents<boolean>({ muted: false, held: false }, deps);
 * flags.request('muted', true);                 // pending at once
 * flags.confirm({ muted: true, held: false });  // from the notification: confirmed, ours
 */
export class FieldIntents<V> {
  private confirmed: Values<V>;
  private desired: Values<V> = {};
  private awaiting: Values<V> = {};
  /** Recently sent targets, for confirmations that arrive after a rollback. */
  private readonly recent = new Map<string, { value: V; until: number }>();
  private onWire: Values<V> | null = null;
  private inFlight = false;
  private retryAt = 0;
  private rateLimit?: PlatformError;
  private conflictAttempts = 0;
  private conflictUntil = 0;
  private conflict?: PlatformError;
  private readonly deadlines = new Map<string, unknown>();
  private retryHandle: unknown;
  private readonly timers: IntentTimers;
  private readonly now: () => number;
  private readonly listeners = new Set<FieldIntentsListener<V>>();
  private disposed = false;

  constructor(
    initial: Values<V>,
    private readonly deps: FieldIntentsDeps<V>,
  ) {
    this.confirmed = { ...initial };
    this.timers = deps.timers ?? browserTimers;
    this.now = deps.now ?? (() => Date.now());
  }

  listen(listener: FieldIntentsListener<V>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The agent's intent while it is pending, else the server's state. */
  shown(field: string): V | undefined {
    return field in this.desired ? this.desired[field] : this.confirmed[field];
  }

  confirmedValue(field: string): V | undefined {
    return this.confirmed[field];
  }

  isPending(field: string): boolean {
    return field in this.desired || field in this.awaiting;
  }

  /** Until when a 429 holds this participant's requests back (epoch ms; 0 when not). */
  rateLimitedUntil(): number {
    return this.retryAt > this.now() ? this.retryAt : 0;
  }

  /**
   * Another instance of the panel (same browser, same user) just sent this target: when the
   * server's state shows it, that change is "ours" too.
   */
  noteSentElsewhere(field: string, value: V): void {
    this.recent.set(field, { value, until: this.now() + LATE_CONFIRMATION_MS });
  }

  request(field: string, value: V): void {
    this.requestAll({ [field]: value } as Values<V>);
  }

  /** Several fields at once: they leave together, in one request (one save of the agent's). */
  requestAll(values: Values<V>): void {
    if (this.disposed) return;
    for (const [field, value] of Object.entries(values)) {
      this.desired[field] = value;
      this.armDeadline(field);
      if (!(field in this.awaiting) && !this.onWireHas(field) && this.confirmed[field] === value)
        this.settle(field);
    }
    this.update();
    this.pump();
  }

  /** The server's state, from a notification or a re-read (a whole snapshot of these fields). */
  confirm(state: Values<V>): void {
    if (this.disposed) return;
    const previous = this.confirmed;
    this.confirmed = { ...state };
    const fields = new Set([...Object.keys(previous), ...Object.keys(state)]);
    for (const field of fields) {
      const value = state[field];
      const ours =
        (field in this.awaiting && this.awaiting[field] === value) ||
        (this.onWireHas(field) && this.onWire?.[field] === value) ||
        this.recentlySent(field, value);
      if (field in this.awaiting && this.awaiting[field] === value) delete this.awaiting[field];
      if (
        field in this.desired &&
        this.desired[field] === value &&
        !(field in this.awaiting) &&
        !this.onWireHas(field)
      )
        this.settle(field);
      if (!(field in this.desired) && !(field in this.awaiting)) this.clearDeadline(field);
      if (previous[field] !== value)
        this.emit((l) => l.onChange?.({ field, value, ours, at: this.now() }));
    }
    this.update();
    this.pump();
  }

  /** Forget a shown failure or pending intent without touching the server. */
  dispose(): void {
    this.disposed = true;
    for (const handle of this.deadlines.values()) this.timers.clearTimeout(handle);
    this.deadlines.clear();
    if (this.retryHandle !== undefined) this.timers.clearTimeout(this.retryHandle);
  }

  private pump(): void {
    const now = this.now();
    if (this.inFlight || this.disposed || this.retryAt > now || this.conflictUntil > now) return;
    if (!this.build(false)) return;
    this.inFlight = true;
    this.deps
      .send(() => this.build(true))
      .then(
        () => this.afterSend(),
        (error: unknown) => this.afterFailure(toPlatformError(error)),
      );
  }

  /**
   * The body to send now: every field whose intent differs from what the server has or is about
   * to have. With `mark`, the fields are recorded as on the wire.
   */
  private build(mark: boolean): Values<V> | null {
    if (this.disposed) return null;
    const body: Values<V> = {};
    for (const [field, target] of Object.entries(this.desired)) {
      const expected = field in this.awaiting ? this.awaiting[field] : this.confirmed[field];
      if (target !== expected) body[field] = target;
    }
    if (Object.keys(body).length === 0) return null;
    if (mark) {
      this.onWire = body;
      const until = this.now() + LATE_CONFIRMATION_MS;
      for (const [field, value] of Object.entries(body)) this.recent.set(field, { value, until });
      this.emit((l) => l.onSent?.(body));
    }
    return body;
  }

  private afterSend(): void {
    const sent = this.onWire;
    this.inFlight = false;
    this.onWire = null;
    this.rateLimit = undefined;
    this.conflictAttempts = 0;
    this.conflict = undefined;
    for (const [field, value] of Object.entries(sent ?? {})) {
      // Equal to the server's state as we know it, and no earlier target of ours still on its
      // way: nothing changes. Otherwise this later target is what the server must show.
      if (this.confirmed[field] === value && !(field in this.awaiting)) {
        if (this.desired[field] === value) this.settle(field);
        continue;
      }
      // Accepted: the server will have it. Even if the intent was rolled back meanwhile, the
      // confirmation must be recognised (and not left pending forever).
      this.awaiting[field] = value;
      if (!this.deadlines.has(field)) this.armDeadline(field);
    }
    this.update();
    this.pump();
  }

  private afterFailure(error: PlatformError): void {
    const sent = this.onWire ?? {};
    this.inFlight = false;
    this.onWire = null;
    if (this.disposed) return;
    if (error.kind === 'rateLimited') {
      // Not applied. Keep the intent; try again after the pause if it is still wanted then.
      for (const field of Object.keys(sent)) this.recent.delete(field);
      this.rateLimit = error;
      this.retryAt = this.now() + (error.retryAfterMs ?? 1000);
      this.retryHandle = this.timers.setTimeout(() => {
        this.retryAt = 0;
        this.pump();
      }, this.retryAt - this.now());
      this.update();
      return;
    }
    if (error.kind === 'conflict' && this.conflictAttempts < (this.deps.conflictRetries ?? 0)) {
      this.retryConflict(sent, error);
      return;
    }
    if (AMBIGUOUS.has(error.kind)) {
      // It may have been applied: keep it pending and let the server's state decide.
      for (const [field, value] of Object.entries(sent)) this.awaiting[field] = value;
      this.update();
      void this.settleByReread(Object.keys(sent), error);
      return;
    }
    this.conflictAttempts = 0;
    for (const [field, value] of Object.entries(sent)) {
      this.recent.delete(field);
      if (this.confirmed[field] === value) {
        if (this.desired[field] === value) this.settle(field);
        continue;
      }
      if (field in this.desired && this.desired[field] === value) {
        this.settle(field);
        this.emit((l) => l.onOutcome?.({ kind: 'failed', field, value, error }));
      }
    }
    this.update();
    void this.deps.reread().catch(() => undefined);
    this.pump();
  }

  /** A 409: not applied. Keep the intent; after a jittered backoff send again if still wanted. */
  private retryConflict(sent: Values<V>, error: PlatformError): void {
    for (const field of Object.keys(sent)) this.recent.delete(field);
    const random = this.deps.random ?? Math.random;
    const delay = nextDelay(this.conflictAttempts, random, CONFLICT_BACKOFF);
    this.conflictAttempts += 1;
    this.conflict = error;
    this.conflictUntil = this.now() + delay;
    this.retryHandle = this.timers.setTimeout(() => {
      this.conflictUntil = 0;
      this.pump();
    }, delay);
    this.update();
  }

  /** After an ambiguous failure or a missing confirmation: one re-read, then roll back what it does not show. */
  private async settleByReread(fields: string[], error?: PlatformError): Promise<void> {
    const targets = new Map(fields.map((f) => [f, this.desired[f] ?? this.awaiting[f]] as const));
    const awaited = fields
      .filter((f) => f in this.awaiting)
      .map((f) => [f, this.awaiting[f]] as const);
    await this.deps.reread().catch(() => undefined);
    if (this.disposed) return;
    // The re-read is the server's word: a value it does not show is not coming (a late event
    // that shows it after all is still recognised as ours). Nothing may stay pending forever.
    for (const [field, value] of awaited)
      if (
        field in this.awaiting &&
        this.awaiting[field] === value &&
        this.confirmed[field] !== value
      )
        delete this.awaiting[field];
    for (const [field, value] of targets) {
      if (value === undefined) continue;
      if (
        field in this.desired &&
        this.desired[field] === this.confirmed[field] &&
        !(field in this.awaiting) &&
        !this.onWireHas(field)
      ) {
        this.settle(field);
        continue;
      }
      const stillWanted = this.desired[field] === value || this.awaiting[field] === value;
      if (!stillWanted || this.confirmed[field] === value) continue;
      if (this.desired[field] === value || !(field in this.desired)) {
        delete this.awaiting[field];
        this.settle(field);
        this.emit((l) =>
          l.onOutcome?.(
            error ? { kind: 'failed', field, value, error } : { kind: 'timedOut', field, value },
          ),
        );
      }
    }
    this.update();
    this.pump();
  }

  private armDeadline(field: string): void {
    this.clearDeadline(field);
    this.deadlines.set(
      field,
      this.timers.setTimeout(() => {
        this.deadlines.delete(field);
        if (this.disposed || !this.isPending(field)) return;
        // The intent is over: nothing queued for it may go out any more.
        const value = this.desired[field] ?? this.awaiting[field];
        if (!this.onWireHas(field) && !(field in this.awaiting)) {
          this.settle(field);
          const limited =
            this.retryAt > this.now()
              ? this.rateLimit
              : this.conflictUntil > this.now()
                ? this.conflict
                : undefined;
          if (value !== undefined && this.confirmed[field] !== value)
            this.emit((l) =>
              l.onOutcome?.(
                limited
                  ? { kind: 'failed', field, value, error: limited }
                  : { kind: 'timedOut', field, value },
              ),
            );
          this.update();
          void this.deps.reread().catch(() => undefined);
          return;
        }
        void this.settleByReread([field]);
      }, this.deps.confirmTimeoutMs),
    );
  }

  private settle(field: string): void {
    delete this.desired[field];
    this.clearDeadline(field);
    // A value still awaited keeps a deadline of its own: nothing stays pending for ever.
    if (field in this.awaiting) this.armDeadline(field);
  }

  private clearDeadline(field: string): void {
    const handle = this.deadlines.get(field);
    if (handle !== undefined) this.timers.clearTimeout(handle);
    this.deadlines.delete(field);
  }

  private onWireHas(field: string): boolean {
    return this.onWire !== null && field in this.onWire;
  }

  private recentlySent(field: string, value: V | undefined): boolean {
    const recent = this.recent.get(field);
    return recent !== undefined && recent.value === value && recent.until >= this.now();
  }

  private update(): void {
    this.emit((l) => l.onUpdate?.());
  }

  private emit(call: (listener: FieldIntentsListener<V>) => void): void {
    for (const listener of [...this.listeners]) call(listener);
  }
}
