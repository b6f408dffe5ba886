import { toPlatformError } from '../../../platform/errors';
import type { Platform } from '../../../platform/platform';
import { parseFrame } from '../../../realtime/events';
import type { Scheduler } from '../../../time/scheduler';
import { text, type CheckResult, type SetupText } from '../model';
import { errorText } from './error-text';

/** The part of a browser WebSocket the check uses. */
export interface ProbeSocket {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  close(code?: number, reason?: string): void;
}

export interface NotificationProbeDeps {
  channels: Pick<Platform, 'createChannel' | 'replaceSubscriptions' | 'deleteSubscriptions'>;
  /** The signed-in user: the check subscribes to their own calls topic. */
  userId: string;
  openSocket(url: string): ProbeSocket;
  scheduler: Scheduler;
  /** How long to wait for the socket to open (default 10 s). */
  openTimeoutMs?: number;
  /** How long to wait for a heartbeat (default 45 s: the platform sends one every ~30 s). */
  heartbeatTimeoutMs?: number;
  signal?: AbortSignal;
}

const FEATURES = ['agentPanel', 'callData', 'supervisor'] as const;

/** The topic the agent panel lives on (contract §3.3): the user's own calls. */
export const ownTopic = (userId: string) => `v2.users.${userId}.conversations.calls`;

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
};

type Outcome =
  { ok: true; heartbeatAfterMs: number } | { ok: false; detail: SetupText; fix?: SetupText };

/**
 * The notifications round trip, as the panel makes it: creates a channel, opens its socket,
 * subscribes to the user's own calls topic, waits for a heartbeat, then releases the channel
 * (its subscriptions removed, the socket closed; the platform has no channel DELETE).
 * Never subscribes to anything else and never touches a call.
 *
 * @example
 * const check = await notificationCheck({ channels: platform, userId, openSocket: (u) => new WebSocket(u), scheduler });
 */
export async function notificationCheck(deps: NotificationProbeDeps): Promise<CheckResult> {
  const base = {
    id: 'notifications',
    features: FEATURES,
    title: text('setup.notifications.title'),
  } as const;
  let channel: Awaited<ReturnType<NotificationProbeDeps['channels']['createChannel']>>;
  try {
    channel = await deps.channels.createChannel();
  } catch (error) {
    return {
      ...base,
      status: 'willNotWork',
      detail: text('setup.notifications.channelFailed', { error: errorText(error) }),
      fix: text('setup.notifications.scopeFix'),
    };
  }
  const host = hostOf(channel.connectUri);
  let socket: ProbeSocket | undefined;
  const cancels: (() => void)[] = [];
  let outcome: Outcome;
  try {
    const heard = { heartbeat: false, since: deps.scheduler.now() };
    let onHeartbeat: () => void = () => undefined;
    const heartbeat = new Promise<void>((resolve) => (onHeartbeat = resolve));
    socket = deps.openSocket(channel.connectUri);
    const opened = await new Promise<boolean>((resolve) => {
      if (!socket) return resolve(false);
      cancels.push(deps.scheduler.after(deps.openTimeoutMs ?? 10_000, () => resolve(false)));
      socket.onopen = () => resolve(true);
      socket.onerror = () => resolve(false);
      socket.onclose = () => resolve(false);
      socket.onmessage = (event) => {
        const frame = typeof event.data === 'string' ? parseFrame(event.data) : undefined;
        if (frame?.ok && frame.frame.kind === 'heartbeat') {
          heard.heartbeat = true;
          onHeartbeat();
        }
      };
      deps.signal?.addEventListener('abort', () => resolve(false), { once: true });
    });
    if (!opened) {
      outcome = {
        ok: false,
        detail: text('setup.notifications.socketFailed', { host }),
        fix: text('setup.notifications.socketFix', { host }),
      };
    } else {
      heard.since = deps.scheduler.now();
      const result = await deps.channels.replaceSubscriptions(channel.id, [ownTopic(deps.userId)]);
      const rejected = result.rejected[0];
      if (rejected || result.permitted.length === 0) {
        outcome = {
          ok: false,
          detail: text('setup.notifications.rejected', { reason: rejected?.reason ?? '' }),
        };
      } else {
        const timeoutMs = deps.heartbeatTimeoutMs ?? 45_000;
        const arrived = await new Promise<boolean>((resolve) => {
          if (heard.heartbeat) return resolve(true);
          cancels.push(deps.scheduler.after(timeoutMs, () => resolve(false)));
          void heartbeat.then(() => resolve(true));
          if (socket) socket.onclose = () => resolve(false);
          deps.signal?.addEventListener('abort', () => resolve(false), { once: true });
        });
        outcome = arrived
          ? { ok: true, heartbeatAfterMs: deps.scheduler.now() - heard.since }
          : {
              ok: false,
              detail: text('setup.notifications.noHeartbeat', {
                seconds: Math.round(timeoutMs / 1000),
              }),
              fix: text('setup.notifications.socketFix', { host }),
            };
      }
    }
  } catch (error) {
    outcome = {
      ok: false,
      detail: text('setup.notifications.failed', { error: errorText(error) }),
    };
  } finally {
    cancels.forEach((cancel) => cancel());
  }
  const released = await release(deps, channel.id, socket);
  const facts = { streamingHost: host, released };
  const notes = released ? undefined : [text('setup.notifications.notReleased')];
  if (outcome.ok)
    return {
      ...base,
      status: 'works',
      detail: text('setup.notifications.works', {
        seconds: Math.max(0, Math.round(outcome.heartbeatAfterMs / 1000)),
      }),
      notes,
      facts: { ...facts, heartbeatAfterSeconds: Math.round(outcome.heartbeatAfterMs / 1000) },
    };
  return { ...base, status: 'willNotWork', detail: outcome.detail, fix: outcome.fix, notes, facts };
}

/** Removes the channel's subscriptions and closes its socket; false when the removal failed. */
async function release(
  deps: NotificationProbeDeps,
  channelId: string,
  socket: ProbeSocket | undefined,
): Promise<boolean> {
  if (socket) {
    socket.onclose = null;
    socket.onmessage = null;
    socket.close(1000, 'Setup check done');
  }
  try {
    await deps.channels.deleteSubscriptions(channelId);
    return true;
  } catch (error) {
    return toPlatformError(error).kind === 'notFound';
  }
}
