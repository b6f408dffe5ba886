/**
 * Parties joining and leaving a call (issue 18 shapes 3 and 4): adding a party (conference),
 * a ringing leg answered or left unanswered, one party leaving while the others go on.
 */
import type { ConversationStore } from './conversations.js';
import { isSupervisoryLeg } from './supervision.js';
import { releaseConsult } from './transfers.js';
import {
  isActiveState,
  isPartyPurpose,
  type ConversationRecord,
  type ParticipantRecord,
} from './types.js';
import { badRequest } from '../errors.js';
import { isRinging } from './party-legs.js';

/** Parties still on the call (customer, external, agent, user; not supervisors, flows, queues). */
export const liveParties = (c: ConversationRecord) =>
  c.participants.filter(
    (p) => isPartyPurpose(p.purpose) && !isSupervisoryLeg(p) && isActiveState(p.state),
  );

/**
 * After legs have left: a consult whose destination has gone returns the customer; a call with
 * fewer than two parties left ends (everyone else `peer`). No event; the caller publishes.
 */
export function settleAfterLeave(store: ConversationStore, c: ConversationRecord): void {
  const destination = c.consult && c.participants.find((p) => p.id === c.consult!.destinationId);
  const consulting = c.consult && c.participants.find((p) => p.id === c.consult!.consultingId);
  if (destination && !isActiveState(destination.state)) releaseConsult(c);
  else if (consulting && !isActiveState(consulting.state)) releaseConsult(c);
  const parties = liveParties(c);
  // A ringing leg, or a queue the call was transferred to (a live `acd` leg added by a transfer
  // or consult, party-legs.ts, `outbound`), keeps the call going. The inbound call's own `acd`
  // leg does not: an agent declining the alert still ends the call, as before (FIDELITY.md 12).
  const anyRinging =
    parties.some(isRinging) ||
    c.participants.some(
      (p) => p.purpose === 'acd' && p.direction === 'outbound' && isActiveState(p.state),
    );
  const connected = parties.filter((p) => !isRinging(p));
  if (connected.length + (anyRinging ? 1 : 0) >= 2 && connected.length >= 1) return;
  for (const p of c.participants) if (isActiveState(p.state)) store.endLeg(c, p, 'peer');
}

/**
 * One leg leaves (its own hang-up, `client`, or `endpoint` for a remote party). A supervisor
 * leaves alone; a consulting agent who leaves completes the consult transfer (transfers.ts).
 */
export function leaveCall(
  store: ConversationStore,
  c: ConversationRecord,
  leg: ParticipantRecord,
  disconnectType: string,
  correlationId: string,
): void {
  if (!isActiveState(leg.state)) {
    throw badRequest('The participant has already left.', 'conversation.error.call.disconnected');
  }
  const completing = c.consult?.consultingId === leg.id;
  store.endLeg(c, leg, completing ? 'transfer' : disconnectType);
  if (completing) releaseConsult(c);
  if (!isSupervisoryLeg(leg)) settleAfterLeave(store, c);
  store.changed(c, correlationId);
}

export type RingOutcome = 'answer' | 'noAnswer' | 'decline';

/**
 * A ringing leg (a user `alerting`, an external number `contacting`) answers (`connected`) or
 * does not: `noAnswer` ends it `system` with the `errorInfo` real ended legs carry, `decline`
 * ends it `client` (a user) or `endpoint` (a number).
 */
export function ringOutcome(
  store: ConversationStore,
  c: ConversationRecord,
  leg: ParticipantRecord,
  outcome: RingOutcome,
  now: number,
  correlationId: string,
): void {
  if (!isRinging(leg)) {
    throw badRequest(
      `The participant is ${leg.state}, not ringing.`,
      'invalid.value',
      'participantId',
    );
  }
  if (outcome === 'answer') {
    leg.state = 'connected';
    leg.connectedTime = now;
  } else {
    store.endLeg(
      c,
      leg,
      outcome === 'noAnswer' ? 'system' : leg.purpose === 'user' ? 'client' : 'endpoint',
    );
    if (outcome === 'noAnswer') {
      leg.errorInfo = {
        code: 'error.ininedgecontrol.session.inactive',
        message: 'The call was not answered.',
      };
    }
    settleAfterLeave(store, c);
  }
  store.changed(c, correlationId);
}

/**
 * An ACD call (through a queue, or placed for one) in conference, no consult running: its
 * parties can be muted or dropped but not held by someone else (FIDELITY.md K3). Holding one's
 * own leg stays allowed.
 */
export function refusesHoldOf(
  c: ConversationRecord,
  leg: ParticipantRecord,
  byUserId: string,
): boolean {
  return (
    c.queueId !== undefined &&
    c.consult === undefined &&
    leg.userId !== byUserId &&
    liveParties(c).length >= 3
  );
}
