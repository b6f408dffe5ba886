import { vi } from 'vitest';
import type { Call, NotificationChannel } from '../platform/types';
import { createConnectionStore } from '../realtime/connection-store';
import { NotificationChannelClient } from '../realtime/notification-channel';
import { TopicRegistry, type TopicEvent } from '../realtime/topic-registry';
import type { Scheduler } from '../time/scheduler';
import { callFor } from './factories';
import { FakeSocket } from './fake-socket';

/** A notifications channel over fake sockets and a fake platform, for the channel's tests. */
const HEARTBEAT = 1000;
const call = (id: string): Call => callFor('u1', id);
export const callFrame = (id: string) => ({
  topicName: 'v2.users.u1.conversations.calls',
  eventBody: call(id),
});

export function setup(
  overrides: {
    random?: () => number;
    heartbeatMs?: number;
    subscribe?: boolean;
    scheduler?: Scheduler;
    /** A channel handed over by another instance. */
    reuse?: NotificationChannel;
  } = {},
) {
  const log: string[] = [];
  let channels = 0;
  const events: TopicEvent[] = [];
  let resolveResync: (() => void) | undefined;
  let resyncMode: 'immediate' | 'manual' = 'immediate';
  const api = {
    createChannel: vi.fn(async () => {
      channels += 1;
      log.push(`create ${channels}`);
      return {
        id: `ch${channels}`,
        connectUri: `ws://x/channels/ch${channels}`,
        expiresAt: Date.now() + 24 * 3_600_000,
      };
    }),
    replaceSubscriptions: vi.fn(async (id: string, topics: readonly string[]) => {
      log.push(`subscribe ${id}`);
      return { permitted: [...topics], rejected: [] };
    }),
    deleteSubscriptions: vi.fn(async (id: string) => void log.push(`release ${id}`)),
  };
  const store = createConnectionStore();
  const registry = new TopicRegistry({ debounceMs: 10 });
  const subscribe = () =>
    registry.subscribe({
      topic: 'v2.users.u1.conversations.calls',
      onEvent: (e) => events.push(e),
      resync: () => {
        log.push('resync');
        if (resyncMode === 'immediate') return Promise.resolve();
        return new Promise<void>((resolve) => (resolveResync = resolve));
      },
    });
  if (overrides.subscribe !== false) subscribe();
  const client = new NotificationChannelClient({
    api,
    registry,
    store,
    createSocket: (url) => {
      log.push(`open ${url.split('/').pop()}`);
      return new FakeSocket(url);
    },
    reuse: overrides.reuse,
    random: overrides.random ?? (() => 0.5),
    scheduler: overrides.scheduler,
    options: { heartbeatMs: overrides.heartbeatMs ?? HEARTBEAT, minUptimeMs: 5000 },
  });
  return {
    client,
    api,
    store,
    log,
    events,
    registry,
    subscribe,
    manualResync: () => (resyncMode = 'manual'),
    finishResync: () => resolveResync?.(),
  };
}

/** Lets pending promises settle and opens the newest socket if it is still connecting. */
export async function settle(openSocket = true) {
  for (let i = 0; i < 5; i += 1) await vi.advanceTimersByTimeAsync(0);
  const socket = FakeSocket.all.at(-1);
  if (openSocket && socket && socket.readyState === 0) {
    socket.open();
    for (let i = 0; i < 5; i += 1) await vi.advanceTimersByTimeAsync(0);
  }
}
