import { toPlatformError } from '../../platform/errors';
import type { Permit } from '../../platform/request-budget';
import { createScheduler, type Cancel, type Scheduler } from '../../time/scheduler';
import { reduce } from './intent-machine';
import { initialState, isPending, rateLimitedUntil, shown } from './intent-state';
import type {
  ConfirmedChange,
  Effect,
  IntentOutcome,
  MachineEvent,
  MachineInput,
  MachineState,
  StateName,
  Values,
} from './intent-types';

export interface IntentDriverDeps<V> {
  /**
   * Resolves when a request may leave now (the request budget's permit). The body is built only
   * then, from the intent of that moment. Default: at once, without a permit.
   */
  acquire?(): Promise<Permit>;
  /** Sends exactly this body (with the permit just granted); rejects with the failure. */
  send(body: Values<V>, permit: Permit | undefined): Promise<unknown>;
  /** One REST re-read of the server's state; `confirm()` is called with it before it resolves. */
  reread(): Promise<void>;
  /** How long an intent may stay unconfirmed (from the click) before it is settled. */
  confirmTimeoutMs: number;
  /** 409s retried after a jittered backoff while still wanted (default 0: a 409 is final). */
  conflictRetries?: number;
  scheduler?: Scheduler;
  random?: () => number;
  /** Sees every transition, in order (tests: which states and transitions a run visited). */
  trace?(from: MachineState<V>, event: MachineEvent<V>, to: MachineState<V>): void;
}

export interface IntentListener<V> {
  onChange?(change: ConfirmedChange<V>): void;
  onOutcome?(outcome: IntentOutcome<V>): void;
  /** Whatever should be shown may have changed. */
  onUpdate?(): void;
  /** A request is leaving with these targets. */
  onSent?(body: Values<V>): void;
}

/**
 * Runs the intent machine of one participant's fields: feeds it events (clicks, the server's
 * state, the budget's permit, replies, timers) one at a time and carries out the effects it
 * returns (acquire, send, re-read, timers on the scheduler, telling listeners). An event raised
 * while effects run (a re-read that confirms at once) waits for them to finish.
 *
 * @example
 * const flags = new IntentDriver<boolean>({ muted: false, held: false }, deps);
 * flags.request('muted', true);                 // pending at once
 * flags.confirm({ muted: true, held: false });  // from the notification: confirmed, ours
 */
export class IntentDriver<V> {
  private state: MachineState<V>;
  private readonly scheduler: Scheduler;
  private readonly timers = new Map<number, Cancel>();
  private readonly queue: MachineEvent<V>[] = [];
  private readonly listeners = new Set<IntentListener<V>>();
  /** The permit granted for the `slot` being handled. */
  private granted: Permit | undefined;
  private running = false;
  private disposed = false;

  constructor(
    initial: Values<V>,
    private readonly deps: IntentDriverDeps<V>,
  ) {
    this.scheduler = deps.scheduler ?? createScheduler();
    this.state = initialState(initial, {
      confirmTimeoutMs: deps.confirmTimeoutMs,
      conflictRetries: deps.conflictRetries ?? 0,
    });
  }

