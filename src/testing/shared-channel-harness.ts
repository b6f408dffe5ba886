import { vi } from 'vitest';
import type { NotificationChannel } from '../platform/types';
import { createConnectionStore } from '../realtime/connection-store';
import type { LeaderLock } from '../realtime/leader-lock';
import { SharedChannel, type LeaderChannel } from '../realtime/shared-channel';
import { TopicRegistry } from '../realtime/topic-registry';
import { memoryBusNetwork } from './memory-bus';
import { memoryLocks } from './memory-locks';

export interface FakeChannel extends LeaderChannel {
  registry: TopicRegistry;
  reuse?: NotificationChannel;
  reconnects: number;
}

/** A leader `i1` and a follower `i2` on one memory bus, and a forger's raw place on it. */
export async function world() {
  const network = memoryBusNetwork();
  const locks: LeaderLock = memoryLocks();
  const channels: FakeChannel[] = [];
  const instance = (id: string, topics: string[]) => {
    const registry = new TopicRegistry({ debounceMs: 5 });
    const events: unknown[] = [];
    for (const topic of topics)
      registry.subscribe({ topic, onEvent: (e) => events.push(e.body), resync: async () => {} });
    const store = createConnectionStore();
    const shared = new SharedChannel({
      bus: network.create(),
      lock: locks,
      lockName: 'lcp:fuzz',
      instanceId: id,
      registry,
      store,
      createChannel: ({ registry: union, store: leaderStore, reuse }) => {
        const info = reuse ?? {
          id: `ch${channels.length + 1}`,
          connectUri: `wss://streaming.example/channels/ch${channels.length + 1}`,
          expiresAt: Date.now() + 86_400_000,
        };
        const channel: FakeChannel = {
          registry: union,
          reuse,
          reconnects: 0,
          start: () => leaderStore.setState({ status: 'live', channelId: info.id }),
          stop: () => undefined,
          tokenChanged: () => undefined,
          reconnectNow: () => void (channel.reconnects += 1),
          channelInfo: () => info,
        };
        channels.push(channel);
        return channel;
      },
    });
    return { shared, registry, store, events };
  };
  const leader = instance('i1', ['v2.users.u1.conversations.calls']);
  leader.shared.start();
  await settle();
  const follower = instance('i2', ['v2.users.u2.conversations.calls']);
  follower.shared.start();
  await settle();
  const forger = network.create();
  return { leader, follower, forger, channels, locks, instance };
}

/** Lets the bus deliver and the lock answer (fake timers). */
export const settle = () => vi.advanceTimersByTimeAsync(20);
