import { describe, expect, it } from 'vitest';
import type { Call, Participant } from '../../platform/types';
import { participant } from '../../testing/factories';
import {
  legState,
  modeOf,
  roleOf,
  statusMessage,
  supervisedAgent,
  supervisionStatus,
} from './supervisor-legs';

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
    const leg = supervisionStatus(call, 'sam')!.leg;
    expect(leg.id).toBe('sam');
    expect(supervisedAgent(call, leg)).toEqual({ mode: 'coach', agent: call.participants[3] });
    expect(supervisionStatus(call, 'nobody')).toBeUndefined();
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

describe('supervision status: the supervisor’s own leg while their phone is called', () => {
  const agent = participant({ id: 'agent', userId: 'alice' });
  const withSam = (...legs: Partial<Participant>[]): Call => ({
    id: 'c1',
    participants: [
      participant({ id: 'cust', purpose: 'customer' }),
      agent,
      ...legs.map((leg, i) =>
        participant({
          id: `sam-${i}`,
          purpose: 'user',
          userId: 'sam',
          direction: 'outbound',
          ...leg,
        }),
      ),
    ],
  });

  it('a leg alerting (no connectedTime yet) is ringing: "Calling your phone…"', () => {
    const status = supervisionStatus(
      withSam({ state: 'alerting', monitoredParticipantId: 'agent' }),
      'sam',
    )!;
    expect(status).toMatchObject({ phase: 'ringing', mode: 'monitor' });
    expect(statusMessage(status, 'Alice Agent')).toEqual({ id: 'supervisor.leg.ringing' });
  });

  it.each([
    ['monitoredParticipantId', 'supervisor.mine.monitor'],
    ['coachedParticipantId', 'supervisor.mine.coach'],
    ['bargedParticipantId', 'supervisor.mine.barge'],
  ] as const)('answered (%s): connected, in the mode’s words', (field, id) => {
    const status = supervisionStatus(
      withSam({ state: 'connected', connectedTime: 1, [field]: 'agent' }),
      'sam',
    )!;
    expect(status.phase).toBe('connected');
    expect(statusMessage(status, 'Alice Agent')).toEqual({ id, values: { agent: 'Alice Agent' } });
  });

  it('held is still connected', () => {
    const status = supervisionStatus(
      withSam({ state: 'connected', held: true, connectedTime: 1, bargedParticipantId: 'agent' }),
      'sam',
    );
    expect(status?.phase).toBe('connected');
  });

  it.each(['system', 'client'])(
    'a leg that ended without ever connecting (%s) is unanswered: "Your phone didn’t answer."',
    (disconnectType) => {
      const status = supervisionStatus(
        withSam({ state: 'disconnected', disconnectType, coachedParticipantId: 'agent' }),
        'sam',
      )!;
      expect(status).toMatchObject({ phase: 'unanswered', mode: 'coach' });
      expect(statusMessage(status, 'Alice Agent')).toEqual({ id: 'supervisor.leg.unanswered' });
    },
  );

  it('a leg the supervisor cancelled, one the call took with it, or one answered then left reads as nothing', () => {
    const rang = {
      state: 'disconnected',
      disconnectType: 'client',
      monitoredParticipantId: 'agent',
    } as const;
    expect(supervisionStatus(withSam(rang), 'sam', new Set(['sam-0']))).toBeUndefined();
    expect(supervisionStatus(withSam({ ...rang, disconnectType: 'peer' }), 'sam')).toBeUndefined();
    expect(supervisionStatus(withSam({ ...rang, connectedTime: 1 }), 'sam')).toBeUndefined();
    expect(supervisionStatus(withSam(), 'sam')).toBeUndefined();
  });

  it('the newest leg decides: an old unanswered one does not hide a ringing one, nor the reverse', () => {
    const missed = {
      state: 'disconnected',
      disconnectType: 'system',
      monitoredParticipantId: 'agent',
    } as const;
    const ringing = { state: 'alerting', monitoredParticipantId: 'agent' } as const;
    expect(supervisionStatus(withSam(missed, ringing), 'sam')?.phase).toBe('ringing');
    const answeredThenLeft = { ...missed, disconnectType: 'client', connectedTime: 1 } as const;
    expect(supervisionStatus(withSam(answeredThenLeft, missed), 'sam')?.phase).toBe('unanswered');
    expect(supervisionStatus(withSam(missed, answeredThenLeft), 'sam')).toBeUndefined();
  });
});
