import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TopicLimitError, TopicRegistry, type TopicEvent } from './topic-registry';

const event = (topicName: string, body: unknown = {}): TopicEvent => ({ topicName, body });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('TopicRegistry', () => {
  it('holds the union of topics: one entry however many subscribers, gone with the last', () => {
    const registry = new TopicRegistry();
    const a = registry.subscribe({ topic: 'v2.users.u1.conversations.calls', onEvent: vi.fn() });
    const b = registry.subscribe({ topic: 'V2.USERS.U1.CONVERSATIONS.CALLS', onEvent: vi.fn() });
    registry.subscribe({ topic: 'v2.routing.queues.q1.conversations.calls', onEvent: vi.fn() });
    expect(registry.topics()).toEqual([
      'v2.users.u1.conversations.calls',
      'v2.routing.queues.q1.conversations.calls',
    ]);
    a();
    expect(registry.topics()).toHaveLength(2);
    b();
    b();
    expect(registry.topics()).toEqual(['v2.routing.queues.q1.conversations.calls']);
  });

  it('reports changes once per debounce window', async () => {
    const registry = new TopicRegistry({ debounceMs: 25 });
    const changed = vi.fn();
    registry.onTopicsChanged(changed);
    const offs = ['a', 'b', 'c'].map((t) => registry.subscribe({ topic: t, onEvent: vi.fn() }));
    offs[0]!();
    await vi.advanceTimersByTimeAsync(24);
    expect(changed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(changed).toHaveBeenCalledTimes(1);
    // A second subscriber to a topic already held is not a change of the set.
    registry.subscribe({ topic: 'b', onEvent: vi.fn() });
    await vi.advanceTimersByTimeAsync(100);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('routes each event by topicName, case-insensitively, to every subscriber of that topic only', () => {
    const registry = new TopicRegistry();
    const calls = [vi.fn(), vi.fn()];
    const queue = vi.fn();
    for (const onEvent of calls)
      registry.subscribe({ topic: 'v2.users.u1.conversations.calls', onEvent });
    registry.subscribe({ topic: 'v2.routing.queues.q1.conversations.calls', onEvent: queue });
    expect(registry.dispatch(event('v2.users.U1.conversations.calls', { id: 'c' }))).toBe(true);
    expect(calls[0]).toHaveBeenCalledWith(event('v2.users.U1.conversations.calls', { id: 'c' }));
    expect(calls[1]).toHaveBeenCalledTimes(1);
    expect(queue).not.toHaveBeenCalled();
    expect(registry.dispatch(event('v2.users.u2.conversations.calls'))).toBe(false);
  });

  it('refuses the 1001st topic with a clear error, and keeps the 1000 it has', () => {
    const registry = new TopicRegistry();
    for (let i = 0; i < 1000; i += 1) registry.subscribe({ topic: `t${i}`, onEvent: vi.fn() });
    expect(() => registry.subscribe({ topic: 't1000', onEvent: vi.fn() })).toThrow(TopicLimitError);
    expect(() => registry.subscribe({ topic: 't1000', onEvent: vi.fn() })).toThrow(/at most 1000/);
    // Another subscriber of a topic already held is fine at the limit.
    expect(() => registry.subscribe({ topic: 't5', onEvent: vi.fn() })).not.toThrow();
    expect(registry.topics()).toHaveLength(1000);
  });

  it('runs each owner’s resync once and holds only that topic’s events until it is done', async () => {
    const registry = new TopicRegistry();
    const received: string[] = [];
    let finishCalls!: () => void;
    const callsResync = vi.fn(() => new Promise<void>((resolve) => (finishCalls = resolve)));
    const queueResync = vi.fn(async () => undefined);
    registry.subscribe({
      topic: 'calls',
      onEvent: (e) => received.push(`calls:${String(e.body)}`),
      resync: callsResync,
    });
    // A second topic with the same owner re-read: it runs once for both.
    registry.subscribe({
      topic: 'calls-2',
      onEvent: (e) => received.push(`calls-2:${String(e.body)}`),
      resync: callsResync,
    });
    registry.subscribe({
      topic: 'queue',
      onEvent: (e) => received.push(`queue:${String(e.body)}`),
      resync: queueResync,
    });
    const done = registry.resync();
    registry.dispatch(event('calls', 1));
    registry.dispatch(event('calls-2', 2));
    await vi.advanceTimersByTimeAsync(0);
    registry.dispatch(event('queue', 3));
    expect(received).toEqual(['queue:3']);
    finishCalls();
    await done;
    expect(received).toEqual(['queue:3', 'calls:1', 'calls-2:2']);
    expect(callsResync).toHaveBeenCalledTimes(1);
    expect(queueResync).toHaveBeenCalledTimes(1);
    registry.dispatch(event('calls', 4));
    expect(received.at(-1)).toBe('calls:4');
  });

  it('re-reads only the topics asked for, and still releases held events when a re-read fails', async () => {
    const registry = new TopicRegistry();
    const received: unknown[] = [];
    const mine = vi.fn(async () => undefined);
    registry.subscribe({ topic: 'mine', onEvent: vi.fn(), resync: mine });
    registry.subscribe({
      topic: 'queue',
      onEvent: (e) => received.push(e.body),
      resync: () => Promise.reject(new Error('offline')),
    });
    const done = registry.resync(['queue']);
    registry.dispatch(event('queue', 'held'));
    await expect(done).rejects.toThrow('offline');
    expect(mine).not.toHaveBeenCalled();
    expect(received).toEqual(['held']);
  });

  it('tells a topic’s owners when the platform rejects it', () => {
    const registry = new TopicRegistry();
    const onRejected = vi.fn();
    registry.subscribe({
      topic: 'v2.routing.queues.q9.conversations.calls',
      onEvent: vi.fn(),
      onRejected,
    });
    registry.reject('v2.routing.queues.q9.conversations.calls', 'missing permission');
    expect(onRejected).toHaveBeenCalledWith('missing permission');
  });
});
