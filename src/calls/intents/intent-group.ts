import type { IntentDriver } from './intent-driver';
import type { ConfirmedChange, IntentOutcome, Values } from './intent-types';

export type FlagField = 'muted' | 'held';
export type IntentGroup = 'flags' | 'attributes';

/** Who explains the last confirmed change of a field: a request of this panel, or not. */
export interface Provenance<V> {
  value: V | undefined;
  ours: boolean;
  /** Who made it is not known (see `ConfirmedChange.unsure`). */
  unsure?: true;
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
      unsure?: true;
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

/** What a group needs from the registry that holds it. */
export interface GroupHost<V extends boolean | string> {
  /** A new driver for this participant's fields of the group, from the cached snapshot. */
  create(conversationId: string, participantId: string): IntentDriver<V>;
  emit(event: IntentEvent): void;
  sent(sent: SentTargets): void;
  notify(): void;
  now(): number;
}

/** How long a target sent by another instance explains a matching change. */
const ELSEWHERE_MS = 30_000;

const key = (cid: string, pid: string, field?: string) =>
  field === undefined ? `${cid}\u0000${pid}` : `${cid}\u0000${pid}\u0000${field}`;

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
 * One kind of field (flags: boolean; attributes: string) for every call and participant: the
 * intent driver of each participant, and each field's provenance, last outcome and view.
 */
export class IntentGroupStore<V extends boolean | string> {
  private readonly drivers = new Map<string, IntentDriver<V>>();
  private readonly provenance = new Map<string, Provenance<V>>();
  private readonly outcomes = new Map<string, IntentOutcome<V>>();
  private readonly views = new Map<string, IntentView<V>>();
  private readonly elsewhere = new Map<string, { value: V; until: number }>();

  constructor(
    private readonly group: IntentGroup,
    private readonly host: GroupHost<V>,
  ) {}

  /** Failures shown and not yet dismissed. */
  get openOutcomes(): number {
    return this.outcomes.size;
  }

  driver(cid: string, pid: string): IntentDriver<V> | undefined {
    return this.drivers.get(key(cid, pid));
  }

  /** The participant's driver, made on first use. */
  target(cid: string, pid: string): IntentDriver<V> {
    const existing = this.drivers.get(key(cid, pid));
    if (existing) return existing;
    const driver = this.host.create(cid, pid);
    this.drivers.set(key(cid, pid), driver);
    const { group } = this;
    driver.listen({
      onChange: (change) => this.record(cid, pid, change),
      onOutcome: (outcome) => {
        this.outcomes.set(key(cid, pid, outcome.field), outcome);
        this.host.emit({
          type: 'outcome',
          conversationId: cid,
          participantId: pid,
          group,
          outcome,
        });
      },
      onUpdate: () => this.host.notify(),
      onSent: (values) =>
        this.host.sent({ conversationId: cid, participantId: pid, group, values }),
    });
    return driver;
  }

  /** Clears a shown failure; true when there was one. */
  clearOutcome(cid: string, pid: string, field: string): boolean {
    return this.outcomes.delete(key(cid, pid, field));
  }

  /** Clears every shown failure that `ended` says no longer holds; how many went. */
  clearOutcomesWhere(ended: (outcome: IntentOutcome<V>) => boolean): number {
    const gone = [...this.outcomes].filter(([, outcome]) => ended(outcome));
    for (const [k] of gone) this.outcomes.delete(k);
    return gone.length;
  }

  /** The view of a field; `fromCall` is the cached snapshot's value (no intent yet). */
  view(cid: string, pid: string, field: string, fromCall: V | undefined): IntentView<V> {
    const driver = this.drivers.get(key(cid, pid));
    const fieldKey = key(cid, pid, field);
    const limited = driver?.rateLimitedUntil() ?? 0;
    const next: IntentView<V> = {
      shown: driver ? driver.shown(field) : fromCall,
      confirmed: driver ? driver.confirmedValue(field) : fromCall,
      pending: driver?.isPending(field) ?? false,
      provenance: this.provenance.get(fieldKey),
      outcome: this.outcomes.get(fieldKey),
      rateLimitedUntil: limited > 0 ? limited : undefined,
    };
    const previous = this.views.get(fieldKey);
    if (previous && sameView(previous, next)) return previous;
    this.views.set(fieldKey, next);
    return next;
  }

  noteSentElsewhere(cid: string, pid: string, field: string, value: V): void {
    this.drivers.get(key(cid, pid))?.noteSentElsewhere(field, value);
    this.elsewhere.set(key(cid, pid, field), { value, until: this.host.now() + ELSEWHERE_MS });
  }

  /**
   * A change of a field no driver of this group follows: recorded with its provenance (ours
   * only if another instance sent it). False when a driver follows it (it reports the change).
   */
  recordUntracked(cid: string, pid: string, field: string, value: V | undefined, at: number) {
    if (this.drivers.has(key(cid, pid))) return false;
    const sent = this.elsewhere.get(key(cid, pid, field));
    const ours = sent !== undefined && sent.value === value && sent.until >= this.host.now();
    this.record(cid, pid, { field, value, ours, at });
    return true;
  }

  /**
   * The events had a gap: a change this panel made may have been undone and redone by somebody
   * else meanwhile, so none of this participant's fields is "by you" for certain any more.
   */
  doubtOurs(cid: string, pid: string): void {
    const prefix = key(cid, pid, '');
    let changed = false;
    for (const [k, p] of this.provenance)
      if (k.startsWith(prefix) && p.ours) {
        this.provenance.set(k, { value: p.value, ours: false, unsure: true, at: p.at });
        changed = true;
      }
    if (changed) this.host.notify();
  }

  /** Drops everything about a call. */
  forget(cid: string): void {
    const prefix = `${cid}\u0000`;
    for (const [k, driver] of this.drivers)
      if (k.startsWith(prefix)) {
        driver.dispose();
        this.drivers.delete(k);
      }
    for (const map of [this.provenance, this.outcomes, this.views, this.elsewhere])
      for (const k of [...map.keys()]) if (k.startsWith(prefix)) map.delete(k);
  }

  private record(cid: string, pid: string, change: ConfirmedChange<V>): void {
    const { field, value, ours, unsure, at } = change;
    const doubt = unsure ? { unsure } : {};
    this.provenance.set(key(cid, pid, field), { value, ours, ...doubt, at });
    if (ours) this.outcomes.delete(key(cid, pid, field));
    this.host.emit({
      type: 'change',
      conversationId: cid,
      participantId: pid,
      group: this.group,
      field,
      value,
      ours,
      ...doubt,
      at,
    });
  }
}
