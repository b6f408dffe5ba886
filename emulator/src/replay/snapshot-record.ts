/**
 * A trace's call snapshot (a calls-topic event body, contract §3.4) as the emulator's own call
 * record, so that REST reads during a replay (`GET /conversations/calls[/{id}]`) agree with the
 * frames the widget was given. Lenient: a field of an unexpected type falls back to a default,
 * since a trace may come from a real org whose frames surprised the widget.
 */
import type { CallState, ConversationRecord, ParticipantRecord, Purpose } from '../model/types.js';
import type { ReplayIds } from './replay-ids.js';

type Json = Record<string, unknown>;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const PURPOSES = new Set<Purpose>(['customer', 'acd', 'agent', 'user', 'ivr', 'external']);
const STATES = new Set<CallState>([
  'alerting',
  'dialing',
  'contacting',
  'connected',
  'disconnected',
  'terminated',
]);
const PROMPTS = new Set(['mandatory', 'optional', 'agentRequested', 'timeout', 'forcedTimeout']);

const isJson = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keys holding ids, and whose ids they are. */
function roleOf(key: string, parent: string): 'user' | 'queue' | 'other' | undefined {
  if (key === 'userId' || (key === 'id' && parent === 'user')) return 'user';
  if (key === 'queueId' || (key === 'id' && parent === 'queue')) return 'queue';
  if (key === 'id' || key === 'peer' || /Id$/.test(key)) return 'other';
  if (key === 'code' && parent === 'wrapup') return 'other';
  return undefined;
}

/**
 * A trace's body with the emulator's ids in place of its pseudonyms and every timestamp moved
 * by `shiftMs` (the trace's time to the replay's). Everything else is kept as recorded.
 */
export function mapBody(
  body: unknown,
  ids: ReplayIds,
  shiftMs: number,
  key = '',
  parent = '',
): unknown {
  if (Array.isArray(body)) return body.map((item) => mapBody(item, ids, shiftMs, key, parent));
  if (typeof body === 'string') {
    const role = roleOf(key, parent);
    if (role) return ids.id(body, role);
    if (key === 'selfUri') return mapPath(body, ids);
    if (ISO_TIME.test(body)) return new Date(Date.parse(body) + shiftMs).toISOString();
    return body;
  }
  if (!isJson(body)) return body;
  const out: Json = {};
  for (const [k, v] of Object.entries(body)) out[k] = mapBody(v, ids, shiftMs, k, key);
  return out;
}

/** Path segments that are known pseudonyms, replaced (`/api/v2/users/user-1`). */
export function mapPath(path: string, ids: ReplayIds): string {
  return path
    .split('/')
    .map((segment) => ids.known(segment) ?? segment)
    .join('/');
}

