import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NotificationChannel } from '../platform/types';
import { createConnectionStore } from './connection-store';
import { memoryBusNetwork } from '../testing/memory-bus';
import { memoryLocks } from '../testing/memory-locks';
import { SharedChannel, type LeaderChannel } from './shared-channel';
import { TopicRegistry, type TopicEvent } from './topic-registry';

interface FakeChannel extends LeaderChannel {
  registry: TopicRegistry;
  reuse?: NotificationChannel;
  info: NotificationChannel;
  stopped: boolean;
  /** The link this channel reports, once it is up (the fake comes up at once unless held). */
  goLive(): void;
}

function world() {
  const network = memoryBusNetwork();
  const locks = memoryLocks();
  const channels: FakeChannel[] = [];
  const released: string[] = [];
  const options = { holdLinks: false };
  let n = 0;
  const instance = (topics: string[]) => {
    n += 1;
    const registry = new TopicRegistry({ debounceMs: 5 });
    const events: unknown[] = [];
    const resyncs: string[] = [];
    for (const topic of topics)
      registry.subscribe({
        topic,
        onEvent: (e) => events.push(e.body),
        resync: async () => void resyncs.push(topic),
      });
    const store = createConnectionStore();
    const shared = new SharedChannel({
      bus: network.create(),
      lock: locks,
      lockName: 'lcp:test',
      instanceId: `i${n}`,
      registry,
      store,
      createChannel: ({ registry: union, store: leaderStore, reuse }) => {
        const info = reuse ?? {
          id: `ch${channels.length + 1}`,
          connectUri: `ws://x/${channels.length + 1}`,
          expiresAt: Date.now() + 86_400_000,
        };
        const channel: FakeChannel = {
          registry: union,
          reuse,
          info,
          stopped: false,
          start: () => void (options.holdLinks || channel.goLive()),
          goLive: () =>
            leaderStore.setState({ status: 'live', channelId: info.id, staleSince: undefined }),
          stop: () => void (channel.stopped = true),
          tokenChanged: vi.fn(),
          reconnectNow: vi.fn(),
          channelInfo: () => info,
        };
        channels.push(channel);
        return channel;
      },
      releaseChannel: async (id) => void released.push(id),
    });
    return { shared, registry, events, resyncs, store };
  };
  return { instance, channels, released, options };
}

