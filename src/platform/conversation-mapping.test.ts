import { describe, expect, it } from 'vitest';
import { parseCall } from './call-mapping';
import { flattenParticipant, parseConversation } from './conversation-mapping';

/** A generic conversation as `GET /api/v2/conversations/{cid}` answers (contract §2.3). */
const generic = {
  id: 'c1',
  startTime: '2026-01-05T10:00:00.000Z',
  recordingState: 'ACTIVE',
  participants: [
    {
      id: 'cust',
      name: 'Casey Caller',
      purpose: 'customer',
      ani: 'tel:+13175550142',
      attributes: { 'lcp.playback.state': 'completed' },
      calls: [
        {
          id: 'm1',
          state: 'CONNECTED',
          direction: 'inbound',
          muted: false,
          held: false,
          connectedTime: '2026-01-05T10:00:01.000Z',
        },
      ],
    },
    {
      id: 'agent',
      name: 'Alice Agent',
      purpose: 'agent',
      userId: 'u-alice',
      queueId: 'q-support',
      queueName: 'Support',
      calls: [
        { id: 'm2', state: 'terminated', disconnectType: 'client', muted: false, held: false },
        {
          id: 'm3',
          state: 'connected',
          muted: true,
          held: true,
          recording: true,
          startHoldTime: '2026-01-05T10:02:00.000Z',
        },
      ],
    },
    {
      id: 'sup',
      purpose: 'user',
      userId: 'u-sam',
      monitoredParticipantId: 'agent',
      calls: [{ id: 'm4', state: 'connected', direction: 'outbound' }],
    },
    {
      id: 'gone',
      purpose: 'acd',
      queueId: 'q-support',
      name: 'Support',
      endTime: undefined,
      calls: [{ id: 'm5', state: 'terminated', disconnectedTime: '2026-01-05T10:00:01.000Z' }],
    },
  ],
};

describe('parseConversation', () => {
  it('maps participants[].calls[] onto flat legs with the call state of the newest media leg', () => {
    const call = parseConversation(generic)!;
    expect(call.id).toBe('c1');
    expect(call.recordingState).toBe('active');
    const agent = call.participants.find((p) => p.id === 'agent')!;
    expect(agent).toMatchObject({
      purpose: 'agent',
      state: 'connected',
      muted: true,
      held: true,
      recording: true,
      userId: 'u-alice',
      queueId: 'q-support',
      queueName: 'Support',
      startHoldTime: Date.parse('2026-01-05T10:02:00.000Z'),
    });
    expect(call.participants.find((p) => p.id === 'cust')).toMatchObject({
      name: 'Casey Caller',
      state: 'connected',
      ani: 'tel:+13175550142',
      attributes: { 'lcp.playback.state': 'completed' },
      connectedTime: Date.parse('2026-01-05T10:00:01.000Z'),
    });
  });

  it('keeps supervisor ids, and takes an ended leg’s end from disconnectedTime', () => {
    const call = parseConversation(generic)!;
    expect(call.participants.find((p) => p.id === 'sup')).toMatchObject({
      purpose: 'user',
      monitoredParticipantId: 'agent',
      direction: 'outbound',
    });
    expect(call.participants.find((p) => p.id === 'gone')).toMatchObject({
      state: 'terminated',
      endTime: Date.parse('2026-01-05T10:00:01.000Z'),
    });
  });

  it('drops the name of agent and user legs so every source of a call reads alike', () => {
    const call = parseConversation(generic)!;
    expect(call.participants.find((p) => p.id === 'agent')?.name).toBeUndefined();
    // The same leg from the calls topic (flat, no name) parses to the same participant.
    const flat = parseCall({
      id: 'c1',
      participants: [
        {
          id: 'agent',
          purpose: 'agent',
          state: 'connected',
          muted: true,
          held: true,
          recording: true,
          user: { id: 'u-alice' },
          queue: { id: 'q-support' },
          queueName: 'Support',
          startHoldTime: '2026-01-05T10:02:00.000Z',
        },
      ],
    })!;
    const { direction: _a, ...fromGeneric } = call.participants.find((p) => p.id === 'agent')!;
    const { direction: _b, ...fromTopic } = flat.participants[0]!;
    expect(fromGeneric).toEqual(fromTopic);
  });

  it('reads a participant without calls[] and refuses what is not a conversation', () => {
    expect(flattenParticipant({ id: 'x', purpose: 'customer' })).toEqual({
      id: 'x',
      purpose: 'customer',
    });
    expect(
      parseConversation({ id: 'c', participants: [{ id: 'x' }] })?.participants[0]?.state,
    ).toBe('other');
    expect(parseConversation(null)).toBeNull();
    expect(parseConversation({ participants: [] })).toBeNull();
    expect(parseConversation([])).toBeNull();
  });
});