  listen(listener: IntentListener<V>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The agent's intent while it is pending, else the server's state. */
  shown(field: string): V | undefined {
    return shown(this.state, field);
  }

  confirmedValue(field: string): V | undefined {
    return this.state.confirmed.get(field);
  }

  isPending(field: string): boolean {
    return isPending(this.state, field);
  }

  /** Until when a 429 holds this participant's requests back (epoch ms; 0 when not). */
  rateLimitedUntil(): number {
    return rateLimitedUntil(this.state, this.scheduler.now());
  }

  /** The machine's named state (for diagnostics and tests). */
  stateName(): StateName {
    return this.state.phase.name;
  }

  /**
   * Another instance of the panel (same browser, same user) just sent this target: when the
   * server's state shows it, that change is "ours" too.
   */
  noteSentElsewhere(field: string, value: V): void {
    this.dispatch({ type: 'noteSentElsewhere', field, value });
  }

  request(field: string, value: V): void {
    this.requestAll({ [field]: value });
  }

  /** Several fields at once: they leave together, in one request (one save of the agent's). */
  requestAll(values: Values<V>): void {
    this.dispatch({ type: 'request', values });
  }

  /** The server's state, from a notification or a re-read (a whole snapshot of these fields). */
  confirm(state: Values<V>): void {
    this.dispatch({ type: 'confirm', state });
  }

  /**
   * The participant's leg ended (its snapshot says disconnected or terminated): every pending
   * intent settles and nothing more is sent. For mute and hold; attribute writes stay allowed on
   * an ended leg (after-call work), so their drivers are never ended.
   */
  end(): void {
    if (!this.state.ended) this.dispatch({ type: 'ended' });
  }

  /** Stops everything: no timer stays armed, nothing more is sent or told. */
  dispose(): void {
    this.disposed = true;
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
    this.queue.length = 0;
    this.granted?.release();
    this.granted = undefined;
  }

  private dispatch(input: MachineInput<V>): void {
    if (this.disposed) return;
    this.queue.push({ ...input, now: this.scheduler.now() });
    if (this.running) return;
    this.running = true;
    try {
      for (let event = this.queue.shift(); event; event = this.queue.shift()) {
        const before = this.state;
        const { state, effects } = reduce(before, event);
        this.state = state;
        this.deps.trace?.(before, event, state);
        for (const effect of effects) if (!this.disposed) this.run(effect);
        if (!this.disposed) this.emit((l) => l.onUpdate?.());
      }
    } finally {
      this.running = false;
    }
  }

  private run(effect: Effect<V>): void {
    switch (effect.type) {
      case 'acquire':
        return this.acquire();
      case 'send':
        return this.send(effect.body);
      case 'release':
        this.granted?.release();
        this.granted = undefined;
        return;
      case 'reread': {
        const { settle } = effect;
        void this.reread().then(() => {
          if (settle) this.dispatch({ type: 'reread', settle });
        });
        return;
      }
      case 'arm': {
        const { timer, purpose } = effect;
        const cancel = this.scheduler.after(effect.ms, () => {
          this.timers.delete(timer);
          this.dispatch(
            purpose.kind === 'deadline'
              ? { type: 'deadline', field: purpose.field, timer }
              : { type: 'retry', timer },
          );
        });
        this.timers.set(timer, cancel);
        return;
      }
      case 'cancel':
        this.timers.get(effect.timer)?.();
        this.timers.delete(effect.timer);
        return;
      case 'sent':
        return this.emit((l) => l.onSent?.(effect.body));
      case 'change':
        return this.emit((l) => l.onChange?.(effect.change));
      case 'outcome':
        return this.emit((l) => l.onOutcome?.(effect.outcome));
    }
  }

  private acquire(): void {
    const granted = this.deps.acquire?.() ?? Promise.resolve(undefined);
    granted.then(
      (permit) => this.slot(permit),
      // The budget never refuses; if a custom one does, the request waits in it instead.
      () => this.slot(undefined),
    );
  }

  private slot(permit: Permit | undefined): void {
    if (this.disposed) {
      permit?.release();
      return;
    }
    this.granted = permit;
    this.dispatch({ type: 'slot' });
  }

  private send(body: Values<V>): void {
    const permit = this.granted;
    this.granted = undefined;
    let sending: Promise<unknown>;
    try {
      sending = this.deps.send(body, permit);
    } catch (error) {
      sending = Promise.reject(error);
    }
    sending.then(
      () => this.dispatch({ type: 'accepted' }),
      (error: unknown) =>
        this.dispatch({
          type: 'failed',
          error: toPlatformError(error),
          jitter: (this.deps.random ?? Math.random)(),
        }),
    );
  }

  private async reread(): Promise<void> {
    try {
      await this.deps.reread();
    } catch {
      // Settled below all the same: nothing may stay pending for ever.
    }
  }

  private emit(call: (listener: IntentListener<V>) => void): void {
    for (const listener of [...this.listeners]) call(listener);
  }
}
