import { describe, expect, it } from 'vitest';
import type { Call } from '../../platform/types';
import { participant } from '../../testing/factories';
import { legState, modeOf, roleOf, supervisedAgent, supervisorLeg } from './supervisor-legs';

const call: Call = {
  id: 'c1',
  participants: [
    participant({ id: 'cust', purpose: 'customer' }),
    participant({ id: 'acd', purpose: 'acd', state: 'terminated' }),
    participant({ id: 'ivr', purpose: 'ivr', state: 'terminated' }),
    participant({ id: 'agent', userId: 'alice' }),
    participant({
      id: 'sam-old',
      purpose: 'user',
      userId: 'sam',
      state: 'terminated',
      monitoredParticipantId: 'agent',
    }),
    participant({ id: 'sam', purpose: 'user', userId: 'sam', coachedParticipantId: 'agent' }),
  ],
};

describe('supervisor legs', () => {
  it('finds the supervisor’s live leg, its mode and the agent it listens to', () => {
    const leg = supervisorLeg(call, 'sam')!;
    expect(leg.id).toBe('sam');
    expect(supervisedAgent(call, leg)).toEqual({ mode: 'coach', agent: call.participants[3] });
    expect(supervisorLeg(call, 'nobody')).toBeUndefined();
  });

  it('reads the mode from whichever id the platform set', () => {
    expect(modeOf(participant({ monitoredParticipantId: 'a' }))).toBe('monitor');
    expect(modeOf(participant({ bargedParticipantId: 'a' }))).toBe('barge');
    expect(modeOf(participant())).toBeUndefined();
  });

  it('names every role, monitors included (a supervisor sees them)', () => {
    expect(call.participants.map(roleOf)).toEqual([
      'customer',
      'queue',
      'flow',
      'agent',
      'monitoring',
      'coaching',
    ]);
    expect(roleOf(participant({ purpose: 'user' }))).toBe('user');
    expect(roleOf(participant({ purpose: 'external' }))).toBe('customer');
  });

  it('says a leg’s state in a word', () => {
    expect(legState(participant({ state: 'alerting' }))).toBe('ringing');
    expect(legState(participant({ held: true }))).toBe('held');
    expect(legState(participant({ state: 'disconnected' }))).toBe('ended');
    expect(legState(participant({ state: 'parked' }))).toBe('other');
  });
});
