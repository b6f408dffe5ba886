import * as z from 'zod/mini';
import type { Call, Participant, ParticipantPurpose, ParticipantState } from './types';

/**
 * One lenient reader for a call conversation as REST (`CallConversation`) and the calls topics
 * (`…conversations.calls`) send it: both have flat participants. Unknown fields pass; enums are
 * compared case-insensitively; a known field of the wrong type is dropped on its own and named
 * in `unreadable` (never the whole participant: the agent's own controls must not vanish).
 */
const str = z.string();
const bool = z.boolean();
const ref = z.looseObject({ id: z.optional(z.string()), name: z.optional(z.string()) });
const attributes = z.record(z.string(), z.unknown());

const FIELDS = {
  name: str,
  purpose: str,
  state: str,
  direction: str,
  muted: bool,
  held: bool,
  recording: bool,
  user: ref,
  queue: ref,
  userId: str,
  queueId: str,
  queueName: str,
  ani: str,
  dnis: str,
  address: str,
  startTime: str,
  connectedTime: str,
  endTime: str,
  startHoldTime: str,
  disconnectType: str,
  attributes,
  monitoredParticipantId: str,
  coachedParticipantId: str,
  bargedParticipantId: str,
} as const;

type Fields = { [K in keyof typeof FIELDS]?: z.infer<(typeof FIELDS)[K]> };

const idSchema = z.looseObject({ id: z.string().check(z.minLength(1)) });
const callSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  participants: z.catch(z.nullish(z.array(z.unknown())), null),
  recordingState: z.catch(z.nullish(z.string()), null),
});

const PURPOSES: readonly ParticipantPurpose[] = [
  'customer',
  'agent',
  'user',
  'acd',
  'ivr',
  'external',
];
const STATES: readonly ParticipantState[] = [
  'alerting',
  'dialing',
  'contacting',
  'offering',
  'connected',
  'disconnected',
  'terminated',
  'parked',
];

/** Lower-cases and checks against the known values; anything else becomes `fallback`. */
export function normalizeEnum<T extends string>(
  value: string | null | undefined,
  known: readonly T[],
  fallback: T,
): T {
  const lower = value?.toLowerCase();
  return (known as readonly string[]).includes(lower ?? '') ? (lower as T) : fallback;
}

function time(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function stringAttributes(raw: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/** Reads each known field on its own; null or absent is simply absent. */
function readFields(raw: Record<string, unknown>): { fields: Fields; unreadable: string[] } {
  const fields: Record<string, unknown> = {};
  const unreadable: string[] = [];
  for (const [key, schema] of Object.entries(FIELDS)) {
    const value = raw[key];
    if (value === undefined || value === null) continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) fields[key] = parsed.data;
    else unreadable.push(key);
  }
  return { fields: fields as Fields, unreadable };
}

/** Maps one raw participant; null only when it has no id (it cannot be told apart then). */
function parseParticipant(raw: unknown): Participant | null {
  const identified = idSchema.safeParse(raw);
  if (!identified.success) return null;
  const { fields: f, unreadable } = readFields(identified.data);
  const participant: Participant = {
    id: identified.data.id,
    name: f.name || undefined,
    purpose: normalizeEnum(f.purpose, PURPOSES, 'other'),
    state: normalizeEnum(f.state, STATES, 'other'),
    direction: normalizeEnum(f.direction, ['inbound', 'outbound'] as const, 'unknown'),
    muted: f.muted ?? false,
    held: f.held ?? false,
    recording: f.recording,
    userId: f.user?.id ?? f.userId,
    queueId: f.queue?.id ?? f.queueId,
    queueName: f.queue?.name ?? f.queueName,
    ani: f.ani,
    dnis: f.dnis,
    address: f.address,
    startTime: time(f.startTime),
    connectedTime: time(f.connectedTime),
    endTime: time(f.endTime),
    startHoldTime: time(f.startHoldTime),
    disconnectType: f.disconnectType,
    attributes: stringAttributes(f.attributes),
    monitoredParticipantId: f.monitoredParticipantId,
    coachedParticipantId: f.coachedParticipantId,
    bargedParticipantId: f.bargedParticipantId,
  };
  if (unreadable.length > 0) participant.unreadable = unreadable;
  for (const key of Object.keys(participant) as (keyof Participant)[])
    if (participant[key] === undefined) delete participant[key];
  return participant;
}

/** Parses a call; a participant without an id is dropped rather than failing the call. */
export function parseCall(raw: unknown): Call | null {
  const call = callSchema.safeParse(raw);
  if (!call.success) return null;
  const participants = (call.data.participants ?? []).flatMap((p) => parseParticipant(p) ?? []);
  const recording = normalizeEnum(
    call.data.recordingState ?? undefined,
    ['none', 'active', 'paused'] as const,
    'none',
  );
  return {
    id: call.data.id,
    participants,
    ...(call.data.recordingState ? { recordingState: recording } : {}),
  };
}
