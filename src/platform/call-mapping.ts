import type { Call, Participant, ParticipantPurpose, ParticipantState } from './types';

/**
 * One lenient reader for a call conversation as REST (`CallConversation`) and the calls topics
 * (`…conversations.calls`) send it: both have flat participants. Unknown fields pass; enums are
 * compared case-insensitively; a known field of the wrong type is dropped on its own and named
 * in `unreadable` (never the whole participant: the agent's own controls must not vanish).
 */
type Reader<T> = (value: unknown) => value is T;
type Ref = { id?: string; name?: string };

/** A JSON object: not null, not an array. */
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): value is string => typeof value === 'string';
const bool = (value: unknown): value is boolean => typeof value === 'boolean';
/** `{id?, name?}`: each, when present, a string. */
const ref = (value: unknown): value is Ref =>
  isObject(value) &&
  (value.id === undefined || str(value.id)) &&
  (value.name === undefined || str(value.name));
const nonEmpty = (value: unknown): value is string => str(value) && value !== '';

const FIELDS = {
  name: str,
  purpose: str,
  state: str,
  direction: str,
  muted: bool,
  held: bool,
  confined: bool,
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
  attributes: isObject,
  monitoredParticipantId: str,
  coachedParticipantId: str,
  bargedParticipantId: str,
  consultParticipantId: str,
  wrapupRequired: bool,
  wrapupPrompt: str,
  startAcwTime: str,
  endAcwTime: str,
} as const;

type Fields = {
  [K in keyof typeof FIELDS]?: (typeof FIELDS)[K] extends Reader<infer T> ? T : never;
};

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
  for (const [key, read] of Object.entries(FIELDS) as [string, Reader<unknown>][]) {
    const value = raw[key];
    if (value === undefined || value === null) continue;
    if (read(value)) fields[key] = value;
    else unreadable.push(key);
  }
  return { fields: fields as Fields, unreadable };
}

/** Maps one raw participant; null only when it has no id (it cannot be told apart then). */
function parseParticipant(raw: unknown): Participant | null {
  if (!isObject(raw) || !nonEmpty(raw.id)) return null;
  const { fields: f, unreadable } = readFields(raw);
  const participant: Participant = {
    id: raw.id,
    name: f.name || undefined,
    purpose: normalizeEnum(f.purpose, PURPOSES, 'other'),
    state: normalizeEnum(f.state, STATES, 'other'),
    direction: normalizeEnum(f.direction, ['inbound', 'outbound'] as const, 'unknown'),
    muted: f.muted ?? false,
    held: f.held ?? false,
    confined: f.confined,
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
    consultParticipantId: f.consultParticipantId,
    wrapupRequired: f.wrapupRequired,
    wrapupPrompt: f.wrapupPrompt?.toLowerCase() || undefined,
    startAcwTime: time(f.startAcwTime),
    endAcwTime: time(f.endAcwTime),
  };
  if (unreadable.length > 0) participant.unreadable = unreadable;
  for (const key of Object.keys(participant) as (keyof Participant)[])
    if (participant[key] === undefined) delete participant[key];
  return participant;
}

/** Parses a call; a participant without an id is dropped rather than failing the call. */
export function parseCall(raw: unknown): Call | null {
  if (!isObject(raw) || !nonEmpty(raw.id)) return null;
  // A list that is not one reads as none; a recording state that is not text as unknown.
  const participants = Array.isArray(raw.participants) ? (raw.participants as unknown[]) : [];
  const recordingState = str(raw.recordingState) ? raw.recordingState : undefined;
  const recording = normalizeEnum(recordingState, ['none', 'active', 'paused'] as const, 'none');
  return {
    id: raw.id,
    participants: participants.flatMap((p) => parseParticipant(p) ?? []),
    ...(recordingState ? { recordingState: recording } : {}),
  };
}
