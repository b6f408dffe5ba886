import { describe, expect, it } from 'vitest';
import { normalizeEnum, parseCall } from './call-mapping';

describe('parseCall', () => {
  it('reads REST and event shapes alike, with times as epoch ms', () => {
    const call = parseCall({
      id: 'c1',
      selfUri: '/api/v2/conversations/calls/c1',
      participants: [
        {
          id: 'p1',
          name: 'Agent',
          purpose: 'agent',
          state: 'connected',
          held: true,
          startHoldTime: '2026-11-21T09:00:05.000Z',
          connectedTime: '2026-11-21T09:00:00.000Z',
          queue: { id: 'q1', name: 'Support', selfUri: '/x' },
          attributes: { a: '1', b: 2, c: null },
        },
      ],
    });
    expect(call?.participants[0]).toMatchObject({
      held: true,
      muted: false,
      queueId: 'q1',
      queueName: 'Support',
      connectedTime: Date.parse('2026-11-21T09:00:00.000Z'),
      startHoldTime: Date.parse('2026-11-21T09:00:05.000Z'),
      attributes: { a: '1' },
    });
  });

  it('keeps hostile strings as plain data', () => {
    const call = parseCall({
      id: 'c',
      participants: [{ id: 'p', name: '<img src=x onerror=alert(1)>' }],
    });
    expect(call?.participants[0]?.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('returns null for something that is not a call', () => {
    expect(parseCall(null)).toBeNull();
    expect(parseCall({ participants: [] })).toBeNull();
  });

  it('normalizes unknown enum values to the fallback', () => {
    expect(normalizeEnum('WORKFLOW', ['agent', 'customer'] as const, 'other' as never)).toBe(
      'other',
    );
    expect(normalizeEnum('Agent', ['agent', 'customer'] as const, 'customer')).toBe('agent');
    expect(normalizeEnum(undefined, ['agent'] as const, 'agent')).toBe('agent');
  });
});
