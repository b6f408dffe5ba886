import { parseCall } from './call-mapping';
import type { Call } from './types';

/**
 * Reader for the generic conversation shape (`GET /api/v2/conversations/{cid}`, contract §2.3):
 * participants carry their identity flat (`userId`, `queueId`, `queueName`, `name`) and their
 * media state inside `calls[]`. Each participant is flattened onto the calls resource's shape
 * (the most recent call leg, as the Genesys RTC SDK reads it) and parsed by the same lenient
 * reader as REST and the calls topics, so every source of a call yields one `Call`.
 */

/** Media fields that live on `participants[].calls[]` in the generic shape. */
const MEDIA_FIELDS = [
  'state',
  'direction',
  'muted',
  'held',
  'confined',
  'recording',
  'disconnectType',
  'startHoldTime',
  'connectedTime',
] as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One generic participant as a flat one. Agent and user legs lose their `name`: the calls
 * topics never carry it, and one call must read the same from every source (names are looked
 * up by `userId`).
 */
export function flattenParticipant(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  const { calls, ...flat } = raw;
  const legs = Array.isArray(calls) ? calls.filter(isObject) : [];
  const media = legs.at(-1);
  if (media) {
    for (const field of MEDIA_FIELDS) if (media[field] != null) flat[field] = media[field];
    if (flat.endTime == null && media.disconnectedTime != null)
      flat.endTime = media.disconnectedTime;
  }
  const purpose = typeof flat.purpose === 'string' ? flat.purpose.toLowerCase() : '';
  if (purpose === 'agent' || purpose === 'user') delete flat.name;
  return flat;
}

/**
 * Parses a generic `Conversation` into the widget's `Call`; null when it has no id.
 *
 * @example
 * const call = parseConversation(await get('/api/v2/conversations/' + id));
 */
export function parseConversation(raw: unknown): Call | null {
  if (!isObject(raw)) return null;
  const participants = Array.isArray(raw.participants)
    ? raw.participants.map(flattenParticipant)
    : raw.participants;
  return parseCall({ ...raw, participants });
}
