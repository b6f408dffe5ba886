import type { PlatformTarget } from '../config/target';
import type { IntentRegistry } from '../calls/intents/intent-registry';
import type { Platform } from '../platform/platform';
import type { ConnectionStore } from '../realtime/connection-store';
import { countBusDrop } from '../realtime/bus-schema';
import { broadcastBus } from '../realtime/instance-bus';
import { webLocks } from '../realtime/leader-lock';
import { LazyChannel } from '../realtime/lazy-channel';
import { NotificationChannelClient } from '../realtime/notification-channel';
import type { ChannelLike } from '../realtime/shared-channel';
import type { TopicRegistry } from '../realtime/topic-registry';
import type { Scheduler } from '../time/scheduler';
import { rosterBus } from './instance-roster';
import { shareSentTargets } from './sent-elsewhere';
import { TokenExchange } from './token-exchange';

/**
 * What the widget's instances in one browser share (interaction widgets: one iframe per
 * interaction, up to ten, one origin): one notifications channel, owned by an elected leader;
 * one sign-in (tokens passed in memory); and "by you" for a change made in any of them.
 */
export function connectInstances(options: {
  target: PlatformTarget;
  clientId: string;
  platform: Platform;
  registry: TopicRegistry;
  connection: ConnectionStore;
  intents: IntentRegistry;
  heartbeatMs: number;
  scheduler: Scheduler;
}) {
  const { target, clientId, platform, registry, connection, intents, scheduler } = options;
  const scope = `lcp:${target.kind === 'emulator' ? target.url : target.environment}:${clientId}`;
  const instanceId =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID()
      : `${Date.now()}-${Math.random()}`;
  // Messages of a wrong shape, or from an instance that never introduced itself, are dropped
  // (counted where the diagnostics read them) before the token exchange or "by you" see them.
  const malformed = () => countBusDrop(connection, 'malformed');
  const bus = rosterBus(broadcastBus(scope, malformed), {
    instanceId,
    onDropped: (reason) => countBusDrop(connection, reason),
  });
  const tokens = new TokenExchange(bus, instanceId);
  const stopSharing = shareSentTargets(bus, instanceId, intents);
  const cleanups: (() => void)[] = [];
  const soloChannel = () =>
    new NotificationChannelClient({
      api: platform,
      registry,
      store: connection,
      scheduler,
      options: { heartbeatMs: options.heartbeatMs },
    });
  // The sharing code is its own chunk, asked for now so it is there when sign-in ends.
  const sharing = import('../realtime/shared-channel');
  // A failed load is handled where a channel is made (a channel of its own); until then it is
  // not an unhandled rejection (nor when the widget stops before the chunk arrives).
  sharing.catch(() => undefined);
  /**
   * One channel per user: the instances of one user share it (scoped by the user's id). If the
   * sharing chunk cannot load (a deployment replaced it), this instance keeps a channel of its own.
   */
  const createChannel = (userId: string): ChannelLike =>
    new LazyChannel(() =>
      sharing.then(
        ({ SharedChannel }) => {
          const channelBus = broadcastBus(`${scope}:${userId}`, malformed);
          cleanups.push(() => channelBus.close());
          return new SharedChannel({
            bus: channelBus,
            lock: webLocks(),
            lockName: `${scope}:${userId}:notifications`,
            instanceId,
            registry,
            store: connection,
            scheduler,
            createChannel: ({ registry: union, store, reuse }) =>
              new NotificationChannelClient({
                api: platform,
                registry: union,
                store,
                reuse,
                scheduler,
                options: { heartbeatMs: options.heartbeatMs },
              }),
            releaseChannel: (channelId) =>
              platform.deleteSubscriptions(channelId).catch(() => undefined),
          });
        },
        (error: unknown) => {
          console.error(
            'Live Call Panel: channel sharing failed to load; using a channel of its own.',
            error,
          );
          return soloChannel();
        },
      ),
    );
  return {
    instanceId,
    tokens,
    createChannel,
    close: () => {
      stopSharing();
      tokens.close();
      bus.close();
      for (const cleanup of cleanups.splice(0)) cleanup();
    },
  };
}
