/**
 * Consult and blind transfers (issue 18 shapes 1 and 2; FIDELITY.md T1–T6).
 *
 * Consult: `POST …/participants/{objectPid}/consult` puts a destination leg on the call (a user
 * `alerting`, a number `contacting`, or a queue's `acd` leg), `consultParticipantId` on the object
 * (the customer) names it, and `speakTo` decides who is confined: `DESTINATION` (the default)
 * holds and confines the object, `OBJECT` confines the destination, `BOTH`/`CONFERENCE` nobody.
 * The consulting agent leaving completes it (their leg ends `transfer`); `DELETE …/consult`
 * cancels it (the destination ends `client`, the object returns).
 *
 * Blind: `POST …/participants/{pid}/replace` ends that agent's leg `transfer` and puts the
 * destination's leg on the call.
 */
import type { IdSource } from '../ids.js';
import { badRequest } from '../errors.js';
import type { ConversationStore } from './conversations.js';
import { newTargetLeg, type LegTarget } from './party-legs.js';
import { settleAfterLeave } from './parties.js';
import {
  isActiveState,
  type ConversationRecord,
  type ParticipantRecord,
  type SpeakTo,
} from './types.js';

export const SPEAK_TO: readonly SpeakTo[] = ['DESTINATION', 'OBJECT', 'BOTH', 'CONFERENCE'];

function confine(p: ParticipantRecord | undefined, on: boolean, now: number, hold: boolean): void {
  if (!p || !isActiveState(p.state)) return;
  p.confined = on;
  if (hold && p.held !== on) {
    p.held = on;
    p.startHoldTime = on ? now : undefined;
  }
}

const legById = (c: ConversationRecord, id: string | undefined) =>
  c.participants.find((p) => p.id === id);

/** Applies `speakTo` to the object and destination of the consult in progress. */
export function applySpeakTo(c: ConversationRecord, speakTo: SpeakTo, now: number): void {
  const consult = c.consult;
  if (!consult) return;
  consult.speakTo = speakTo;
  confine(legById(c, consult.objectId), speakTo === 'DESTINATION', now, true);
  confine(legById(c, consult.destinationId), speakTo === 'OBJECT', now, false);
}

/**
 * Ends the consult phase: the object and the destination are freed (unheld, unconfined).
 * `consultParticipantId` stays on the object, pointing at the destination leg (ended or not).
 */
export function releaseConsult(c: ConversationRecord): void {
  if (!c.consult) return;
  applySpeakTo(c, 'BOTH', 0);
  c.consult = undefined;
}

export interface ConsultInput {
  speakTo: SpeakTo;
  destination: LegTarget;
}

/** Starts a consult from `consulting` about `object`; returns the destination leg. */
export function startConsult(
  c: ConversationRecord,
  object: ParticipantRecord,
  consulting: ParticipantRecord,
  input: ConsultInput,
  now: number,
  ids: IdSource,
): ParticipantRecord {
  if (!isActiveState(object.state) || object.state !== 'connected') {
    throw badRequest(
      'The participant to transfer is not connected.',
      'conversation.error.call.disconnected',
    );
  }
  if (object.id === consulting.id) {
    throw badRequest(
      'A participant cannot be consulted about itself.',
      'invalid.value',
      'participantId',
    );
  }
  if (c.consult) throw badRequest('A consult transfer is already in progress on this call.');
  const destination = newTargetLeg(c, input.destination, now, ids);
  c.participants.push(destination);
  object.consultParticipantId = destination.id;
  c.consult = {
    objectId: object.id,
    consultingId: consulting.id,
    destinationId: destination.id,
    speakTo: input.speakTo,
  };
  applySpeakTo(c, input.speakTo, now);
  return destination;
}

/** The consult whose object is `objectId`, or 400 when none is in progress. */
export function requireConsult(c: ConversationRecord, objectId: string) {
  if (!c.consult || c.consult.objectId !== objectId) {
    throw badRequest('No consult transfer is in progress for this participant.');
  }
  return c.consult;
}

/** `DELETE …/consult`: the destination leg ends (`client`) and the object returns. */
export function cancelConsult(
  store: ConversationStore,
  c: ConversationRecord,
  objectId: string,
): void {
  const consult = requireConsult(c, objectId);
  const destination = legById(c, consult.destinationId);
  releaseConsult(c);
  if (destination && isActiveState(destination.state)) store.endLeg(c, destination, 'client');
  settleAfterLeave(store, c);
}

/** Completes the consult as the consulting agent's hang-up would: their leg ends `transfer`. */
export function completeConsult(
  store: ConversationStore,
  c: ConversationRecord,
  objectId: string,
): void {
  const consult = requireConsult(c, objectId);
  const consulting = legById(c, consult.consultingId)!;
  releaseConsult(c);
  store.endLeg(c, consulting, 'transfer');
  settleAfterLeave(store, c);
}

/** A blind transfer: `leg` (an agent's or user's) ends `transfer`; the destination joins. */
export function blindTransfer(
  store: ConversationStore,
  c: ConversationRecord,
  leg: ParticipantRecord,
  target: LegTarget,
  now: number,
  ids: IdSource,
): ParticipantRecord {
  if (leg.purpose !== 'agent' && leg.purpose !== 'user') {
    throw badRequest(
      'Only an agent or user leg can be replaced.',
      'invalid.value',
      'participantId',
    );
  }
  if (leg.state !== 'connected') {
    throw badRequest('The participant is not connected.', 'conversation.error.call.disconnected');
  }
  const destination = newTargetLeg(c, target, now, ids, 'body');
  if (c.consult) releaseConsult(c);
  c.participants.push(destination);
  store.endLeg(c, leg, 'transfer');
  settleAfterLeave(store, c);
  return destination;
}
