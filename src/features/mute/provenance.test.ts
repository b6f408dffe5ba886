import { describe, expect, it } from 'vitest';
import type { Call, Participant } from '../../platform/types';
import { participant } from '../../testing/factories';
import { describeChange, sourceOf } from './provenance';

const person = (over: Partial<Participant>) =>
  participant({ purpose: 'user', direction: 'outbound', ...over });
const agent = person({ id: 'agent', purpose: 'agent', name: 'Alice Agent' });

describe('provenance', () => {
  it('is ours when a request of ours explains it', () => {
    expect(
      describeChange('muted', true, sourceOf(true, { id: 'c', participants: [agent] }, agent)),
    ).toBe('Muted by you');
  });

  it('names a barging or coaching supervisor', () => {
    const call: Call = {
      id: 'c',
      participants: [
        agent,
        person({ id: 's', name: 'Sam Supervisor', bargedParticipantId: 'agent' }),
      ],
    };
    expect(describeChange('held', true, sourceOf(false, call, agent))).toBe(
      'On hold by supervisor Sam Supervisor',
    );
    const coached: Call = {
      id: 'c',
      participants: [agent, person({ id: 's', name: 'Sam', coachedParticipantId: 'agent' })],
    };
    expect(describeChange('muted', false, sourceOf(false, coached, agent))).toBe(
      'Unmuted by supervisor Sam',
    );
  });

  it('never names a silent monitor; the change reads as made in Genesys Cloud', () => {
    const call: Call = {
      id: 'c',
      participants: [agent, person({ id: 's', name: 'Sam', monitoredParticipantId: 'agent' })],
    };
    expect(describeChange('muted', true, sourceOf(false, call, agent))).toBe(
      'Muted in Genesys Cloud',
    );
  });

  it('ignores a supervisor who has left the call', () => {
    const call: Call = {
      id: 'c',
      participants: [
        agent,
        person({ id: 's', name: 'Sam', bargedParticipantId: 'agent', state: 'disconnected' }),
      ],
    };
    expect(sourceOf(false, call, agent)).toEqual({ by: 'genesys' });
  });
});
