import type { PlatformError } from '../../platform/errors';
import type { BackoffOptions } from '../../realtime/backoff';

/** Field → value: a request body, or the server's state of a participant's fields. */
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
  /**
   * Not ours for certain, nor anyone else's: a target of ours the server said it had not
   * applied (a 5xx or a missed confirmation, then a re-read without it) may still have landed
   * late, so who made this change is not known.
   */
  unsure?: true;
  at: number;
}

/** Backoff between 409 retries: full jitter below 500 ms, then 1 s, 2 s… (capped at 4 s). */
export const CONFLICT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 4000, factor: 2 };

/** How long after sending a target a matching change still counts as ours. */
export const LATE_CONFIRMATION_MS = 30_000;

/**
 * Where the requests of one participant's fields stand (the machine's named states):
 * - `idle`: nothing pending;
 * - `awaitingConfirmation`: an intent is pending but needs no request now (its target was
 *   accepted, or equals what the server is about to have): the server's state or the
 *   confirmation deadline settles it;
 * - `queued`: a request is wanted and waits for the request budget's permit; its body is built
 *   only when the permit comes;
 * - `onTheWire`: one request is out with this body (never two at once);
 * - `rateLimited`: a 429; nothing leaves until its retry timer fires (`until`, from
 *   Retry-After), then only what is still wanted;
 * - `conflictBackoff`: a 409 on a body that may be retried; nothing leaves until the jittered
 *   backoff's timer fires, then only what is still wanted.
 */
export type Phase<V> =
  | { name: 'idle' }
  | { name: 'awaitingConfirmation' }
  | { name: 'queued' }
  | { name: 'onTheWire'; body: ReadonlyMap<string, V> }
  | { name: 'rateLimited'; until: number; error: PlatformError; timer: number }
  | { name: 'conflictBackoff'; error: PlatformError; timer: number };

export type StateName = Phase<unknown>['name'];

export const STATE_NAMES: readonly StateName[] = [
  'idle',
  'awaitingConfirmation',
  'queued',
  'onTheWire',
  'rateLimited',
  'conflictBackoff',
];

export interface MachineConfig {
  /** How long an intent may stay unconfirmed (from the click) before it is settled. */
  confirmTimeoutMs: number;
  /** 409s retried after a jittered backoff while still wanted (0: a 409 is final). */
  conflictRetries: number;
}

/** Everything the machine knows about one participant's fields; never mutated. */
export interface MachineState<V> {
  readonly config: MachineConfig;
  readonly phase: Phase<V>;
  /** The server's state as last seen. */
  readonly confirmed: ReadonlyMap<string, V>;
  /** The agent's pending intents. */
  readonly desired: ReadonlyMap<string, V>;
  /** Targets the server accepted (or may have applied) and has not shown yet. */
  readonly awaiting: ReadonlyMap<string, V>;
  /** Recently sent targets, for confirmations that arrive after a rollback (epoch ms until). */
  readonly recent: ReadonlyMap<string, { value: V; until: number; doubtful?: true }>;
  /** The armed confirmation deadline of each field (a timer id). */
  readonly deadlines: ReadonlyMap<string, number>;
  readonly conflictAttempts: number;
  /**
   * The participant's leg has ended (its snapshot said disconnected/terminated): nothing is
   * wanted, awaited or sent for it any more; a later click is ignored.
   */
  readonly ended: boolean;
  /** The id the next armed timer gets. */
  readonly nextTimer: number;
}

/** What one re-read must settle when it is back: captured when it was asked for. */
export interface Settle<V> {
  targets: readonly (readonly [string, V | undefined])[];
  awaited: readonly (readonly [string, V])[];
  /** The ambiguous failure that asked for it; none: a missing confirmation. */
  error?: PlatformError;
}

/** Everything that can happen to the machine (stamped with `now` by the driver). */
export type MachineInput<V> =
  | { type: 'request'; values: Values<V> }
  | { type: 'confirm'; state: Values<V> }
  | { type: 'noteSentElsewhere'; field: string; value: V }
  | { type: 'slot' }
  | { type: 'accepted' }
  /** `jitter` is a draw in [0, 1) for a 409's backoff. */
  | { type: 'failed'; error: PlatformError; jitter: number }
  | { type: 'retry'; timer: number }
  | { type: 'deadline'; field: string; timer: number }
  | { type: 'reread'; settle: Settle<V> }
  /** The leg ended: every pending intent settles, nothing more is sent. */
  | { type: 'ended' };

/** An input at the driver's clock (epoch ms). */
export type MachineEvent<V> = MachineInput<V> & { now: number };

export type EventType = MachineEvent<unknown>['type'];

export type TimerPurpose = { kind: 'deadline'; field: string } | { kind: 'retry' };

/** What the driver must do, in this order. */
export type Effect<V> =
  /** Ask the request budget for a permit; dispatch `slot` when it comes. */
  | { type: 'acquire' }
  /** Send this body with the permit just granted; dispatch `accepted` or `failed`. */
  | { type: 'send'; body: Values<V> }
  /** Nothing is to be sent: give the permit just granted back. */
  | { type: 'release' }
  /** One REST re-read; with `settle`, dispatch `reread` when it is back. */
  | { type: 'reread'; settle?: Settle<V> }
  | { type: 'arm'; timer: number; ms: number; purpose: TimerPurpose }
  | { type: 'cancel'; timer: number }
  /** Tell listeners: a request is leaving with these targets. */
  | { type: 'sent'; body: Values<V> }
  | { type: 'change'; change: ConfirmedChange<V> }
  | { type: 'outcome'; outcome: IntentOutcome<V> };

export interface Transition<V> {
  state: MachineState<V>;
  effects: Effect<V>[];
}
