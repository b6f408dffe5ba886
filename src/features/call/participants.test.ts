import { describe, expect, it } from 'vitest';
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

  it('says how a call ended only as the platform reported it', () => {
    expect(endedReasonId(participant({ disconnectType: 'peer' }))).toBe('ended.peer');
    expect(endedReasonId(participant({ disconnectType: 'client' }))).toBe('ended.client');
    expect(endedReasonId(participant({ disconnectType: 'spam' }))).toBe('ended.unknown');
    expect(endedReasonId(undefined)).toBe('ended.unknown');
  });

  it('reads terminated and disconnected both as ended, and a held connection as on hold', () => {
    expect(stateId(participant({ state: 'terminated' }))).toBe('state.ended');
    expect(stateId(participant({ state: 'disconnected' }))).toBe('state.ended');
    expect(stateId(participant({ state: 'connected', held: true }))).toBe('state.held');
  });
});
