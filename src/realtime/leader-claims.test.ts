import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settle, world } from '../testing/shared-channel-harness';

const CHANNEL = { id: 'evil', connectUri: 'wss://evil.example/x', expiresAt: 9e15 };
const TOPIC = 'v2.users.u2.conversations.calls';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('claims to lead on the instance bus', () => {
  it('a claim from an instance that did not win the election is dropped and counted, with what it sent behind it', async () => {
    const w = await world();
    w.forger.post({ type: 'leader', from: 'forger', channel: CHANNEL });
    w.forger.post({ type: 'state', from: 'forger', state: { status: 'reconnecting', attempt: 3 } });
    w.forger.post({ type: 'event', from: 'forger', event: { topicName: TOPIC, body: 'forged' } });
    await settle();
    expect(w.follower.store.getState()).toMatchObject({
      status: 'live',
      attempt: 0,
      busDropped: { malformed: 0, unexpected: 3 },
    });
    expect(w.follower.events).toEqual([]);
    // Still the real leader's follower: its events arrive, and its channel is the one reused.
    w.channels[0]!.registry.dispatch({ topicName: TOPIC, body: 'real' });
    await settle();
    expect(w.follower.events).toEqual(['real']);
    await w.leader.shared.stop();
    await settle();
    expect(w.follower.shared.isLeader).toBe(true);
    expect(w.channels.at(-1)!.reuse?.id).toBe('ch1');
  });

  it('a late claim from an earlier leader (it let the lock go) is dropped; the instances follow the one that holds it', async () => {
    const w = await world();
    const third = w.instance('i3', ['v2.users.u3.conversations.calls']);
    third.shared.start();
    await settle();
    await w.leader.shared.stop();
    await settle();
    expect(w.follower.shared.isLeader).toBe(true);
    expect(await w.locks.holder('lcp:fuzz')).toBe('i2');
    const dropped = third.store.getState().busDropped.unexpected;
    // i1's claim again, as a replay or a message that was late on the bus.
    w.forger.post({ type: 'leader', from: 'i1', channel: { ...CHANNEL, id: 'ch1' } });
    w.forger.post({ type: 'state', from: 'i1', state: { status: 'reconnecting', attempt: 5 } });
    await settle();
    expect(third.store.getState().busDropped.unexpected - dropped).toBe(2);
    expect(third.store.getState()).toMatchObject({ status: 'live', attempt: 0 });
    // The leader that holds the lock still reaches it.
    w.channels.at(-1)!.registry.dispatch({
      topicName: 'v2.users.u3.conversations.calls',
      body: 'from i2',
    });
    await settle();
    expect(third.events).toEqual(['from i2']);
  });
});
