import type { Call } from '../../platform/types';
import {
  FieldIntents,
  type FieldIntentsDeps,
  type IntentOutcome,
  type IntentTimers,
  type Values,
} from './field-intents';

export type FlagField = 'muted' | 'held';
export type IntentGroup = 'flags' | 'attributes';

/** Who explains the last confirmed change of a field: a request of this panel, or not. */
export interface Provenance<V> {
  value: V | undefined;
  ours: boolean;
  /** When the panel saw the change (epoch ms). */
  at: number;
}

/** Everything a control needs to show about one field; the same object while nothing changed. */
export interface IntentView<V> {
  shown: V | undefined;
  confirmed: V | undefined;
  pending: boolean;
  provenance?: Provenance<V>;
  outcome?: IntentOutcome<V>;
  /** A 429 holds this participant's requests back until then (epoch ms). */
  rateLimitedUntil?: number;
}

export type IntentEvent =
  | {
      type: 'change';
      conversationId: string;
      participantId: string;
      group: IntentGroup;
      field: string;
      value: boolean | string | undefined;
      ours: boolean;
      at: number;
    }
  | {
      type: 'outcome';
      conversationId: string;
      participantId: string;
      group: IntentGroup;
      outcome: IntentOutcome<boolean | string>;
    };

/** A request of this panel leaving with these targets (told to the panel's other instances). */
export interface SentTargets {
  conversationId: string;
  participantId: string;
  group: IntentGroup;
  values: Values<boolean | string>;
}

export interface IntentRegistryDeps {
  /** PATCH `{muted|held}` built at send time (see FieldIntents). */
  sendFlags(
    conversationId: string,
    participantId: string,
    build: () => Values<boolean> | null,
  ): Promise<Values<boolean> | null>;
  /** PATCH `…/attributes` with only the keys built at send time. */
  sendAttributes(
    conversationId: string,
    participantId: string,
    build: () => Values<string> | null,
  ): Promise<Values<string> | null>;
  /** One REST re-read of a call; the resulting snapshot reaches `receive()` before it resolves. */
  reread(conversationId: string): Promise<void>;
  /** The cached snapshot of a call (the starting point of a new intent). */
  get(conversationId: string): Call | undefined;
  flagTimeoutMs?: number;
  attributeTimeoutMs?: number;
  /** 409s on an attributes PATCH retried with backoff (default 3); a 409 on mute/hold is final. */
  attributeConflictRetries?: number;
  timers?: IntentTimers;
  now?: () => number;
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
}

/** How long a target sent by another instance explains a matching change. */
const ELSEWHERE_MS = 30_000;

type Target = FieldIntents<boolean> | FieldIntents<string>;

const key = (cid: string, pid: string, group: IntentGroup, field?: string) =>
  field === undefined
    ? `${cid}\u0000${pid}\u0000${group}`
    : `${cid}\u0000${pid}\u0000${group}\u0000${field}`;

function sameView<V>(a: IntentView<V> | undefined, b: IntentView<V>): boolean {
  return (
    a !== undefined &&
    a.shown === b.shown &&
    a.confirmed === b.confirmed &&
    a.pending === b.pending &&
    a.provenance === b.provenance &&
    a.outcome === b.outcome &&
    a.rateLimitedUntil === b.rateLimitedUntil
  );
}

/**
 * The widget's intents, owned by its services rather than by a component: keyed by
 * conversation, participant and field, they survive call switches and remounts. Holds the
 * provenance and the last outcome of every field too, so going back to a call shows what
 * happened on it. Fed by the call sync (`receive`); read by React through `view` + `subscribe`.
 *
 * @example
 * registry.requestFlag(cid, pid, 'muted', true);
 * const view = registry.flag(cid, pid, 'muted'); // { shown: true, pending: true, … }
 */