const settle = () => vi.advanceTimersByTimeAsync(50);
const event = (topicName: string, body: unknown): TopicEvent => ({ topicName, body });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('SharedChannel', () => {
  it('three instances: one leader, one platform channel holding every instance’s topics', async () => {
    const w = world();
    const a = w.instance(['t.a']);
    const b = w.instance(['t.b', 't.shared']);
    const c = w.instance(['t.c', 't.shared']);
    for (const i of [a, b, c]) i.shared.start();
    await settle();
    expect([a, b, c].filter((i) => i.shared.isLeader)).toHaveLength(1);
    expect(w.channels).toHaveLength(1);
    expect(w.channels[0]!.registry.topics().sort()).toEqual(['t.a', 't.b', 't.c', 't.shared']);
    for (const i of [b, c])
      expect(i.store.getState()).toMatchObject({ status: 'live', channelId: 'ch1' });
  });

  it('fans each event out to the instances that hold its topic', async () => {
    const w = world();
    const a = w.instance(['t.a']);
    const b = w.instance(['t.b', 't.shared']);
    const c = w.instance(['t.c', 't.shared']);
    for (const i of [a, b, c]) i.shared.start();
    await settle();
    const union = w.channels[0]!.registry;
    union.dispatch(event('t.shared', 'both'));
    union.dispatch(event('t.a', 'only-a'));
    union.dispatch(event('t.c', 'only-c'));
    await settle();
    expect(a.events).toEqual(['only-a']);
    expect(b.events).toEqual(['both']);
    expect(c.events).toEqual(['both', 'only-c']);
  });

  it('after (re)subscribing, every instance re-reads its own topics', async () => {
    const w = world();
    const a = w.instance(['t.a']);
    const b = w.instance(['t.b']);
    a.shared.start();
    b.shared.start();
    await settle();
    const before = { a: a.resyncs.length, b: b.resyncs.length };
    await w.channels[0]!.registry.resync();
    await settle();
    expect(a.resyncs.slice(before.a)).toEqual(['t.a']);
    expect(b.resyncs.slice(before.b)).toEqual(['t.b']);
  });

  it('a widget that joins a live channel reads its topics once, even those the leader already holds', async () => {
    const w = world();
    const a = w.instance(['t.shared']);
    a.shared.start();
    await settle();
    const b = w.instance(['t.shared']);
    b.shared.start();
    await settle();
    expect(b.resyncs).toEqual(['t.shared']);
    expect(w.channels).toHaveLength(1);
    // A topic it adds later, already held by the leader: read once too.
    const later = vi.fn(async () => undefined);
    a.registry.subscribe({ topic: 't.other', onEvent: vi.fn() });
    await settle();
    b.registry.subscribe({ topic: 't.other', onEvent: vi.fn(), resync: later });
    await settle();
    expect(later).toHaveBeenCalledTimes(1);
  });

  it('when the leader goes, the next takes over on the same platform channel; its topics leave', async () => {
    const w = world();
    const a = w.instance(['t.a']);
    const b = w.instance(['t.b']);
    const c = w.instance(['t.c']);
    for (const i of [a, b, c]) i.shared.start();
    await settle();
    a.shared.stop();
    await settle();
    expect(w.channels[0]!.stopped).toBe(true);
    const leaders = [b, c].filter((i) => i.shared.isLeader);
    expect(leaders).toHaveLength(1);
    expect(w.channels).toHaveLength(2);
    expect(w.channels[1]!.reuse?.id).toBe('ch1');
    expect(w.channels[1]!.registry.topics().sort()).toEqual(['t.b', 't.c']);
    expect(w.released).toEqual([]);
    const follower = [b, c].find((i) => !i.shared.isLeader)!;
    w.channels[1]!.registry.dispatch(event(follower === b ? 't.b' : 't.c', 'after'));
    await settle();
    expect(follower.events).toEqual(['after']);
  });

  it('a follower’s new topic reaches the leader’s channel; the last instance to stop releases the channel', async () => {
    const w = world();
    const a = w.instance(['t.a']);
    const b = w.instance([]);
    a.shared.start();
    b.shared.start();
    await settle();
    b.registry.subscribe({ topic: 't.late', onEvent: vi.fn() });
    await settle();
    expect(w.channels[0]!.registry.topics().sort()).toEqual(['t.a', 't.late']);
    b.shared.stop();
    await settle();
    expect(w.channels[0]!.registry.topics()).toEqual(['t.a']);
    a.shared.stop();
    expect(w.released).toEqual(['ch1']);
  });

  it('a follower’s reconnect request reaches the leader', async () => {
    const w = world();
    const a = w.instance(['t.a']);
    const b = w.instance(['t.b']);
    a.shared.start();
    b.shared.start();
    await settle();
    b.shared.reconnectNow();
    await settle();
    expect(w.channels[0]!.reconnectNow).toHaveBeenCalledTimes(1);
  });

  it('while the next leader connects, every instance says since when its screen is out of date', async () => {
    const w = world();
    const a = w.instance(['t.a']);
    const b = w.instance(['t.b']);
    const c = w.instance(['t.c']);
    for (const i of [a, b, c]) i.shared.start();
    await settle();
    for (const i of [b, c]) expect(i.store.getState().staleSince).toBeUndefined();
    w.options.holdLinks = true;
    const leftAt = Date.now();
    a.shared.stop();
    await settle();
    // The next leader is connecting (its link held), the other waits for it: neither is live.
    expect([b, c].filter((i) => i.shared.isLeader)).toHaveLength(1);
    for (const i of [b, c])
      expect(i.store.getState()).toMatchObject({ status: 'connecting', staleSince: leftAt });
    w.channels[1]!.goLive();
    await settle();
    for (const i of [b, c])
      expect(i.store.getState()).toMatchObject({ status: 'live', staleSince: undefined });
  });
});
