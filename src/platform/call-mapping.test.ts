import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeEnum, parseCall } from './call-mapping';
import { parseConversation } from './conversation-mapping';

describe('parseCall', () => {
  it('reads REST and event shapes alike, with times as epoch ms and id-only references', () => {
    const call = parseCall({
      id: 'c1',
      selfUri: '/api/v2/conversations/calls/c1',
      recordingState: 'ACTIVE',
      participants: [
        {
          id: 'p1',
          purpose: 'AGENT',
          state: 'Connected',
          held: true,
          startHoldTime: '2026-11-21T09:00:05.000Z',
          connectedTime: '2026-11-21T09:00:00.000Z',
          user: { id: 'u1', selfUri: '/api/v2/users/u1' },
          queue: { id: 'q1', selfUri: '/x' },
          attributes: { a: '1', b: 2, c: null },
        },
      ],
    });
    expect(call?.recordingState).toBe('active');
    expect(call?.participants[0]).toEqual({
      id: 'p1',
      purpose: 'agent',
      state: 'connected',
      direction: 'unknown',
      held: true,
      muted: false,
      userId: 'u1',
      queueId: 'q1',
      connectedTime: Date.parse('2026-11-21T09:00:00.000Z'),
      startHoldTime: Date.parse('2026-11-21T09:00:05.000Z'),
      attributes: { a: '1' },
    });
  });

  it('reads the consult link and confinement from REST and from the generic shape alike', () => {
    const legs = [
      { id: 'cust', purpose: 'customer', held: true, confined: true, consultParticipantId: 'bob' },
      { id: 'bob', purpose: 'user', state: 'alerting' },
    ];
    const rest = parseCall({ id: 'c', participants: legs });
    expect(rest?.participants[0]).toMatchObject({ confined: true, consultParticipantId: 'bob' });
    expect(rest?.participants[1]).not.toHaveProperty('confined');
    const generic = parseConversation({
      id: 'c',
      participants: [
        {
          id: 'cust',
          purpose: 'customer',
          consultParticipantId: 'bob',
          calls: [{ confined: true }],
        },
      ],
    });
    expect(generic?.participants[0]).toMatchObject({ confined: true, consultParticipantId: 'bob' });
  });

  it('drops only the field with a wrong type, never the participant, and says which', () => {
    const call = parseCall({
      id: 'c',
      participants: [
        { id: 'me', purpose: 'agent', state: 'connected', muted: 'yes', held: false, userId: 7 },
      ],
    });
    expect(call?.participants).toHaveLength(1);
    expect(call?.participants[0]).toMatchObject({
      id: 'me',
      purpose: 'agent',
      held: false,
      muted: false,
      unreadable: ['muted', 'userId'],
    });
  });

  it('keeps hostile strings as plain data', () => {
    const call = parseCall({
      id: 'c',
      participants: [{ id: 'p', name: '<img src=x onerror=alert(1)>' }],
    });
    expect(call?.participants[0]?.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('returns null for something that is not a call, and drops participants without an id', () => {
    expect(parseCall(null)).toBeNull();
    expect(parseCall({ participants: [] })).toBeNull();
    expect(
      parseCall({ id: 'c', participants: [{ id: 'ok' }, { name: 'no id' }, 42] })?.participants.map(
        (p) => p.id,
      ),
    ).toEqual(['ok']);
    expect(parseCall({ id: 'c', participants: 'nope' })?.participants).toEqual([]);
  });

  it('never throws, and keeps every participant that has an id, whatever its fields hold', () => {
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 5 }),
        (raws) => {
          const participants = raws.map((r, i) => ({ ...r, id: `p${i}` }));
          const call = parseCall({ id: 'c', participants });
          return call?.participants.length === participants.length;
        },
      ),
    );
  });

  it('normalizes unknown enum values to the fallback', () => {
    expect(normalizeEnum('WORKFLOW', ['agent', 'customer'] as const, 'other' as never)).toBe(
      'other',
    );
    expect(normalizeEnum('Agent', ['agent', 'customer'] as const, 'customer')).toBe('agent');
    expect(normalizeEnum(undefined, ['agent'] as const, 'agent')).toBe('agent');
  });

  it('reads the after-call-work fields of an ended leg, leniently', () => {
    const call = parseCall({
      id: 'c',
      participants: [
        {
          id: 'acw',
          purpose: 'agent',
          state: 'terminated',
          endTime: '2026-11-21T09:05:00.000Z',
          wrapupRequired: true,
          wrapupPrompt: 'MANDATORY',
          wrapupTimeoutMs: 120000,
          startAcwTime: '2026-11-21T09:05:00.000Z',
        },
        {
          id: 'done',
          purpose: 'agent',
          state: 'disconnected',
          wrapupRequired: true,
          wrapupPrompt: 'optional',
          startAcwTime: '2026-11-21T09:05:00.000Z',
          endAcwTime: '2026-11-21T09:07:00.000Z',
        },
        // Wrong types drop only that field; an unparseable time is simply absent; null is absent.
        {
          id: 'odd',
          purpose: 'agent',
          state: 'terminated',
          wrapupRequired: 'yes',
          wrapupPrompt: 3,
          startAcwTime: 'not a time',
          endAcwTime: null,
        },
      ],
    });
    const [acw, done, odd] = call!.participants;
    expect(acw).toMatchObject({
      wrapupRequired: true,
      wrapupPrompt: 'mandatory',
      startAcwTime: Date.parse('2026-11-21T09:05:00.000Z'),
    });
    expect(acw).not.toHaveProperty('endAcwTime');
    expect(done).toMatchObject({
      wrapupPrompt: 'optional',
      startAcwTime: Date.parse('2026-11-21T09:05:00.000Z'),
      endAcwTime: Date.parse('2026-11-21T09:07:00.000Z'),
    });
    expect(odd).toMatchObject({ id: 'odd', state: 'terminated' });
    expect(odd?.unreadable).toEqual(['wrapupRequired', 'wrapupPrompt']);
    for (const key of ['wrapupRequired', 'wrapupPrompt', 'startAcwTime', 'endAcwTime'])
      expect(odd).not.toHaveProperty(key);
  });
});
