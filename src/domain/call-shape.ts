import type { Call, Participant } from '../platform/types';
import { isLegEnded, isSupervisorLeg, myParticipant } from './call-selectors';

/**
 * What a call looks like from the agent's seat, read from the legs alone (issue 18): who else is
 * on it and how each of them is doing, whether a consult or a conference runs, and the number
 * the agent dialled. Nothing here is inferred beyond what the legs say.
 */

/** How another party is on the call now. */
export type PartyStatus = 'talking' | 'held' | 'confined' | 'ringing' | 'queued';

export interface Party {
  leg: Participant;
  status: PartyStatus;
  /** The leg a consult transfer is going to. */
  consultTarget: boolean;
}

export type ShapeKind = 'plain' | 'consult' | 'conference';

export interface CallShape {
  kind: ShapeKind;
  /** Everyone else on the call now, in call order (never a supervisor, a flow or the call's own queue leg). */
  parties: Party[];
  /** A consult transfer running: its object (usually the customer) and its target. */
  consult?: { object: Participant; destination: Participant };
  /** The agent placed the call: the leg they dialled (ringing, answered or not). */
  dialled?: Participant;
  /**
   * An ACD call: it came through a queue, or was placed on a queue's behalf. Its conferences do
   * not let a party be held (only muted or dropped).
   */
  acd: boolean;
}

const RINGING = new Set(['alerting', 'offering', 'contacting', 'dialing']);

/** A queue leg added by a transfer or consult to a queue (the call waits there). */
const isAddedQueue = (p: Participant) => p.purpose === 'acd' && p.direction === 'outbound';

/**
 * A queue leg is a party only when it was added to the call (a transfer or consult to a queue:
 * `outbound`); the inbound call's own queue leg is how the call reached the agent.
 */
const isParty = (p: Participant, userId: string) =>
  p.userId !== userId &&
  !isLegEnded(p) &&
  !isSupervisorLeg(p) &&
  (p.purpose === 'customer' ||
    p.purpose === 'external' ||
    p.purpose === 'agent' ||
    p.purpose === 'user' ||
    isAddedQueue(p));

/** How a party is on the call, from its leg (with a pending change overlaid, when given one). */
export function partyStatus(p: Participant): PartyStatus {
  if (p.purpose === 'acd') return 'queued';
  if (RINGING.has(p.state)) return 'ringing';
  if (p.held) return 'held';
  if (p.confined) return 'confined';
  return 'talking';
}

/** The running consult: a live leg names, as its consult target, another live party. */
function runningConsult(call: Call, live: Participant[]): CallShape['consult'] {
  for (const object of call.participants) {
    if (isLegEnded(object) || !object.consultParticipantId) continue;
    const destination = live.find((p) => p.id === object.consultParticipantId);
    if (destination) return { object, destination };
  }
  return undefined;
}

/** The agent placed the call: their leg comes first and is outbound; the dialled leg follows. */
function dialledLeg(call: Call, userId: string): Participant | undefined {
  const first = call.participants[0];
  if (!first || first.userId !== userId || first.direction !== 'outbound') return undefined;
  return call.participants.find((p) => p.purpose === 'customer' || p.purpose === 'external');
}

export function callShape(call: Call, userId: string): CallShape {
  const me = myParticipant(call, userId);
  const live = call.participants.filter((p) => isParty(p, userId));
  const imOn = me !== undefined && !isLegEnded(me);
  const consult = imOn ? runningConsult(call, live) : undefined;
  const parties = live.map((leg) => ({
    leg,
    status: partyStatus(leg),
    consultTarget: consult?.destination.id === leg.id,
  }));
  const people = parties.filter((p) => p.status !== 'queued');
  const kind: ShapeKind = consult ? 'consult' : imOn && people.length >= 2 ? 'conference' : 'plain';
  return {
    kind,
    parties,
    consult,
    dialled: dialledLeg(call, userId),
    acd: call.participants.some((p) => p.queueId !== undefined && !isAddedQueue(p)),
  };
}

/** The agent's own leg has ended while other parties are still on the call. */
export function leftWhileOthersStay(call: Call, userId: string): boolean {
  const me = myParticipant(call, userId);
  return (
    me !== undefined &&
    isLegEnded(me) &&
    call.participants.filter((p) => isParty(p, userId) && p.purpose !== 'acd').length > 0
  );
}

/** Placed by the agent and the dialled party never answered (its leg never connected). */
export function neverAnswered(call: Call, userId: string): boolean {
  const dialled = dialledLeg(call, userId);
  return dialled !== undefined && isLegEnded(dialled) && dialled.connectedTime === undefined;
}

/** Placed by the agent and the dialled party is still ringing. */
export function isDialling(call: Call, userId: string): boolean {
  const dialled = dialledLeg(call, userId);
  return dialled !== undefined && RINGING.has(dialled.state);
}
