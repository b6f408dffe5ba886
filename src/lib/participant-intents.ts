import { toPlatformError, type PlatformError } from '../platform/errors';

export type ToggleField = 'muted' | 'held';
export type Flags = Partial<Record<ToggleField, boolean>>;
export type ConfirmedFlags = Record<ToggleField, boolean>;

export type IntentOutcome =
  | { kind: 'failed'; field: ToggleField; value: boolean; error: PlatformError }
  | { kind: 'timedOut'; field: ToggleField; value: boolean };

/** A confirmed change of a flag, and whether a request of ours explains it. */
export interface FlagChange {
  field: ToggleField;
  value: boolean;
  ours: boolean;
}

export interface IntentTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ParticipantIntentsDeps {
  /** Sends an explicit target (`{muted: true}`); resolves on 202, rejects with the failure. */
  send(change: Flags): Promise<void>;
  /** How long to wait for the notification that confirms a change we sent. */
  confirmTimeoutMs: number;
  /** Ask for one REST re-read (after a failure or a missing confirmation). */
  reread(): void;
  timers?: IntentTimers;
}

export interface IntentListener {
  onChange?(change: FlagChange): void;
  onOutcome?(outcome: IntentOutcome): void;
  /** Whatever should be shown changed. */
  onUpdate?(): void;
}

const FIELDS: readonly ToggleField[] = ['muted', 'held'];

/**
 * Mute/hold intents of one participant. The UI shows the desired value at once; requests carry
 * explicit targets, one in flight at a time, and rapid clicks coalesce to the last one. A change
 * is done when the notification shows it; a failure or a missing confirmation rolls back to the
 * server's state and asks for a re-read. Nothing is sent when the target is what the server
 * already has (or is about to have, from a request of ours still unconfirmed).
 *
 * @example
 * const intents = new ParticipantIntents({ muted: false, held: false }, deps);
 * intents.request('muted', true);          // pending at once, PATCH {muted: true}
 * intents.confirm({ muted: true, held: false }); // from the notification: confirmed
 */
export class ParticipantIntents {
  private confirmed: ConfirmedFlags;
  private desired: Flags = {};
  private awaiting: Flags = {};
  private inFlight = false;
  private readonly deadlines = new Map<ToggleField, unknown>();
  private readonly timers: IntentTimers;
  private disposed = false;
  private readonly listeners = new Set<IntentListener>();

  constructor(
    initial: ConfirmedFlags,
    private readonly deps: ParticipantIntentsDeps,
  ) {
    this.confirmed = { ...initial };
    this.timers = deps.timers ?? {
      setTimeout: (cb, ms) => setTimeout(cb, ms),
      clearTimeout: (h) => clearTimeout(h as number),
    };
  }

  /** Registers a listener; returns the function that removes it. */
  listen(listener: IntentListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What to show for a flag: the agent's intent while it is pending, else the server's state. */
  shown(field: ToggleField): boolean {
    return this.desired[field] ?? this.confirmed[field];
  }

  isPending(field: ToggleField): boolean {
    return this.desired[field] !== undefined || this.awaiting[field] !== undefined;
  }

  request(field: ToggleField, value: boolean): void {
    if (this.disposed) return;
    this.desired[field] = value;
    if (!this.inFlight && this.awaiting[field] === undefined && this.confirmed[field] === value) {
      delete this.desired[field];
    }
    this.update();
    this.pump();
  }

  /** The server's state, from a notification or a re-read. */
  confirm(state: ConfirmedFlags): void {
    if (this.disposed) return;
    const previous = this.confirmed;
    this.confirmed = { ...state };
    for (const field of FIELDS) {
      const ours = this.awaiting[field] === state[field];
      if (ours) this.settle(field);
      if (previous[field] !== state[field])
        this.emit((l) => l.onChange?.({ field, value: state[field], ours }));
      if (
        this.desired[field] === state[field] &&
        this.awaiting[field] === undefined &&
        !this.inFlight
      ) {
        delete this.desired[field];
      }
    }
    this.update();
    this.pump();
  }

  /** Undo dispose() (React may unmount and remount the same component in development). */
  revive(): void {
    this.disposed = false;
  }

  dispose(): void {
    this.disposed = true;
    for (const handle of this.deadlines.values()) this.timers.clearTimeout(handle);
    this.deadlines.clear();
  }

  private pump(): void {
    if (this.inFlight || this.disposed) return;
    const change: Flags = {};
    for (const field of FIELDS) {
      const target = this.desired[field];
      if (target === undefined) continue;
      const expected = this.awaiting[field] ?? this.confirmed[field];
      if (target !== expected) change[field] = target;
      else if (this.awaiting[field] === undefined) delete this.desired[field];
    }
    if (Object.keys(change).length === 0) return this.update();
    this.inFlight = true;
    for (const field of FIELDS) {
      const value = change[field];
      if (value === undefined) continue;
      this.awaiting[field] = value;
      this.armDeadline(field);
    }
    this.deps.send(change).then(
      () => this.afterSend(),
      (error: unknown) => this.afterFailure(change, toPlatformError(error)),
    );
  }

  private afterSend(): void {
    this.inFlight = false;
    for (const field of FIELDS) {
      if (this.desired[field] === this.confirmed[field] && this.awaiting[field] === undefined)
        delete this.desired[field];
    }
    this.update();
    this.pump();
  }

  private afterFailure(change: Flags, error: PlatformError): void {
    this.inFlight = false;
    if (this.disposed) return;
    for (const field of FIELDS) {
      const value = change[field];
      if (value === undefined) continue;
      if (this.awaiting[field] === value) this.settle(field);
      delete this.desired[field];
      this.emit((l) => l.onOutcome?.({ kind: 'failed', field, value, error }));
    }
    this.update();
    this.deps.reread();
  }

  private armDeadline(field: ToggleField): void {
    this.clearDeadline(field);
    this.deadlines.set(
      field,
      this.timers.setTimeout(() => {
        this.deadlines.delete(field);
        const value = this.awaiting[field];
        if (value === undefined || this.disposed) return;
        delete this.awaiting[field];
        delete this.desired[field];
        this.emit((l) => l.onOutcome?.({ kind: 'timedOut', field, value }));
        this.update();
        this.deps.reread();
      }, this.deps.confirmTimeoutMs),
    );
  }

  private settle(field: ToggleField): void {
    delete this.awaiting[field];
    this.clearDeadline(field);
  }

  private clearDeadline(field: ToggleField): void {
    const handle = this.deadlines.get(field);
    if (handle !== undefined) this.timers.clearTimeout(handle);
    this.deadlines.delete(field);
  }

  private update(): void {
    this.emit((l) => l.onUpdate?.());
  }

  private emit(call: (listener: IntentListener) => void): void {
    for (const listener of this.listeners) call(listener);
  }
}
