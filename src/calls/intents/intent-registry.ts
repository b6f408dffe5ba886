import { isLegEnded } from '../../domain/call-selectors';
import type { Permit } from '../../platform/request-budget';
import type { Call, Participant } from '../../platform/types';
import { createScheduler, type Scheduler } from '../../time/scheduler';
import { IntentDriver, type IntentDriverDeps } from './intent-driver';
import {
  IntentGroupStore,
  type FlagField,
  type GroupHost,
  type IntentEvent,
  type IntentGroup,
  type IntentView,
  type SentTargets,
} from './intent-group';
import type { IntentOutcome, Values } from './intent-types';

export type {
  FlagField,
  IntentEvent,
  IntentGroup,
  IntentView,
  Provenance,
  SentTargets,
} from './intent-group';
export type { ConfirmedChange, IntentOutcome, Values } from './intent-types';

/** A mute/hold request: explicit targets, only the fields that change. */
export type FlagChange = Partial<Record<FlagField, boolean>>;

export interface IntentRegistryDeps {
  /**
   * Resolves when a request may leave now (the request budget's permit, agent priority); the
   * body is built only then, so a target no longer wanted is never sent. Default: at once.
   */
  acquire?(): Promise<Permit>;
  /** PATCH `{muted|held}` with exactly these targets, leaving at once with the permit. */
  sendFlags(
    conversationId: string,
    participantId: string,
    change: FlagChange,
    permit: Permit | undefined,
  ): Promise<unknown>;
  /** PATCH `…/attributes` with exactly these keys (one PATCH: applied whole or not at all). */
  sendAttributes(
    conversationId: string,
    participantId: string,
    values: Values<string>,
    permit: Permit | undefined,
  ): Promise<unknown>;
  /** One REST re-read of a call; the resulting snapshot reaches `receive()` before it resolves. */
  reread(conversationId: string): Promise<void>;
  /** The cached snapshot of a call (the starting point of a new intent). */
  get(conversationId: string): Call | undefined;
  flagTimeoutMs?: number;
  attributeTimeoutMs?: number;
  /** 409s on an attributes PATCH retried with backoff (default 3); a 409 on mute/hold is final. */
  attributeConflictRetries?: number;
  scheduler?: Scheduler;
  random?: () => number;
}

/** The snapshot of a call as the registry reads it (a `CallUpdate` fits). */
export interface CallSnapshot {
  call: Call;
  changes: readonly {
    kind: string;
    participantId: string;
    field?: string;
    key?: string;
    at: number;
  }[];
  meta?: { gap?: true };
}

const isFlag = (field: string | undefined): field is FlagField =>
  field === 'muted' || field === 'held';

/** Only mute and hold travel as flags (an explicit target each, never a toggle). */
function flagChange(values: Values<boolean>): FlagChange {
  const change: FlagChange = {};
  if (values.muted !== undefined) change.muted = values.muted;
  if (values.held !== undefined) change.held = values.held;
  return change;
}

/**
 * The widget's intents, owned by its services rather than by a component: keyed by
 * conversation, participant and field, they survive call switches and remounts. Holds the
 * provenance and the last outcome of every field too, so going back to a call shows what
 * happened on it. Fed by the call sync (`receive`); read by React through `view` + `subscribe`.
 * Flags (boolean) and attributes (string) each have their own typed store.
 *
 * @example
 * registry.requestFlag(cid, pid, 'muted', true);
 * const view = registry.flag(cid, pid, 'muted'); // { shown: true, pending: true, … }
 */
