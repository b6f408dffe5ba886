import { describe, expect, it } from 'vitest';
import type { Call, Participant } from '../../platform/types';
import { participant } from '../../testing/factories';
import { endedReasonId, roleId, stateId } from './participants';

describe('participants', () => {
  it('names roles, with coaching and barge-in as supervisors', () => {
    expect(roleId(participant({ purpose: 'customer' }))).toBe('role.customer');
    expect(roleId(participant({ purpose: 'user', coachedParticipantId: 'a' }))).toBe(
      'role.coaching',
    );
    expect(roleId(participant({ purpose: 'user', bargedParticipantId: 'a' }))).toBe('role.barged');
    expect(roleId(participant({ purpose: 'acd' }))).toBe('role.queue');
    expect(roleId(participant({ purpose: 'other' }))).toBe('role.other');
  });

  it('says how a call ended only as the legs report it', () => {
    const ended = (disconnectType: string, ...others: Participant[]): Call => ({
      id: 'c',
      participants: [
        participant({ id: 'cust', purpose: 'customer', state: 'terminated' }),
        participant({ id: 'me', userId: 'u', state: 'terminated', disconnectType }),
        ...others,
      ],
    });
    expect(endedReasonId(ended('peer'), 'u')).toBe('ended.peer');
    expect(endedReasonId(ended('client'), 'u')).toBe('ended.client');
    expect(endedReasonId(ended('spam'), 'u')).toBe('ended.unknown');
    expect(endedReasonId(ended('transfer.consult'), 'u')).toBe('ended.transfer');
    expect(endedReasonId({ id: 'c', participants: [] }, 'u')).toBe('ended.unknown');
    // Leaving a conference: the others are still on, so "you ended the call" would be untrue.
    const number = participant({ id: 'n', purpose: 'external', state: 'connected' });
    expect(endedReasonId(ended('client', number), 'u')).toBe('ended.leftGoesOn');
  });

  it('says a placed call was not answered only when the dialled leg never connected', () => {
    const placed = (remote: Partial<Participant>, mine = 'peer'): Call => ({
      id: 'o',
      participants: [
        participant({
          id: 'me',
          userId: 'u',
          purpose: 'user',
          direction: 'outbound',
          state: 'terminated',
          disconnectType: mine,
        }),
        participant({
          id: 'n',
          purpose: 'external',
          direction: 'outbound',
          state: 'terminated',
          ...remote,
        }),
      ],
    });
    expect(endedReasonId(placed({ disconnectType: 'system' }), 'u')).toBe('ended.notAnswered');
    expect(endedReasonId(placed({ connectedTime: 5 }), 'u')).toBe('ended.peer');
    // The agent gave up first: that is what ended it.
    expect(endedReasonId(placed({}, 'client'), 'u')).toBe('ended.client');
  });

  it('reads terminated and disconnected both as ended, and a held connection as on hold', () => {
    expect(stateId(participant({ state: 'terminated' }))).toBe('state.ended');
    expect(stateId(participant({ state: 'disconnected' }))).toBe('state.ended');
    expect(stateId(participant({ state: 'connected', held: true }))).toBe('state.held');
  });
});
