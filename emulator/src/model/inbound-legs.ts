/**
 * The legs of an inbound call as the platform records them (contract §2.3a, after two captured
 * REST payloads): customer, an `ivr` leg ended by `transfer` when the flow hands the call to the
 * queue, the `acd` leg, missed alerts of the agent (ended, never connected), then the alerting
 * agent leg. Times run backwards from now, so the agent's leg starts alerting now.
 */
import type { IdSource } from '../ids.js';
import type { SeedQueue, SeedUser } from '../seed.js';
import { acdUri, callerSipUri, IVR_PLACE, ivrUri, phoneNumberOf, stationUri } from './addresses.js';
import type { ParticipantRecord } from './types.js';

/** How long the caller spends in the inbound flow before reaching the queue. */
export const IVR_DURATION_MS = 6_000;
/** The platform's agent alert timeout seen on captured agent legs. */
export const ALERTING_TIMEOUT_MS = 8_000;
export const WRAPUP_TIMEOUT_MS = 120_000;
/** A missed alert the agent declined (`client`) ends sooner than one that timed out (`system`). */
const DECLINED_AFTER_MS = 2_500;
const GAP_BETWEEN_ALERTS_MS = 1_500;
export const MAX_MISSED_ALERTS = 5;

export interface InboundLegsInput {
  agent: SeedUser;
  queue: SeedQueue;
  ani: string;
  customerName?: string;
  attributes?: Record<string, string>;
  /** Start with an ivr leg (default true). */
  ivr?: boolean;
  /** Missed alerts of the same agent before the one that rings now (0..5, default 0). */
  missedAlerts?: number;
}

/** First missed alert declined by the agent's client, then alternating with alert timeouts. */
const missedDisconnectType = (index: number) => (index % 2 === 0 ? 'client' : 'system');
const missedDuration = (index: number) =>
  missedDisconnectType(index) === 'client' ? DECLINED_AFTER_MS : ALERTING_TIMEOUT_MS;

type LegFields = Omit<
  ParticipantRecord,
  'id' | 'callId' | 'direction' | 'held' | 'muted' | 'confined' | 'recording'
>;

function makeLeg(ids: IdSource, fields: LegFields): ParticipantRecord {
  return {
    id: ids.uuid(),
    callId: ids.uuid(),
    direction: 'inbound',
    held: false,
    muted: false,
    confined: false,
    recording: false,
    ...fields,
  };
}

export function buildInboundLegs(
  input: InboundLegsInput,
  now: number,
  ids: IdSource,
): ParticipantRecord[] {
  const missed = Math.min(MAX_MISSED_ALERTS, Math.max(0, input.missedAlerts ?? 0));
  const withIvr = input.ivr !== false;
  let alertsMs = 0;
  for (let i = 0; i < missed; i += 1) alertsMs += missedDuration(i) + GAP_BETWEEN_ALERTS_MS;
  const start = now - alertsMs - (withIvr ? IVR_DURATION_MS : 0);
  const acdStart = start + (withIvr ? IVR_DURATION_MS : 0);
  const front = flowLegs(input, withIvr, start, acdStart, ids);
  const peer = front[0]!.callId;
  return [...front, ...agentLegs(input, missed, acdStart, now, peer, ids)];
}

/** Customer, the ivr leg (ended by `transfer` at `acdStart`) and the queue's acd leg. */
function flowLegs(
  input: InboundLegsInput,
  withIvr: boolean,
  start: number,
  acdStart: number,
  ids: IdSource,
): ParticipantRecord[] {
  const { queue, ani } = input;
  const customer = makeLeg(ids, {
    purpose: 'customer',
    name: input.customerName ?? phoneNumberOf(ani),
    address: ani,
    queueId: queue.id,
    state: 'connected',
    initialState: 'connected',
    startTime: start,
    connectedTime: start,
    attributes: { ...(input.attributes ?? {}) },
    ani,
    dnis: queue.dnis,
  });
  const legs = [customer];
  const peer = customer.callId;
  if (withIvr) {
    const session = ivrUri(ids.uuid());
    legs.push(
      makeLeg(ids, {
        purpose: 'ivr',
        name: IVR_PLACE,
        address: session,
        state: 'disconnected',
        initialState: 'connected',
        startTime: start,
        connectedTime: start,
        endTime: acdStart,
        disconnectType: 'transfer',
        attributes: {},
        ani,
        dnis: session,
        peer,
      }),
    );
  }
  const acd = acdUri(queue.id);
  legs.push(
    makeLeg(ids, {
      purpose: 'acd',
      name: queue.name,
      address: acd,
      queueId: queue.id,
      state: 'connected',
      initialState: 'connected',
      startTime: acdStart,
      connectedTime: acdStart,
      attributes: {},
      ani,
      dnis: acd,
      peer,
    }),
  );
  return legs;
}

/** `missed` ended alerts of the same agent from `from` on, then the leg alerting at `now`. */
function agentLegs(
  input: InboundLegsInput,
  missed: number,
  from: number,
  now: number,
  peer: string,
  ids: IdSource,
): ParticipantRecord[] {
  const station = stationUri(input.agent);
  const agentLeg = (startTime: number) =>
    makeLeg(ids, {
      purpose: 'agent',
      address: station,
      userId: input.agent.id,
      queueId: input.queue.id,
      state: 'alerting',
      initialState: 'alerting',
      startTime,
      attributes: {},
      ani: callerSipUri(input.ani),
      dnis: station,
      peer,
      alertingTimeoutMs: ALERTING_TIMEOUT_MS,
      wrapupTimeoutMs: WRAPUP_TIMEOUT_MS,
    });
  const legs: ParticipantRecord[] = [];
  let cursor = from;
  for (let i = 0; i < missed; i += 1) {
    const leg = agentLeg(cursor);
    cursor += missedDuration(i);
    legs.push({
      ...leg,
      state: 'disconnected',
      endTime: cursor,
      disconnectType: missedDisconnectType(i),
      wrapupRequired: false,
      wrapupPrompt: 'timeout',
    });
    cursor += GAP_BETWEEN_ALERTS_MS;
  }
  legs.push({ ...agentLeg(now), wrapupRequired: true, wrapupPrompt: 'optional' });
  return legs;
}
