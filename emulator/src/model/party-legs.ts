/**
 * Legs that join a call after it started (issue 18): a user (another agent, by id), an external
 * number, or a queue (`acd`). They join ringing: a user leg `alerting` (their station is called),
 * an external leg `contacting`; an `acd` leg is connected at once (the call waits in the queue).
 * Each leg is answered or left unanswered later (ringing.ts, the control plane).
 */
import type { IdSource } from '../ids.js';
import { acdUri, callerSipUri, phoneNumberOf, stationUri } from './addresses.js';
import { ALERTING_TIMEOUT_MS } from './inbound-legs.js';
import type { ConversationRecord, ParticipantRecord } from './types.js';
import { findQueue, findUser } from '../seed.js';
import { badRequest } from '../errors.js';

/** Where a new leg goes: exactly one of a user, a queue or an address (`tel:` or a number). */
export interface LegTarget {
  userId?: string;
  queueId?: string;
  address?: string;
  /** Display text of an external leg (the dialled number when absent). */
  name?: string;
}

/** `tel:+1555…` for a bare number; `tel:` and `sip:` addresses stay as they are. */
export const telUri = (address: string) =>
  /^(tel|sip):/.test(address) ? address : `tel:${address.replace(/[^0-9+*#]/g, '')}`;

function baseLeg(ids: IdSource, now: number, c: ConversationRecord) {
  const customer = c.participants.find((p) => p.purpose === 'customer' || p.purpose === 'external');
  return {
    id: ids.uuid(),
    callId: ids.uuid(),
    direction: 'outbound' as const,
    startTime: now,
    held: false,
    muted: false,
    confined: false,
    recording: false,
    attributes: {},
    peer: customer?.callId,
    ani: customer ? callerSipUri(customer.address) : '',
  };
}

/** Checks the target (400 `invalid.value` naming the field) and builds its ringing leg. */
export function newTargetLeg(
  c: ConversationRecord,
  target: LegTarget,
  now: number,
  ids: IdSource,
  field = 'destination',
): ParticipantRecord {
  const named = [target.userId, target.queueId, target.address].filter((v) => v).length;
  if (named !== 1) {
    throw badRequest(`Name exactly one of userId, queueId or address.`, 'invalid.value', field);
  }
  const base = baseLeg(ids, now, c);
  if (target.userId) {
    const user = findUser(target.userId);
    if (!user)
      throw badRequest(`Unknown user ${target.userId}.`, 'invalid.value', `${field}.userId`);
    const station = stationUri(user);
    return {
      ...base,
      purpose: 'user',
      address: station,
      dnis: station,
      userId: user.id,
      state: 'alerting',
      initialState: 'alerting',
      alertingTimeoutMs: ALERTING_TIMEOUT_MS,
    };
  }
  if (target.queueId) {
    const queue = findQueue(target.queueId);
    if (!queue)
      throw badRequest(`Unknown queue ${target.queueId}.`, 'invalid.value', `${field}.queueId`);
    const acd = acdUri(queue.id);
    return {
      ...base,
      purpose: 'acd',
      name: queue.name,
      address: acd,
      dnis: acd,
      queueId: queue.id,
      state: 'connected',
      initialState: 'connected',
      connectedTime: now,
    };
  }
  const address = telUri(target.address!);
  if (!/^(tel:\+?[0-9*#]{3,20}|sip:.+)$/.test(address)) {
    throw badRequest(
      `Not a dialable address: ${target.address}.`,
      'invalid.value',
      `${field}.address`,
    );
  }
  return {
    ...base,
    purpose: 'external',
    name: target.name ?? phoneNumberOf(address),
    address,
    dnis: address,
    state: 'contacting',
    initialState: 'contacting',
  };
}

/** Ringing legs: a user's `alerting` or an external number's `contacting`. */
export const isRinging = (p: ParticipantRecord) =>
  p.state === 'alerting' || p.state === 'contacting';
