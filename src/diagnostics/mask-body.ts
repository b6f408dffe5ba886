import type { IdKind, Pseudonyms } from './pseudonyms';
import { MASK } from './trace-types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
/** An enum value (`connected`, `transfer.consult`, `error.ininedgecontrol.session.inactive`). */
const ENUM_VALUE = /^[A-Za-z][\w.-]{0,79}$/;

/** Keys whose string value is an id, and what it identifies. */
const ID_KEYS: Readonly<Record<string, IdKind>> = {
  userId: 'user',
  queueId: 'queue',
  conversationId: 'conversation',
  participantId: 'participant',
  sourceParticipantId: 'participant',
  monitoredParticipantId: 'participant',
  screenMonitoredParticipantId: 'participant',
  coachedParticipantId: 'participant',
  bargedParticipantId: 'participant',
  consultParticipantId: 'participant',
  peer: 'call',
  peerId: 'call',
  channelId: 'channel',
  flowId: 'flow',
  promptId: 'prompt',
  sessionId: 'session',
};

/** Objects whose `id` names what they are (`user: {id}`, `participants: [{id}]`). */
const OBJECT_KINDS: Readonly<Record<string, IdKind>> = {
  participants: 'participant',
  user: 'user',
  queue: 'queue',
  calls: 'call',
  flow: 'flow',
};

const NAME_KEYS = new Set([
  'name',
  'nameRaw',
  'notes',
  'callerIdName',
  'callbackUserName',
  'participantName',
  'queueName',
  'aniName',
  'userName',
  'subject',
]);
const NUMBER_KEYS = new Set([
  'address',
  'ani',
  'dnis',
  'addressNormalized',
  'addressRaw',
  'addressDisplayable',
  'addressFrom',
  'addressTo',
  'callbackNumbers',
  'phoneNumber',
]);
/** Keys whose values are the platform's enums: kept when they look like one. */
const ENUM_KEYS = new Set([
  'purpose',
  'state',
  'initialState',
  'direction',
  'disconnectType',
  'wrapupPrompt',
  'recordingState',
  'provider',
  'mediaType',
  'mediaRoles',
  'type',
  'code',
  'status',
  'systemTopicType',
  'reason',
  'screenRecordingState',
  'flaggedReason',
  'metric',
  'version',
]);

export interface MaskOptions {
  /** Attribute keys as they are (values stay masked). */
  includeCallData: boolean;
}

/**
 * A masked copy of a frame's body: ids become stable pseudonyms, names and numbers stand-ins,
 * attribute values `***` (and their keys pseudonyms unless call data is included), timestamps,
 * numbers, booleans and the platform's enums stay. Any other string is masked, so a field the
 * widget does not know can never leak a name.
 *
 * @example
 * maskBody({ id: 'c-uuid', participants: [{ id: 'p-uuid', name: 'Dana' }] }, p, { includeCallData: false });
 * // { id: 'conversation-1', participants: [{ id: 'participant-1', name: 'name-1' }] }
 */
export function maskBody(
  body: unknown,
  pseudonyms: Pseudonyms,
  options: MaskOptions,
  kind: IdKind = 'conversation',
): unknown {
  return walk(body, '', kind, pseudonyms, options);
}

function walk(
  value: unknown,
  key: string,
  kind: IdKind,
  p: Pseudonyms,
  options: MaskOptions,
): unknown {
  if (Array.isArray(value)) return value.map((item) => walk(item, key, kind, p, options));
  if (typeof value === 'string') return maskString(value, key, p);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'id' && typeof v === 'string') out.id = p.id(v, kind);
    else if (k === 'attributes' && isRecord(v)) out.attributes = maskAttributes(v, p, options);
    else if (k === 'wrapup' && isRecord(v)) out.wrapup = maskWrapup(v, p, options);
    else out[k] = walk(v, k, OBJECT_KINDS[k] ?? 'id', p, options);
  }
  return out;
}

function maskString(value: string, key: string, p: Pseudonyms): string {
  const idKind = ID_KEYS[key];
  if (idKind) return p.id(value, idKind);
  if (NAME_KEYS.has(key)) return value === '' ? '' : p.name(value);
  if (NUMBER_KEYS.has(key)) return value === '' ? '' : p.number(value);
  if (key === 'selfUri') return pseudonymPath(value, p);
  if (ISO_TIME.test(value)) return value;
  if (UUID.test(value)) return p.id(value, 'id');
  if (ENUM_KEYS.has(key) && ENUM_VALUE.test(value)) return value;
  return value === '' ? '' : MASK;
}

function maskAttributes(
  attributes: Record<string, unknown>,
  p: Pseudonyms,
  options: MaskOptions,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(attributes)) out[options.includeCallData ? key : p.key(key)] = MASK;
  return out;
}

function maskWrapup(wrapup: Record<string, unknown>, p: Pseudonyms, options: MaskOptions) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(wrapup)) {
    if (k === 'code' && typeof v === 'string') out.code = p.id(v, 'wrapup');
    else if (k === 'tags' && Array.isArray(v)) out.tags = v.map(() => MASK);
    else out[k] = walk(v, k, 'id', p, options);
  }
  return out;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Collections whose next path segment is an id, and the path parameter's name. */
const PATH_PARAMS: Readonly<Record<string, { name: string; kind: IdKind }>> = {
  calls: { name: 'conversationId', kind: 'conversation' },
  conversations: { name: 'conversationId', kind: 'conversation' },
  participants: { name: 'participantId', kind: 'participant' },
  users: { name: 'userId', kind: 'user' },
  queues: { name: 'queueId', kind: 'queue' },
  channels: { name: 'channelId', kind: 'channel' },
  prompts: { name: 'promptId', kind: 'prompt' },
  flows: { name: 'flowId', kind: 'flow' },
  secureivrsessions: { name: 'secureSessionId', kind: 'session' },
  communications: { name: 'communicationId', kind: 'call' },
};

/**
 * A request path as a template with pseudonyms for its ids:
 * `/api/v2/conversations/calls/{conversationId}/participants/{participantId}` and
 * `{conversationId: 'conversation-1', participantId: 'participant-3'}`. A segment is an id when it
 * is a UUID, or follows a collection and has a digit (channel ids).
 */
export function maskPath(
  path: string,
  p: Pseudonyms,
): { path: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const segments = path.split('/').map((segment, i, all) => {
    const after = PATH_PARAMS[all[i - 1] ?? ''];
    const isId = UUID.test(segment) || (after !== undefined && /\d/.test(segment));
    if (!isId || segment === '') return segment;
    const param = after ?? { name: 'id', kind: 'id' as const };
    let name = param.name;
    for (let n = 2; name in params; n += 1) name = `${param.name}${n}`;
    params[name] = p.id(segment, param.kind);
    return `{${name}}`;
  });
  return { path: segments.join('/'), params };
}

/** A path with pseudonyms in place of its ids (`/api/v2/users/user-1`). */
export function pseudonymPath(path: string, p: Pseudonyms): string {
  const masked = maskPath(path, p);
  return masked.path.replace(/\{(\w+)\}/g, (_, name: string) => masked.params[name] ?? MASK);
}

/** A topic name with pseudonyms for its ids (`v2.users.user-1.conversations.calls`). */
export function maskTopic(topic: string, p: Pseudonyms): string {
  const parts = topic.split('.');
  return parts
    .map((part, i) => {
      if (!UUID.test(part)) return part;
      const before = parts[i - 1];
      const kind: IdKind = before === 'users' ? 'user' : before === 'queues' ? 'queue' : 'id';
      return p.id(part, kind);
    })
    .join('.');
}
