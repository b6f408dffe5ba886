import type { Call, Participant } from '../platform/types';

/** Participant fields whose changes the panel reports (provenance, announcements, audit). */
const DIFF_FIELDS = [
  'state',
  'muted',
  'held',
  'recording',
  'disconnectType',
  'monitoredParticipantId',
  'coachedParticipantId',
  'bargedParticipantId',
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export interface ChangeMeta {
  /** The event's correlation id (none for a REST re-read). */
  correlationId?: string;
  /** When the panel learned of it (epoch ms). */
  at: number;
  source: 'event' | 'reread';
  /**
   * A re-read after the event stream was interrupted (every (re)subscription is followed by one):
   * a value may have changed and changed back in between, unseen.
   */
  gap?: true;
}

interface Base extends ChangeMeta {
  conversationId: string;
  participantId: string;
}

/** One thing that changed between two snapshots of a call: old → new. */
export type CallChange =
  | (Base & { kind: 'joined'; participant: Participant })
  | (Base & { kind: 'field'; field: DiffField; from: unknown; to: unknown })
  | (Base & { kind: 'attribute'; key: string; from?: string; to?: string });

/**
 * What changed from `previous` to `next`, per participant field and attribute. The first
 * snapshot of a call is a baseline: nothing is reported for it.
 */
export function diffCall(previous: Call | undefined, next: Call, meta: ChangeMeta): CallChange[] {
  if (!previous) return [];
  const changes: CallChange[] = [];
  const before = new Map(previous.participants.map((p) => [p.id, p]));
  for (const p of next.participants) {
    const base = { ...meta, conversationId: next.id, participantId: p.id };
    const old = before.get(p.id);
    if (!old) {
      changes.push({ ...base, kind: 'joined', participant: p });
      continue;
    }
    for (const field of DIFF_FIELDS) {
      if (old[field] !== p[field])
        changes.push({ ...base, kind: 'field', field, from: old[field], to: p[field] });
    }
    const keys = new Set([...Object.keys(old.attributes), ...Object.keys(p.attributes)]);
    for (const key of keys) {
      const from = old.attributes[key];
      const to = p.attributes[key];
      if (from !== to) changes.push({ ...base, kind: 'attribute', key, from, to });
    }
  }
  return changes;
}

const FIELD_OF: Record<string, keyof Participant> = { user: 'userId', queue: 'queueId' };

/**
 * Fields a snapshot could not read keep their last known value (the platform sends whole
 * snapshots, so the previous one is the best evidence until the next).
 */
export function carryUnreadable(previous: Call | undefined, next: Call): Call {
  if (!previous || !next.participants.some((p) => p.unreadable)) return next;
  const before = new Map(previous.participants.map((p) => [p.id, p]));
  return {
    ...next,
    participants: next.participants.map((p) => {
      const old = before.get(p.id);
      if (!p.unreadable || !old) return p;
      const patched: Record<string, unknown> = { ...p };
      for (const name of p.unreadable) {
        const field = FIELD_OF[name] ?? (name as keyof Participant);
        patched[field] = old[field];
      }
      return patched as unknown as Participant;
    }),
  };
}
