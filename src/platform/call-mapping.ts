import * as z from 'zod/mini';
import type { Call, Participant, ParticipantPurpose, ParticipantState } from './types';

/**
 * One lenient schema for a call conversation as REST (`CallConversation`) and the calls topics
 * (`…conversations.calls`) send it: both have flat participants. Unknown fields pass; enums are
 * compared case-insensitively; a missing field never throws.
 */
const ref = z.nullish(z.object({ id: z.optional(z.string()), name: z.nullish(z.string()) }));
const str = z.nullish(z.string());
const bool = z.nullish(z.boolean());

export const rawParticipantSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  name: str,
  purpose: str,
  state: str,
  direction: str,
  muted: bool,
  held: bool,
  user: ref,
  queue: ref,
  userId: str,
  queueId: str,
  ani: str,
  dnis: str,
  address: str,
  startTime: str,
  connectedTime: str,
  endTime: str,
  startHoldTime: str,
  disconnectType: str,
  attributes: z.nullish(z.record(z.string(), z.unknown())),
  monitoredParticipantId: str,
  coachedParticipantId: str,
  bargedParticipantId: str,
});

export const rawCallSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  participants: z.nullish(z.array(z.unknown())),
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

function time(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function stringAttributes(raw: Record<string, unknown> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

const opt = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

export function toParticipant(raw: z.infer<typeof rawParticipantSchema>): Participant {
  return {
    id: raw.id,
    name: raw.name ?? raw.user?.name ?? raw.queue?.name ?? '',
    purpose: normalizeEnum(raw.purpose, PURPOSES, 'other'),
    state: normalizeEnum(raw.state, STATES, 'other'),
    direction: normalizeEnum(raw.direction, ['inbound', 'outbound'] as const, 'unknown'),
    muted: raw.muted ?? false,
    held: raw.held ?? false,
    userId: opt(raw.user?.id ?? raw.userId),
    userName: opt(raw.user?.name),
    queueId: opt(raw.queue?.id ?? raw.queueId),
    queueName: opt(raw.queue?.name),
    ani: opt(raw.ani),
    dnis: opt(raw.dnis),
    address: opt(raw.address),
    startTime: time(raw.startTime),
    connectedTime: time(raw.connectedTime),
    endTime: time(raw.endTime),
    startHoldTime: time(raw.startHoldTime),
    disconnectType: opt(raw.disconnectType),
    attributes: stringAttributes(raw.attributes),
    monitoredParticipantId: opt(raw.monitoredParticipantId),
    coachedParticipantId: opt(raw.coachedParticipantId),
    bargedParticipantId: opt(raw.bargedParticipantId),
  };
}

/** Parses a call; participants that fail to parse are dropped rather than failing the call. */
export function parseCall(raw: unknown): Call | null {
  const call = rawCallSchema.safeParse(raw);
  if (!call.success) return null;
  const participants = (call.data.participants ?? []).flatMap((p) => {
    const parsed = rawParticipantSchema.safeParse(p);
    return parsed.success ? [toParticipant(parsed.data)] : [];
  });
  return { id: call.data.id, participants };
}
