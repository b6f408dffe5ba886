import type { Call, Participant } from '../../platform/types';

/** Everyone the agent may see: a silent monitor is never shown to the person being monitored. */
export function visibleParticipants(call: Call): Participant[] {
  return call.participants.filter((p) => !p.monitoredParticipantId);
}

export function customerOf(call: Call): Participant | undefined {
  return call.participants.find((p) => p.purpose === 'customer' || p.purpose === 'external');
}

export function roleLabel(p: Participant): string {
  if (p.coachedParticipantId) return 'Supervisor (coaching)';
  if (p.bargedParticipantId) return 'Supervisor (barged in)';
  switch (p.purpose) {
    case 'customer':
      return 'Customer';
    case 'external':
      return 'External';
    case 'agent':
      return 'Agent';
    case 'user':
      return 'User';
    case 'acd':
      return 'Queue';
    case 'ivr':
      return 'IVR flow';
    default:
      return 'Participant';
  }
}

/** "tel:+13175550142" → "+1 317 555 0142"-ish: strip the scheme, keep what the agent can read. */
export function displayAddress(address: string | undefined): string {
  if (!address) return '';
  return address.replace(/^(tel|sip):/i, '');
}

export function endedReason(me: Participant | undefined): string {
  switch (me?.disconnectType) {
    case 'peer':
      return 'The other party hung up.';
    case 'client':
      return 'You ended the call.';
    case 'endpoint':
      return 'Your phone ended the call.';
    case 'transfer':
    case 'transfer.conference':
    case 'transfer.consult':
      return 'The call was transferred.';
    case 'error':
    case 'transport.failure':
      return 'The call dropped because of a network or system error.';
    default:
      return 'The call has ended.';
  }
}
