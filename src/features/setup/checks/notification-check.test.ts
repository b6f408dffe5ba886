import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlatformError } from '../../../platform/errors';
import { FakeSocket } from '../../../testing/fake-socket';
import { createScheduler } from '../../../time/scheduler';
import { notificationCheck, ownTopic, type NotificationProbeDeps } from './notification-check';

/**
 * The round trip against a scripted socket (the browser's) and a recording stand-in for the
 * channel requests; the e2e spec runs it against the emulator.
 */
const HEARTBEAT = { topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } };
const USER = 'b0a1ce00-0000-4000-8000-000000005a11';

function channels(options: { reject?: string; createFails?: boolean } = {}) {
  const calls: string[] = [];
  const api: NotificationProbeDeps['channels'] = {
    createChannel: async () => {
      calls.push('create');
      if (options.createFails) throw new PlatformError('forbidden', 'no', { status: 403 });
      return {
        id: 'ch-1',
        connectUri: 'wss://streaming.mypurecloud.ie/channels/ch-1',
        expiresAt: 0,
      };
    },
    replaceSubscriptions: async (id, topics) => {
      calls.push(`subscribe ${id} ${topics.join(',')}`);
      return options.reject
        ? { permitted: [], rejected: [{ topic: topics[0]!, reason: options.reject }] }
        : { permitted: [...topics], rejected: [] };
    },
    deleteSubscriptions: async (id) => {
      calls.push(`release ${id}`);
    },
  };
  return { api, calls };
}

const scheduler = createScheduler();
const deps = (api: NotificationProbeDeps['channels']): NotificationProbeDeps => ({
  channels: api,
  userId: USER,
  openSocket: (url) => new FakeSocket(url),
  scheduler,
});

/** Lets the check's awaits run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.reset();
});
afterEach(() => vi.useRealTimers());

describe('the notifications round trip', () => {
  it('creates a channel, subscribes to the user’s own calls, waits for a heartbeat, then releases it', async () => {
    const { api, calls } = channels();
    const done = notificationCheck(deps(api));
    await settle();
    const socket = FakeSocket.last();
    expect(socket.url).toBe('wss://streaming.mypurecloud.ie/channels/ch-1');
    socket.open();
    await settle();
    expect(calls).toEqual(['create', `subscribe ch-1 ${ownTopic(USER)}`]);
    await vi.advanceTimersByTimeAsync(2_000);
    socket.receive(HEARTBEAT);
    const check = await done;
    expect(check).toMatchObject({
      id: 'notifications',
      status: 'works',
      detail: { id: 'setup.notifications.works', values: { seconds: 2 } },
      facts: { streamingHost: 'streaming.mypurecloud.ie', released: true },
    });
    expect(calls).toEqual(['create', `subscribe ch-1 ${ownTopic(USER)}`, 'release ch-1']);
    expect(socket.closedWith).toEqual({ code: 1000, reason: 'Setup check done' });
    expect(scheduler.live()).toBe(0);
  });

  it('says no heartbeat came within the wait, and still releases the channel', async () => {
    const { api, calls } = channels();
    const done = notificationCheck({ ...deps(api), heartbeatTimeoutMs: 45_000 });
    await settle();
    FakeSocket.last().open();
    FakeSocket.last().receive({ topicName: 'channel.metadata', eventBody: { message: 'pong' } });
    await vi.advanceTimersByTimeAsync(45_000);
    expect(await done).toMatchObject({
      status: 'willNotWork',
      detail: { id: 'setup.notifications.noHeartbeat', values: { seconds: 45 } },
    });
    expect(calls.at(-1)).toBe('release ch-1');
    expect(FakeSocket.last().closedWith?.code).toBe(1000);
  });

  it('reports a rejected subscription with the platform’s reason', async () => {
    const { api, calls } = channels({ reject: 'Topic requires the current user.' });
    const done = notificationCheck(deps(api));
    await settle();
    FakeSocket.last().open();
    expect(await done).toMatchObject({
      status: 'willNotWork',
      detail: {
        id: 'setup.notifications.rejected',
        values: { reason: 'Topic requires the current user.' },
      },
    });
    expect(calls.at(-1)).toBe('release ch-1');
  });

  it('reports a socket that never opens and subscribes nothing', async () => {
    const { api, calls } = channels();
    const done = notificationCheck(deps(api));
    await settle();
    FakeSocket.last().drop();
    expect(await done).toMatchObject({
      status: 'willNotWork',
      detail: {
        id: 'setup.notifications.socketFailed',
        values: { host: 'streaming.mypurecloud.ie' },
      },
    });
    expect(calls).toEqual(['create', 'release ch-1']);
  });

  it('opens nothing when no channel can be created', async () => {
    const { api, calls } = channels({ createFails: true });
    expect(await notificationCheck(deps(api))).toMatchObject({
      status: 'willNotWork',
      detail: { id: 'setup.notifications.channelFailed', values: { error: '403' } },
    });
    expect(FakeSocket.all).toEqual([]);
    expect(calls).toEqual(['create']);
  });

  it('stops waiting and releases the channel when the run is abandoned', async () => {
    const { api, calls } = channels();
    const controller = new AbortController();
    const done = notificationCheck({ ...deps(api), signal: controller.signal });
    await settle();
    FakeSocket.last().open();
    await settle();
    controller.abort();
    expect((await done).status).toBe('willNotWork');
    expect(calls.at(-1)).toBe('release ch-1');
    expect(scheduler.live()).toBe(0);
  });
});
