import { isLegEnded, myParticipant } from '../../domain/call-selectors';
import type { SupervisionMode } from '../../platform/supervision';
import type { Call, Participant } from '../../platform/types';

/** A supervisor's leg on a call: how they are on it and whom they listen to. */
export interface SupervisorLeg {
  callId: string;
  leg: Participant;
  mode?: SupervisionMode;
  /** The participant monitored, coached or barged in on. */
  agent?: Participant;
}

/** How a leg supervises: from the id the platform sets on it (contract §2.7). */
export function modeOf(p: Participant): SupervisionMode | undefined {
  if (p.monitoredParticipantId) return 'monitor';
  if (p.coachedParticipantId) return 'coach';
  if (p.bargedParticipantId) return 'barge';
  return undefined;
}

/** The user's own leg on the call (a supervisor joins as a `user` leg). */
export const supervisorLeg = (call: Call, userId: string): Participant | undefined =>
  myParticipant(call, userId);

export function supervisedAgent(
  call: Call,
  leg: Participant,
): Pick<SupervisorLeg, 'mode' | 'agent'> {
  const target = leg.monitoredParticipantId ?? leg.coachedParticipantId ?? leg.bargedParticipantId;
  return { mode: modeOf(leg), agent: call.participants.find((p) => p.id === target) };
}

/** The role a supervisor sees for a leg (monitors included: they are hidden only from agents). */
export type LegRole =
  'customer' | 'agent' | 'queue' | 'flow' | 'monitoring' | 'coaching' | 'barged' | 'user' | 'other';

export function roleOf(p: Participant): LegRole {
  const mode = modeOf(p);
  if (mode === 'monitor') return 'monitoring';
  if (mode === 'coach') return 'coaching';
  if (mode === 'barge') return 'barged';
  switch (p.purpose) {
    case 'customer':
    case 'external':
      return 'customer';
    case 'agent':
      return 'agent';
    case 'acd':
      return 'queue';
    case 'ivr':
      return 'flow';
    case 'user':
      return 'user';
    default:
      return 'other';
  }
}

/** A leg's state in a word: ringing, connected, held, ended or other. */
export function legState(p: Participant): 'ringing' | 'connected' | 'held' | 'ended' | 'other' {
  if (isLegEnded(p)) return 'ended';
  if (p.state === 'connected') return p.held ? 'held' : 'connected';
  if (['alerting', 'offering', 'dialing', 'contacting'].includes(p.state)) return 'ringing';
  return 'other';
}
