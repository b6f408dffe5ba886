/**
 * Picking legs when one user (or one side) has several on a call: missed alerts leave ended agent
 * legs next to the answered one (contract §2.3a), so "the agent's leg" is never simply the first
 * leg with purpose `agent`.
 */
import { isActiveState, type ConversationRecord, type ParticipantRecord } from './types.js';

const newestFirst = (c: ConversationRecord) => [...c.participants].reverse();

/** The newest leg of this user that has not ended, or undefined. */
export function activeLegOf(c: ConversationRecord, userId: string): ParticipantRecord | undefined {
  return newestFirst(c).find((p) => p.userId === userId && isActiveState(p.state));
}

/**
 * The user's own leg: the newest non-ended leg whose user id is theirs; once all of theirs have
 * ended (after hang-up), the newest of them.
 */
export function ownLeg(c: ConversationRecord, userId: string): ParticipantRecord | undefined {
  return activeLegOf(c, userId) ?? newestFirst(c).find((p) => p.userId === userId);
}

/** Whether the user is, or ever was, a participant of the call (any leg, ended ones included). */
export function wasParticipant(c: ConversationRecord, userId: string): boolean {
  return c.participants.some((p) => p.userId === userId);
}

/**
 * The newest non-ended leg with one of these purposes, else the newest with one of them: the
 * customer's leg, or the agent side (`agent` or `user`) for the control plane's hang-up.
 */
export function newestLegOf(
  c: ConversationRecord,
  purposes: readonly ParticipantRecord['purpose'][],
): ParticipantRecord | undefined {
  const candidates = newestFirst(c).filter((p) => purposes.includes(p.purpose));
  return candidates.find((p) => isActiveState(p.state)) ?? candidates[0];
}