export class IntentRegistry {
  private readonly flags: IntentGroupStore<boolean>;
  private readonly attributes: IntentGroupStore<string>;
  private readonly sentListeners = new Set<(sent: SentTargets) => void>();
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: IntentEvent) => void>();
  private readonly scheduler: Scheduler;

  constructor(private readonly deps: IntentRegistryDeps) {
    this.scheduler = deps.scheduler ?? createScheduler();
    this.flags = new IntentGroupStore<boolean>(
      'flags',
      this.host((cid, pid) => {
        const p = this.participant(cid, pid);
        return new IntentDriver<boolean>(
          { muted: p?.muted ?? false, held: p?.held ?? false },
          {
            ...this.driverDeps(cid),
            confirmTimeoutMs: deps.flagTimeoutMs ?? 5000,
            send: (body, permit) => deps.sendFlags(cid, pid, flagChange(body), permit),
          },
        );
      }),
    );
    this.attributes = new IntentGroupStore<string>(
      'attributes',
      this.host((cid, pid) => {
        const p = this.participant(cid, pid);
        return new IntentDriver<string>(
          { ...(p?.attributes ?? {}) },
          {
            ...this.driverDeps(cid),
            confirmTimeoutMs: deps.attributeTimeoutMs ?? 10_000,
            conflictRetries: deps.attributeConflictRetries ?? 3,
            send: (body, permit) => deps.sendAttributes(cid, pid, body, permit),
          },
        );
      }),
    );
  }

  requestFlag(
    conversationId: string,
    participantId: string,
    field: FlagField,
    value: boolean,
  ): void {
    this.flags.clearOutcome(conversationId, participantId, field);
    this.flags.target(conversationId, participantId).request(field, value);
  }

  /**
   * Asks for these attribute values (only the keys given; merge semantics). They leave together
   * in one PATCH, so one save is applied whole or not at all.
   */
  requestAttributes(conversationId: string, participantId: string, values: Values<string>): void {
    const target = this.attributes.target(conversationId, participantId);
    for (const name of Object.keys(values))
      this.attributes.clearOutcome(conversationId, participantId, name);
    target.requestAll(values);
  }

  flag(conversationId: string, participantId: string, field: FlagField): IntentView<boolean> {
    const p = this.participant(conversationId, participantId);
    return this.flags.view(conversationId, participantId, field, p?.[field]);
  }

  attribute(conversationId: string, participantId: string, name: string): IntentView<string> {
    const p = this.participant(conversationId, participantId);
    return this.attributes.view(conversationId, participantId, name, p?.attributes[name]);
  }

  /** How many failures are shown and not yet dismissed (what needs the agent's attention). */
  openOutcomes(): number {
    return this.flags.openOutcomes + this.attributes.openOutcomes;
  }

  /** Clears a shown failure (the server is not asked anything). */
  dismiss(conversationId: string, participantId: string, group: IntentGroup, field: string): void {
    const store = group === 'flags' ? this.flags : this.attributes;
    if (store.clearOutcome(conversationId, participantId, field)) this.notify();
  }

  /**
   * Clears every shown failure whose cause has ended (e.g. "your sign-in has expired" once the
   * agent has signed in again), in both groups.
   */
  clearOutcomesWhere(ended: (outcome: IntentOutcome<boolean | string>) => boolean): void {
    const gone = this.flags.clearOutcomesWhere(ended) + this.attributes.clearOutcomesWhere(ended);
    if (gone > 0) this.notify();
  }

  /** Any view may have changed; returns the function that stops listening. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Requests as they leave (for the panel's other instances: "by you" there too). */
  onSent(listener: (sent: SentTargets) => void): () => void {
    this.sentListeners.add(listener);
    return () => this.sentListeners.delete(listener);
  }

  /** Confirmed changes (with provenance) and outcomes, for announcements and the audit trail. */
  onEvent(listener: (event: IntentEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /**
   * Another instance of the panel in this browser sent these targets: a matching change is
   * "by you" here too (the agent made it, in another widget of theirs).
   */
  noteSentElsewhere(
    conversationId: string,
    participantId: string,
    group: IntentGroup,
    values: Values<boolean | string>,
  ): void {
    for (const [field, value] of Object.entries(values)) {
      if (group === 'flags' && typeof value === 'boolean')
        this.flags.noteSentElsewhere(conversationId, participantId, field, value);
      if (group === 'attributes' && typeof value === 'string')
        this.attributes.noteSentElsewhere(conversationId, participantId, field, value);
    }
  }

  /** A snapshot of a call from the sync step: confirms intents, records provenance. */
  receive({ call, changes, meta }: CallSnapshot): void {
    // After a gap in the events, a change of ours may have been undone and redone unseen.
    if (meta?.gap) for (const p of call.participants) this.flags.doubtOurs(call.id, p.id);
    for (const p of call.participants) {
      const flags = this.flags.driver(call.id, p.id);
      flags?.confirm({ muted: p.muted, held: p.held });
      // Mute and hold cannot apply to an ended leg; call data can (after-call work): only the
      // flags settle.
      if (isLegEnded(p)) flags?.end();
      this.attributes.driver(call.id, p.id)?.confirm(p.attributes);
    }
    let touched = false;
    for (const change of changes) {
      const p = call.participants.find((x) => x.id === change.participantId);
      if (!p) continue;
      if (change.kind === 'attribute' && change.key !== undefined) {
        const { key } = change;
        if (this.attributes.recordUntracked(call.id, p.id, key, p.attributes[key], change.at))
          touched = true;
      } else if (change.kind !== 'attribute' && isFlag(change.field)) {
        const field = change.field;
        if (this.flags.recordUntracked(call.id, p.id, field, p[field], change.at)) touched = true;
      }
    }
    if (touched) this.notify();
  }

  /** Drops everything about a call the panel no longer shows. */
  forget(conversationId: string): void {
    this.flags.forget(conversationId);
    this.attributes.forget(conversationId);
  }

  private participant(cid: string, pid: string): Participant | undefined {
    return this.deps.get(cid)?.participants.find((p) => p.id === pid);
  }

  private driverDeps(
    cid: string,
  ): Pick<IntentDriverDeps<never>, 'acquire' | 'reread' | 'scheduler' | 'random'> {
    return {
      acquire: this.deps.acquire,
      reread: () => this.deps.reread(cid),
      scheduler: this.scheduler,
      random: this.deps.random,
    };
  }

  private host<V extends boolean | string>(create: GroupHost<V>['create']): GroupHost<V> {
    return {
      create,
      emit: (event) => {
        for (const listener of [...this.eventListeners]) listener(event);
      },
      sent: (sent) => {
        for (const listener of [...this.sentListeners]) listener(sent);
      },
      notify: () => this.notify(),
      now: () => this.scheduler.now(),
    };
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
