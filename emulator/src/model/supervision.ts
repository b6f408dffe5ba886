/**
 * Supervisors on a call (contract §2.7): monitor (listen from an agent's side), coach (listen and
 * speak to that agent only) and barge (full party). The supervisor joins as a new `user` leg (no
 * name, like every user leg) carrying `monitoredParticipantId`, `coachedParticipantId` or
 * `bargedParticipantId` = the agent's participant id.
 */
import type { IdSource } from '../ids.js';
import { ApiError, badRequest } from '../errors.js';
import type { SeedUser } from '../seed.js';
import { stationUri } from './addresses.js';
import { activeLegOf } from './legs.js';
import type { SupervisorPhones } from './supervisor-phones.js';
import {
  isActiveState,
  isEnded,
  type ConversationRecord,
  type ParticipantRecord,
} from './types.js';

export const SUPERVISION_MODES = ['monitor', 'coach', 'barge'] as const;
export type SupervisionMode = (typeof SUPERVISION_MODES)[number];

export const SUPERVISION_PERMISSIONS: Record<SupervisionMode, string> = {
  monitor: 'conversation:call:monitor',
  coach: 'conversation:call:coach',
  barge: 'conversation:call:barge',
};

const TARGET_FIELD = {
  monitor: 'monitoredParticipantId',
  coach: 'coachedParticipantId',
  barge: 'bargedParticipantId',
} as const satisfies Record<SupervisionMode, keyof ParticipantRecord>;

/** A leg that monitors, coaches or barges another participant. */
export function isSupervisoryLeg(p: ParticipantRecord): boolean {
  return SUPERVISION_MODES.some((mode) => p[TARGET_FIELD[mode]] !== undefined);
}

/**
 * The agent side of a call, for a hang-up "by the agent": the newest agent or user leg that is not
 * a supervisor's, preferring one that is still up.
 */
export function agentSideLeg(c: ConversationRecord): ParticipantRecord | undefined {
  const legs = [...c.participants]
    .reverse()
    .filter((p) => (p.purpose === 'agent' || p.purpose === 'user') && !isSupervisoryLeg(p));
  return legs.find((p) => isActiveState(p.state)) ?? legs[0];
}

/** The mode of a supervisory leg and the participant it points at. */
export function supervisionOf(
  p: ParticipantRecord,
): { mode: SupervisionMode; targetId: string } | undefined {
  for (const mode of SUPERVISION_MODES) {
    const targetId = p[TARGET_FIELD[mode]];
    if (targetId !== undefined) return { mode, targetId };
  }
  return undefined;
}

/** Points a supervisory leg at `targetId` in `mode`, clearing the other two fields. */
function setSupervision(leg: ParticipantRecord, mode: SupervisionMode, targetId: string): void {
  for (const other of SUPERVISION_MODES) leg[TARGET_FIELD[other]] = undefined;
  leg[TARGET_FIELD[mode]] = targetId;
}

/**
 * The supervisor's new leg, outbound (their station is called): `alerting` until their phone
 * answers (supervisor-phones.ts), or connected at once (`ringing: false`, the control plane's
 * "change as a supervisor").
 */
export function newSupervisorLeg(
  supervisor: SeedUser,
  target: ParticipantRecord,
  mode: SupervisionMode,
  now: number,
  ids: IdSource,
  ringing = false,
): ParticipantRecord {
  const station = stationUri(supervisor);
  const state = ringing ? 'alerting' : 'connected';
  const leg: ParticipantRecord = {
    id: ids.uuid(),
    callId: ids.uuid(),
    purpose: 'user',
    address: station,
    userId: supervisor.id,
    state,
    initialState: state,
    direction: 'outbound',
    startTime: now,
    connectedTime: ringing ? undefined : now,
    held: false,
    muted: false,
    confined: false,
    recording: false,
    attributes: {},
    ani: target.ani,
    dnis: station,
  };
  setSupervision(leg, mode, target.id);
  return leg;
}

export interface SupervisionDeps {
  now(): number;
  ids: IdSource;
  /** Publishes the conversation's change (ConversationStore.changed). */
  changed(conversation: ConversationRecord, correlationId: string): void;
  /** The supervisors' phones: station check, and the new leg's ringing. */
  phones: Pick<SupervisorPhones, 'requireStation' | 'ring'>;
}

/** The participant a supervisor may act on: an agent's (or user's) leg that is still up. */
function checkTarget(conversation: ConversationRecord, target: ParticipantRecord): void {
  if (isEnded(conversation) || !isActiveState(target.state))
    throw badRequest('The call is disconnected.', 'conversation.error.call.disconnected');
  if ((target.purpose !== 'agent' && target.purpose !== 'user') || isSupervisoryLeg(target))
    throw badRequest(
      `Participant ${target.id} is not an agent's participant; monitor, coach and barge take the agent's participant id.`,
      'bad.request',
    );
}

/**
 * Monitor, coach or barge `target` as `supervisor`. No station: 400
 * `conversation.error.no.user.station` before anything else is checked. First time: a new leg
 * joins, ringing the supervisor's phone. Already
 * supervising this call: the same leg switches mode (and target); the same mode on the same
 * target changes nothing and publishes nothing. On the call in any other role (their own call):
 * 400 `conversation.error.monitor.own.conversation`. Returns the supervisor's leg.
 */
export function supervise(
  deps: SupervisionDeps,
  conversation: ConversationRecord,
  supervisor: SeedUser,
  target: ParticipantRecord,
  mode: SupervisionMode,
  correlationId: string,
): ParticipantRecord {
  deps.phones.requireStation(supervisor.id);
  checkTarget(conversation, target);
  const mine = activeLegOf(conversation, supervisor.id);
  if (mine && !isSupervisoryLeg(mine)) {
    throw new ApiError(
      400,
      'conversation.error.monitor.own.conversation',
      'You cannot monitor, coach or barge a conversation you are active on.',
    );
  }
  if (mine) {
    const current = supervisionOf(mine);
    if (current?.mode === mode && current.targetId === target.id) return mine;
    setSupervision(mine, mode, target.id);
    deps.changed(conversation, correlationId);
    return mine;
  }
  const leg = newSupervisorLeg(supervisor, target, mode, deps.now(), deps.ids, true);
  conversation.participants.push(leg);
  deps.phones.ring(conversation, leg);
  deps.changed(conversation, correlationId);
  return leg;
}
