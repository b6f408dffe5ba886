import type { PlatformError } from '../../platform/errors';
import {
  type Effect,
  type IntentOutcome,
  type MachineConfig,
  type MachineState,
  type Phase,
  type TimerPurpose,
  type Transition,
  type Values,
} from './intent-types';

/** The agent's intent while it is pending, else the server's state. */
export function shown<V>(state: MachineState<V>, field: string): V | undefined {
  return state.desired.has(field) ? state.desired.get(field) : state.confirmed.get(field);
}

export function isPending<V>(state: MachineState<V>, field: string): boolean {
  return state.desired.has(field) || state.awaiting.has(field);
}

/** Until when a 429 holds this participant's requests back (epoch ms; 0 when not). */
export function rateLimitedUntil<V>(state: MachineState<V>, now: number): number {
  return state.phase.name === 'rateLimited' && state.phase.until > now ? state.phase.until : 0;
}

export function initialState<V>(confirmed: Values<V>, config: MachineConfig): MachineState<V> {
  return {
    config,
    phase: { name: 'idle' },
    confirmed: new Map(Object.entries(confirmed)),
    desired: new Map(),
    awaiting: new Map(),
    recent: new Map(),
    deadlines: new Map(),
    conflictAttempts: 0,
    ended: false,
    nextTimer: 1,
  };
}

/** One transition being worked out on copies of the state (the input is never touched). */
export class Draft<V> {
  phase: Phase<V>;
  confirmed: ReadonlyMap<string, V>;
  readonly desired: Map<string, V>;
  readonly awaiting: Map<string, V>;
  /** Targets sent lately; `doubtful` once a re-read showed the server had not applied it. */
  readonly recent: Map<string, { value: V; until: number; doubtful?: true }>;
  readonly deadlines: Map<string, number>;
  conflictAttempts: number;
  ended: boolean;
  nextTimer: number;
  readonly effects: Effect<V>[] = [];

  constructor(
    readonly from: MachineState<V>,
    readonly now: number,
  ) {
    this.phase = from.phase;
    this.confirmed = from.confirmed;
    this.desired = new Map(from.desired);
    this.awaiting = new Map(from.awaiting);
    this.recent = new Map(from.recent);
    this.deadlines = new Map(from.deadlines);
    this.conflictAttempts = from.conflictAttempts;
    this.ended = from.ended;
    this.nextTimer = from.nextTimer;
  }

  result(): Transition<V> {
    if (this.phase.name === 'idle' || this.phase.name === 'awaitingConfirmation')
      this.phase = {
        name: this.desired.size > 0 || this.awaiting.size > 0 ? 'awaitingConfirmation' : 'idle',
      };
    return {
      state: {
        config: this.from.config,
        phase: this.phase,
        confirmed: this.confirmed,
        desired: this.desired,
        awaiting: this.awaiting,
        recent: this.recent,
        deadlines: this.deadlines,
        conflictAttempts: this.conflictAttempts,
        ended: this.ended,
        nextTimer: this.nextTimer,
      },
      effects: this.effects,
    };
  }

  /** Starts a request if one is wanted and none is out or held back. */
  pump(): void {
    if (this.ended) return;
    if (this.phase.name === 'queued' || this.phase.name === 'onTheWire' || this.pause()) return;
    if (!this.body()) return;
    this.phase = { name: 'queued' };
    this.effects.push({ type: 'acquire' });
  }

  /** The 429 pause or 409 backoff holding requests back (until its retry timer fires). */
  pause(): { error: PlatformError } | undefined {
    const phase = this.phase;
    return phase.name === 'rateLimited' || phase.name === 'conflictBackoff' ? phase : undefined;
  }

  /** Every field whose intent differs from what the server has or is about to have. */
  body(): Map<string, V> | null {
    const body = new Map<string, V>();
    for (const [field, target] of this.desired) {
      const expected = this.awaiting.has(field)
        ? this.awaiting.get(field)
        : this.confirmed.get(field);
      if (target !== expected) body.set(field, target);
    }
    return body.size > 0 ? body : null;
  }

  /** One re-read, then roll back what it does not show (see `reread`). */
  settleByReread(fields: string[], error?: PlatformError): void {
    const targets = fields.map((f) => [f, this.desired.get(f) ?? this.awaiting.get(f)] as const);
    const awaited = fields.flatMap((f) => {
      const value = this.awaiting.get(f);
      return this.awaiting.has(f) && value !== undefined ? [[f, value] as const] : [];
    });
    this.effects.push({ type: 'reread', settle: { targets, awaited, error } });
  }

  settle(field: string): void {
    this.desired.delete(field);
    this.clearDeadline(field);
    // A value still awaited keeps a deadline of its own: nothing stays pending for ever.
    if (this.awaiting.has(field)) this.armDeadline(field);
  }

  armDeadline(field: string): void {
    this.clearDeadline(field);
    const timer = this.arm(this.from.config.confirmTimeoutMs, { kind: 'deadline', field });
    this.deadlines.set(field, timer);
  }

  clearDeadline(field: string): void {
    const timer = this.deadlines.get(field);
    if (timer === undefined) return;
    this.effects.push({ type: 'cancel', timer });
    this.deadlines.delete(field);
  }

  arm(ms: number, purpose: TimerPurpose): number {
    const timer = this.nextTimer;
    this.nextTimer += 1;
    this.effects.push({ type: 'arm', timer, ms, purpose });
    return timer;
  }

  onWire(): ReadonlyMap<string, V> | undefined {
    return this.phase.name === 'onTheWire' ? this.phase.body : undefined;
  }

  onWireHas(field: string): boolean {
    return this.onWire()?.has(field) ?? false;
  }

  /** A target sent lately that a re-read showed not applied: it may still land, or not. */
  doubtfullySent(field: string, value: V | undefined): boolean {
    return this.recentlySent(field, value) && this.recent.get(field)?.doubtful === true;
  }

  /** After a re-read without it: the target no longer explains a change for certain. */
  doubt(field: string): void {
    const recent = this.recent.get(field);
    if (recent) this.recent.set(field, { ...recent, doubtful: true });
  }

  recentlySent(field: string, value: V | undefined): boolean {
    const recent = this.recent.get(field);
    return recent !== undefined && recent.value === value && recent.until >= this.now;
  }

  outcome(outcome: IntentOutcome<V>): void {
    this.effects.push({ type: 'outcome', outcome });
  }
}
