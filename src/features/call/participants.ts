import type { CoreMessageId } from '../../i18n/message';
import type { Participant } from '../../platform/types';

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

/** How the call ended for this leg, as the platform reported it (never a guess). */
export function endedReasonId(me: Participant | undefined): CoreMessageId {
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
