import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFrame } from './events';

const frame = (value: unknown) => JSON.stringify(value);

describe('parseFrame', () => {
  it('recognises heartbeats, pongs, socket_closing and other system topics', () => {
    expect(
      parseFrame(
        frame({ topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } }),
      ),
    ).toEqual({ ok: true, frame: { kind: 'heartbeat' } });
    expect(
      parseFrame(frame({ topicName: 'channel.metadata', eventBody: { message: 'pong' } })),
    ).toEqual({ ok: true, frame: { kind: 'pong' } });
    expect(parseFrame(frame({ topicName: 'v2.system.socket_closing', eventBody: {} }))).toEqual({
      ok: true,
      frame: { kind: 'socketClosing' },
    });
    expect(parseFrame(frame({ topicName: 'v2.system.no_longer_subscribed' }))).toEqual({
      ok: true,
      frame: { kind: 'system', topicName: 'v2.system.no_longer_subscribed' },
    });
  });

  it('reads {"result":"404"} (a frame without topicName) as the channel being gone', () => {
    expect(parseFrame('{"result":"404"}')).toEqual({ ok: true, frame: { kind: 'channelGone' } });
    expect(parseFrame('{"result":404}')).toEqual({ ok: true, frame: { kind: 'channelGone' } });
    expect(parseFrame('{"result":"200","status":"subscribed"}')).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('passes a topic event on with its body unparsed and its correlation id', () => {
    expect(
      parseFrame(
        frame({
          topicName: 'v2.users.u1.conversations.calls',
          version: '2',
          eventBody: { id: 'c1' },
          metadata: { CorrelationId: 'k' },
        }),
      ),
    ).toEqual({
      ok: true,
      frame: {
        kind: 'topic',
        topicName: 'v2.users.u1.conversations.calls',
        body: { id: 'c1' },
        correlationId: 'k',
      },
    });
  });

  it('keeps an event whose metadata is odd, without the correlation id', () => {
    const result = parseFrame(frame({ topicName: 't', eventBody: 1, metadata: 'x' }));
    expect(result).toEqual({ ok: true, frame: { kind: 'topic', topicName: 't', body: 1 } });
  });

  it('reports malformed frames', () => {
    expect(parseFrame('{not json')).toEqual({ ok: false, reason: 'malformed' });
    expect(parseFrame(frame({ eventBody: {} }))).toEqual({ ok: false, reason: 'malformed' });
    expect(parseFrame(frame({ topicName: '' }))).toEqual({ ok: false, reason: 'malformed' });
    expect(parseFrame('42')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('never throws, whatever arrives', () => {
    fc.assert(fc.property(fc.string(), (text) => typeof parseFrame(text).ok === 'boolean'));
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.jsonValue(),
        fc.constantFrom('v2.users.u.conversations.calls', 'channel.metadata', 'x'),
        (body, metadata, topicName) => {
          const result = parseFrame(JSON.stringify({ topicName, eventBody: body, metadata }));
          return result.ok === true;
        },
      ),
    );
  });
});
