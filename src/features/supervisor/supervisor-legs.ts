import { isLegEnded } from '../../domain/call-selectors';
import type { SupervisionMode } from '../../platform/supervision';
import type { Call, Participant } from '../../platform/types';
import { message, type Message } from '../../i18n/message';
import type { SupervisorMessageId } from './text';

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

/**
 * Where the supervisor's own monitor / coach / barge leg is (contract §2.7: their phone is
 * called). `ringing`: their phone has not answered yet; `connected`: on the call (held too);
 * `unanswered`: the newest leg ended without ever connecting and not because the call ended
 * (a timeout, a decline); the supervisor cancelling it themselves is not "unanswered".
 */
export type SupervisionPhase = 'ringing' | 'connected' | 'unanswered';

export interface SupervisionStatus {
  phase: SupervisionPhase;
  leg: Participant;
  mode?: SupervisionMode;
}

const isOwnLeg = (p: Participant, userId: string) =>
  p.userId === userId && (p.purpose === 'user' || p.purpose === 'agent');

/**
 * The user's supervision status on the call: their leg still up (ringing or connected), else
 * their newest supervising leg if it went unanswered. `cancelled` holds legs the user ended
 * themselves while they rang (those read as nothing, not as unanswered).
 */
export function supervisionStatus(
  call: Call,
  userId: string,
  cancelled: ReadonlySet<string> = new Set(),
): SupervisionStatus | undefined {
  const mine = call.participants.filter((p) => isOwnLeg(p, userId));
  const up = mine.findLast((p) => !isLegEnded(p));
  if (up) {
    const state = legState(up);
    return { phase: state === 'ringing' ? 'ringing' : 'connected', leg: up, mode: modeOf(up) };
  }
  const last = mine.at(-1);
  if (
    last &&
    modeOf(last) &&
    last.connectedTime === undefined &&
    last.disconnectType !== 'peer' &&
    !cancelled.has(last.id)
  )
    return { phase: 'unanswered', leg: last, mode: modeOf(last) };
  return undefined;
}

/**
 * The words for a status: "Calling your phone…", "Monitoring Alice Agent" (coaching, barged in),
 * "Your phone didn’t answer.".
 */
export function statusMessage(
  status: SupervisionStatus,
  agent: string,
): Message<SupervisorMessageId> {
  switch (status.phase) {
    case 'ringing':
      return message('supervisor.leg.ringing');
    case 'unanswered':
      return message('supervisor.leg.unanswered');
    case 'connected':
      return status.mode
        ? message(`supervisor.mine.${status.mode}`, { agent })
        : message('supervisor.mine.other');
  }
}
