import { describe, expect, it } from 'vitest';
import { participant } from '../../testing/factories';
import { displayAddress, endedReason, roleLabel, visibleParticipants } from './participants';

describe('participants', () => {
  it('never shows a silent monitor; shows coaching and barge-in', () => {
    const call = {
      id: 'c',
      participants: [
        participant({ id: 'agent' }),
        participant({ id: 'm', purpose: 'user', monitoredParticipantId: 'agent' }),
        participant({ id: 'co', purpose: 'user', coachedParticipantId: 'agent' }),
        participant({ id: 'b', purpose: 'user', bargedParticipantId: 'agent' }),
      ],
    };
    const shown = visibleParticipants(call);
    expect(shown.map((p) => p.id)).toEqual(['agent', 'co', 'b']);
    expect(shown.map(roleLabel)).toEqual([
      'Agent',
      'Supervisor (coaching)',
      'Supervisor (barged in)',
    ]);
  });

  it('reads addresses and says how a call ended', () => {
    expect(displayAddress('tel:+15550100')).toBe('+15550100');
    expect(displayAddress('sip:alice@example.com')).toBe('alice@example.com');
    expect(endedReason(participant({ disconnectType: 'peer' }))).toBe('The other party hung up.');
    expect(endedReason(participant({ disconnectType: 'client' }))).toBe('You ended the call.');
    expect(endedReason(undefined)).toBe('The call has ended.');
  });
});
