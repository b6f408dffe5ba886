import { myParticipant } from '../../domain/call-selectors';
import { leftWhileOthersStay, neverAnswered, type PartyStatus } from '../../domain/call-shape';
import type { CoreMessageId } from '../../i18n/message';
import type { Call, Participant } from '../../platform/types';

/** The role of a leg, as a message id. */
export function roleId(p: Participant): CoreMessageId {
  if (p.coachedParticipantId) return 'role.coaching';
  if (p.bargedParticipantId) return 'role.barged';
  switch (p.purpose) {
    case 'customer':
      return 'role.customer';
    case 'external':
      return 'role.external';
    case 'agent':
      return 'role.agent';
    case 'user':
      return 'role.user';
    case 'acd':
      return 'role.queue';
    case 'ivr':
      return 'role.ivr';
    default:
      return 'role.other';
  }
}

/**
 * How the call ended for the agent, as the legs say it (never a guess): the agent left while
 * others stay on, a number they dialled never answered, else the platform's disconnect type.
 */
export function endedReasonId(call: Call, userId: string): CoreMessageId {
  const me = myParticipant(call, userId);
  if (me?.disconnectType === 'client' && leftWhileOthersStay(call, userId))
    return 'ended.leftGoesOn';
  if (me?.disconnectType !== 'client' && neverAnswered(call, userId)) return 'ended.notAnswered';
  switch (me?.disconnectType) {
    case 'peer':
      return 'ended.peer';
    case 'client':
      return 'ended.client';
    case 'endpoint':
      return 'ended.endpoint';
    case 'transfer':
    case 'transfer.conference':
    case 'transfer.consult':
    case 'transfer.forward':
      return 'ended.transfer';
    case 'error':
    case 'transport.failure':
      return 'ended.error';
    default:
      return 'ended.unknown';
  }
}

/** Participant states as message ids (`connected`, `terminated`, …). */
export function stateId(p: Participant): CoreMessageId {
  switch (p.state) {
    case 'alerting':
    case 'offering':
      return 'state.ringing';
    case 'dialing':
    case 'contacting':
      return 'state.dialing';
    case 'connected':
      return p.held ? 'state.held' : 'state.connected';
    case 'disconnected':
    case 'terminated':
      return 'state.ended';
    default:
      return 'state.other';
  }
}

/** Another party's status on the call, as a message id. */
export const PARTY_STATUS: Record<PartyStatus, CoreMessageId> = {
  talking: 'party.talking',
  held: 'party.held',
  confined: 'party.confined',
  ringing: 'party.ringing',
  queued: 'party.queued',
};