/** A topic's id segment (`v2.users.{id}…`, `v2.routing.queues.{id}…`) mapped. */
export function mapTopic(topic: string, ids: ReplayIds): string {
  const parts = topic.split('.');
  return parts
    .map((part, i) => {
      if (parts[i - 1] === 'users') return ids.id(part, 'user');
      if (parts[i - 1] === 'queues') return ids.id(part, 'queue');
      return ids.known(part) ?? part;
    })
    .join('.');
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const time = (value: unknown): number | undefined => {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
};
const refId = (value: unknown): string | undefined => (isJson(value) ? str(value.id) : undefined);

function callState(value: unknown, fallback: CallState): CallState {
  const state = str(value)?.toLowerCase();
  if (state && STATES.has(state as CallState)) return state as CallState;
  if (state === 'offering') return 'alerting';
  if (state === 'none') return 'disconnected';
  return fallback;
}

function attributesOf(value: unknown): Record<string, string> {
  if (!isJson(value)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

function wrapupOf(value: unknown): ParticipantRecord['wrapup'] {
  if (!isJson(value)) return undefined;
  return {
    code: str(value.code),
    notes: str(value.notes),
    tags: Array.isArray(value.tags) ? value.tags.filter((t) => typeof t === 'string') : undefined,
    durationSeconds: num(value.durationSeconds),
    endTime: time(value.endTime),
  };
}

function errorInfoOf(value: unknown): ParticipantRecord['errorInfo'] {
  const code = isJson(value) ? str(value.code) : undefined;
  return code ? { code, message: str((value as Json).message) ?? '' } : undefined;
}

function participantOf(
  leg: Json,
  previous: ParticipantRecord | undefined,
  now: number,
  newCallId: () => string,
): ParticipantRecord {
  const purpose = str(leg.purpose)?.toLowerCase() as Purpose | undefined;
  const state = callState(leg.state, previous?.state ?? 'connected');
  const prompt = str(leg.wrapupPrompt);
  return {
    id: str(leg.id) ?? newCallId(),
    callId: previous?.callId ?? newCallId(),
    // A purpose the emulator does not model (workflow, voicemail…) is kept as a flow leg.
    purpose: purpose && PURPOSES.has(purpose) ? purpose : 'ivr',
    name: str(leg.name),
    address: str(leg.address) ?? '',
    userId: refId(leg.user) ?? str(leg.userId),
    queueId: refId(leg.queue) ?? str(leg.queueId),
    state,
    initialState: callState(leg.initialState, previous?.initialState ?? state),
    direction: leg.direction === 'outbound' ? 'outbound' : 'inbound',
    startTime: time(leg.startTime) ?? previous?.startTime ?? now,
    connectedTime: time(leg.connectedTime),
    endTime: time(leg.endTime),
    startHoldTime: time(leg.startHoldTime),
    held: leg.held === true,
    muted: leg.muted === true,
    confined: leg.confined === true,
    recording: leg.recording === true,
    disconnectType: str(leg.disconnectType),
    attributes: attributesOf(leg.attributes),
    ani: str(leg.ani) ?? '',
    dnis: str(leg.dnis) ?? '',
    monitoredParticipantId: str(leg.monitoredParticipantId),
    coachedParticipantId: str(leg.coachedParticipantId),
    bargedParticipantId: str(leg.bargedParticipantId),
    consultParticipantId: str(leg.consultParticipantId),
    peer: str(leg.peer),
    wrapupRequired: typeof leg.wrapupRequired === 'boolean' ? leg.wrapupRequired : undefined,
    wrapupPrompt:
      prompt && PROMPTS.has(prompt) ? (prompt as ParticipantRecord['wrapupPrompt']) : undefined,
    wrapupTimeoutMs: num(leg.wrapupTimeoutMs),
    alertingTimeoutMs: num(leg.alertingTimeoutMs),
    startAcwTime: time(leg.startAcwTime),
    endAcwTime: time(leg.endAcwTime),
    wrapup: wrapupOf(leg.wrapup),
    errorInfo: errorInfoOf(leg.errorInfo),
  };
}

/**
 * The record a (mapped) snapshot describes. `previous` is the same call's record from the
 * trace's earlier frame: call ids, digits and settings that snapshots do not carry stay.
 */
export function recordFromSnapshot(
  snapshot: Json & { id: string; participants: Json[] },
  previous: ConversationRecord | undefined,
  now: number,
  newCallId: () => string,
): ConversationRecord {
  const participants = snapshot.participants.map((leg) =>
    participantOf(
      leg,
      previous?.participants.find((p) => p.id === leg.id),
      now,
      newCallId,
    ),
  );
  const recordingState = str(snapshot.recordingState)?.toLowerCase();
  const queued = participants.find(
    (p) => p.queueId && (p.purpose === 'acd' || p.purpose === 'agent'),
  );
  return {
    id: snapshot.id,
    queueId: queued?.queueId ?? participants.find((p) => p.queueId)?.queueId ?? previous?.queueId,
    startTime: Math.min(...participants.map((p) => p.startTime), previous?.startTime ?? now),
    participants,
    recordingState:
      recordingState === 'active' || recordingState === 'paused' ? recordingState : 'none',
    digits: previous?.digits ?? [],
    wrapup: previous?.wrapup,
  };
}
