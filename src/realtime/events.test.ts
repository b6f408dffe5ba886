import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFrame } from './events';

const frame = (value: unknown) => JSON.stringify(value);
const callBody = {
  id: 'c1',
  participants: [
    {
      id: 'p1',
      purpose: 'CUSTOMER',
      state: 'CONNECTED',
      direction: 'Inbound',
      muted: false,
      held: false,
      ani: 'tel:+1555',
    },
    {
      id: 'p2',
      purpose: 'agent',
      state: 'connected',
      muted: true,
      user: { id: 'u1', name: 'Alice Agent' },
    },
  ],
};

describe('parseFrame', () => {
  it('recognises heartbeats, pongs and socket_closing', () => {
    expect(
      parseFrame(
        frame({ topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } }),
      ),
    ).toEqual({
      ok: true,
      event: { kind: 'heartbeat' },
    });
    expect(
      parseFrame(frame({ topicName: 'channel.metadata', eventBody: { message: 'pong' } })),
    ).toEqual({
      ok: true,
      event: { kind: 'pong' },
    });
    expect(parseFrame(frame({ topicName: 'v2.system.socket_closing', eventBody: {} }))).toEqual({
      ok: true,
      event: { kind: 'socketClosing' },
    });
  });

  it('maps a call event, comparing enums case-insensitively', () => {
    const result = parseFrame(
      frame({
        topicName: 'v2.users.u1.conversations.calls',
        version: '2',
        eventBody: callBody,
        metadata: { CorrelationId: 'k' },
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok || result.event.kind !== 'call') throw new Error('expected a call event');
    expect(result.event.scope).toBe('user');
    expect(result.event.correlationId).toBe('k');
    expect(result.event.call.participants[0]).toMatchObject({
      purpose: 'customer',
      state: 'connected',
      direction: 'inbound',
    });
    expect(result.event.call.participants[1]).toMatchObject({
      muted: true,
      userId: 'u1',
      userName: 'Alice Agent',
    });
  });

  it('routes queue topics as queue events', () => {
    const result = parseFrame(
      frame({ topicName: 'v2.routing.queues.q1.conversations.calls', eventBody: callBody }),
    );
    expect(result.ok && result.event.kind === 'call' && result.event.scope).toBe('queue');
  });

  it('drops malformed frames and unknown topics with a reason', () => {
    expect(parseFrame('{not json')).toEqual({ ok: false, reason: 'malformed' });
    expect(parseFrame(frame({ eventBody: {} }))).toEqual({ ok: false, reason: 'malformed' });
    expect(
      parseFrame(
        frame({ topicName: 'v2.users.u1.conversations.calls', eventBody: { participants: [] } }),
      ),
    ).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(parseFrame(frame({ topicName: 'v2.users.u1.presence', eventBody: {} }))).toEqual({
      ok: false,
      reason: 'unknownTopic',
    });
  });

  it('keeps a call whose participants are partly broken, dropping only the broken ones', () => {
    const result = parseFrame(
      frame({
        topicName: 'v2.users.u1.conversations.calls',
        eventBody: { id: 'c1', participants: [{ id: 'ok' }, { name: 'no id' }, 42] },
      }),
    );
    expect(
      result.ok && result.event.kind === 'call' && result.event.call.participants.map((p) => p.id),
    ).toEqual(['ok']);
  });

  it('never throws, whatever arrives', () => {
    fc.assert(fc.property(fc.string(), (text) => typeof parseFrame(text).ok === 'boolean'));
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom('v2.users.u.conversations.calls', 'channel.metadata', 'x'),
        (body, topicName) => {
          const result = parseFrame(JSON.stringify({ topicName, eventBody: body }));
          return typeof result.ok === 'boolean';
        },
      ),
    );
  });
});