export class IntentRegistry {
  private readonly targets = new Map<string, Target>();
  private readonly provenance = new Map<string, Provenance<boolean | string>>();
  private readonly outcomes = new Map<string, IntentOutcome<boolean | string>>();
  private readonly views = new Map<string, IntentView<boolean | string>>();
  private readonly elsewhere = new Map<string, { value: boolean | string; until: number }>();
  private readonly sentListeners = new Set<(sent: SentTargets) => void>();
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: IntentEvent) => void>();
  private readonly now: () => number;

  constructor(private readonly deps: IntentRegistryDeps) {
    this.now = deps.now ?? (() => Date.now());
  }

  requestFlag(
    conversationId: string,
    participantId: string,
    field: FlagField,
    value: boolean,
  ): void {
    this.outcomes.delete(key(conversationId, participantId, 'flags', field));
    this.flagsTarget(conversationId, participantId).request(field, value);
  }

  /**
   * Asks for these attribute values (only the keys given; merge semantics). They leave together
   * in one PATCH, so one save is applied whole or not at all.
   */
  requestAttributes(conversationId: string, participantId: string, values: Values<string>): void {
    const target = this.attributesTarget(conversationId, participantId);
    for (const name of Object.keys(values))
      this.outcomes.delete(key(conversationId, participantId, 'attributes', name));
    target.requestAll(values);
  }

  flag(conversationId: string, participantId: string, field: FlagField): IntentView<boolean> {
    return this.view(conversationId, participantId, 'flags', field) as IntentView<boolean>;
  }

  attribute(conversationId: string, participantId: string, name: string): IntentView<string> {
    return this.view(conversationId, participantId, 'attributes', name) as IntentView<string>;
  }

  /** How many failures are shown and not yet dismissed (what needs the agent's attention). */
  openOutcomes(): number {
    return this.outcomes.size;
  }

  /** Clears a shown failure (the server is not asked anything). */
  dismiss(conversationId: string, participantId: string, group: IntentGroup, field: string): void {
    if (this.outcomes.delete(key(conversationId, participantId, group, field))) this.notify();
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
    const target = this.targets.get(key(conversationId, participantId, group));
    const until = this.now() + ELSEWHERE_MS;
    for (const [field, value] of Object.entries(values)) {
      (target as FieldIntents<boolean | string> | undefined)?.noteSentElsewhere(field, value);
      this.elsewhere.set(key(conversationId, participantId, group, field), { value, until });
    }
  }

  /** A snapshot of a call from the sync step: confirms intents, records provenance. */
  receive({ call, changes }: CallSnapshot): void {
    for (const p of call.participants) {
      const flags = this.targets.get(key(call.id, p.id, 'flags'));
      if (flags) (flags as FieldIntents<boolean>).confirm({ muted: p.muted, held: p.held });
      const attributes = this.targets.get(key(call.id, p.id, 'attributes'));
      if (attributes) (attributes as FieldIntents<string>).confirm(p.attributes);
    }
    let touched = false;
    for (const change of changes) {
      const group: IntentGroup | undefined =
        change.kind === 'attribute'
          ? 'attributes'
          : change.field === 'muted' || change.field === 'held'
            ? 'flags'
            : undefined;
      const field = change.kind === 'attribute' ? change.key : change.field;
      if (!group || !field || this.targets.has(key(call.id, change.participantId, group))) continue;
      const p = call.participants.find((x) => x.id === change.participantId);
      if (!p) continue;
      const value = group === 'flags' ? p[field as FlagField] : p.attributes[field];
      const sent = this.elsewhere.get(key(call.id, p.id, group, field));
      const ours = sent !== undefined && sent.value === value && sent.until >= this.now();
      this.record(call.id, p.id, group, { field, value, ours, at: change.at });
      touched = true;
    }
    if (touched) this.notify();
  }

  /** Drops everything about a call the panel no longer shows. */
  forget(conversationId: string): void {
    const prefix = `${conversationId}\u0000`;
    for (const map of [this.targets, this.provenance, this.outcomes, this.views, this.elsewhere]) {
      for (const k of [...map.keys()]) {
        if (!k.startsWith(prefix)) continue;
        if (map === this.targets) this.targets.get(k)?.dispose();
        map.delete(k);
      }
    }
  }

  private view(
    cid: string,
    pid: string,
    group: IntentGroup,
    field: string,
  ): IntentView<boolean | string> {
    const target = this.targets.get(key(cid, pid, group));
    const fieldKey = key(cid, pid, group, field);
    const snapshot = this.deps.get(cid)?.participants.find((p) => p.id === pid);
    const fromCall =
      group === 'flags' ? snapshot?.[field as FlagField] : snapshot?.attributes[field];
    const limited = target?.rateLimitedUntil() ?? 0;
    const next: IntentView<boolean | string> = {
      shown: target ? target.shown(field) : fromCall,
      confirmed: target ? target.confirmedValue(field) : fromCall,
      pending: target?.isPending(field) ?? false,
      provenance: this.provenance.get(fieldKey),
      outcome: this.outcomes.get(fieldKey),
      rateLimitedUntil: limited > 0 ? limited : undefined,
    };
    const previous = this.views.get(fieldKey);
    if (previous && sameView(previous, next)) return previous;
    this.views.set(fieldKey, next);
    return next;
  }

  private flagsTarget(cid: string, pid: string): FieldIntents<boolean> {
    const existing = this.targets.get(key(cid, pid, 'flags'));
    if (existing) return existing as FieldIntents<boolean>;
    const p = this.deps.get(cid)?.participants.find((x) => x.id === pid);
    const target = new FieldIntents<boolean>(
      { muted: p?.muted ?? false, held: p?.held ?? false },
      this.targetDeps(cid, this.deps.flagTimeoutMs ?? 5000, (build) =>
        this.deps.sendFlags(cid, pid, build),
      ),
    );
    return this.adopt(cid, pid, 'flags', target);
  }

  private attributesTarget(cid: string, pid: string): FieldIntents<string> {
    const existing = this.targets.get(key(cid, pid, 'attributes'));
    if (existing) return existing as FieldIntents<string>;
    const p = this.deps.get(cid)?.participants.find((x) => x.id === pid);
    const target = new FieldIntents<string>(
      { ...(p?.attributes ?? {}) },
      {
        ...this.targetDeps(cid, this.deps.attributeTimeoutMs ?? 10_000, (build) =>
          this.deps.sendAttributes(cid, pid, build),
        ),
        conflictRetries: this.deps.attributeConflictRetries ?? 3,
      },
    );
    return this.adopt(cid, pid, 'attributes', target);
  }

  private targetDeps<V>(
    cid: string,
    confirmTimeoutMs: number,
    send: FieldIntentsDeps<V>['send'],
  ): FieldIntentsDeps<V> {
    return {
      send,
      confirmTimeoutMs,
      reread: () => this.deps.reread(cid),
      timers: this.deps.timers,
      now: this.now,
    };
  }

  private adopt<T extends Target>(cid: string, pid: string, group: IntentGroup, target: T): T {
    this.targets.set(key(cid, pid, group), target);
    (target as FieldIntents<boolean | string>).listen({
      onChange: (change) => this.record(cid, pid, group, change),
      onOutcome: (outcome) => {
        this.outcomes.set(key(cid, pid, group, outcome.field), outcome);
        this.emit({ type: 'outcome', conversationId: cid, participantId: pid, group, outcome });
      },
      onUpdate: () => this.notify(),
      onSent: (values) => {
        for (const listener of [...this.sentListeners])
          listener({ conversationId: cid, participantId: pid, group, values });
      },
    });
    return target;
  }

  private record(
    cid: string,
    pid: string,
    group: IntentGroup,
    change: { field: string; value: boolean | string | undefined; ours: boolean; at: number },
  ): void {
    const { field, value, ours, at } = change;
    this.provenance.set(key(cid, pid, group, field), { value, ours, at });
    if (ours) this.outcomes.delete(key(cid, pid, group, field));
    this.emit({
      type: 'change',
      conversationId: cid,
      participantId: pid,
      group,
      field,
      value,
      ours,
      at,
    });
  }

  private emit(event: IntentEvent): void {
    for (const listener of [...this.eventListeners]) listener(event);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
