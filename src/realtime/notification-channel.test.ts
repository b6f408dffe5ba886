import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlatformError } from '../platform/errors';
import type { Call } from '../platform/types';
import { callFrame, setup, settle } from '../testing/channel-harness';
import { FakeSocket } from '../testing/fake-socket';

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.reset();
});
afterEach(() => vi.useRealTimers());

describe('NotificationChannelClient', () => {
  it('creates, opens, subscribes, then re-reads once before it is live', async () => {
    const { client, store, log } = setup();
    client.start();
    expect(store.getState().status).toBe('connecting');
    await settle();
    expect(log).toEqual(['create 1', 'open ch1', 'subscribe ch1', 'resync']);
    expect(store.getState()).toMatchObject({ status: 'live', channelId: 'ch1', resyncs: 1 });
    client.stop();
  });

  it('started with no topic while the status reads "connecting" (a leader taking over), the first topic connects', async () => {
    const t = setup({ subscribe: false });
    t.store.setState({ status: 'connecting', staleSince: 1 });
    t.client.start();
    await settle();
    expect(t.api.createChannel).not.toHaveBeenCalled();
    t.subscribe();
    await vi.advanceTimersByTimeAsync(20);
    await settle();
    expect(t.log).toEqual(['create 1', 'open ch1', 'subscribe ch1', 'resync']);
    expect(t.store.getState()).toMatchObject({ status: 'live', staleSince: undefined });
    t.client.stop();
  });

  it('holds events that arrive during the re-read and replays them after it', async () => {
    const t = setup();
    t.manualResync();
    t.client.start();
    await settle();
    FakeSocket.last().receive(callFrame('during'));
    expect(t.events).toHaveLength(0);
    t.finishResync();
    await settle();
    expect(t.events.map((e) => (e.body as Call).id)).toEqual(['during']);
    FakeSocket.last().receive(callFrame('after'));
    expect(t.events.map((e) => (e.body as Call).id)).toEqual(['during', 'after']);
    t.client.stop();
  });

  it('counts and drops malformed frames and unknown topics', async () => {
    const t = setup();
    t.client.start();
    await settle();
    FakeSocket.last().receive('{{{');
    FakeSocket.last().receive({ topicName: 'v2.users.u1.presence', eventBody: {} });
    expect(t.store.getState().dropped).toEqual({ malformed: 1, unknownTopic: 1 });
    expect(t.events).toHaveLength(0);
    t.client.stop();
  });

  it('pings after 1.5 quiet heartbeats and reconnects after 2.5', async () => {
    const t = setup();
    t.client.start();
    await settle();
    const first = FakeSocket.last();
    await vi.advanceTimersByTimeAsync(1500);
    expect(first.sent).toEqual([{ message: 'ping' }]);
    first.receive({ topicName: 'channel.metadata', eventBody: { message: 'pong' } });
    await vi.advanceTimersByTimeAsync(2400);
    expect(t.store.getState().status).toBe('live');
    await vi.advanceTimersByTimeAsync(200);
    expect(t.store.getState().status).toBe('reconnecting');
    expect(first.readyState).toBe(3);
    t.client.stop();
  });

  it('reconnects with jittered backoff and resets the counter only after minUptime', async () => {
    const t = setup({ random: () => 0.999 });
    t.client.start();
    await settle();
    FakeSocket.last().drop();
    expect(t.store.getState()).toMatchObject({ status: 'reconnecting', attempt: 1 });
    expect(t.store.getState().nextRetryAt! - Date.now()).toBe(499);
    expect(t.store.getState().staleSince).toBeDefined();
    await vi.advanceTimersByTimeAsync(499);
    await settle();
    expect(t.store.getState().status).toBe('live');
    FakeSocket.last().drop();
    expect(t.store.getState().nextRetryAt! - Date.now()).toBe(999);
    await vi.advanceTimersByTimeAsync(999);
    await settle();
    expect(t.store.getState().attempt).toBe(2);
    for (let i = 0; i < 5; i += 1) {
      await vi.advanceTimersByTimeAsync(900);
      expect(t.store.getState().attempt).toBe(2);
      FakeSocket.last().receive({
        topicName: 'channel.metadata',
        eventBody: { message: 'WebSocket Heartbeat' },
      });
    }
    await vi.advanceTimersByTimeAsync(600);
    expect(t.store.getState().attempt).toBe(0);
    t.client.stop();
  });

  it('re-subscribes and re-reads after every reconnect (to the same channel after a drop)', async () => {
    const t = setup();
    t.client.start();
    await settle();
    FakeSocket.last().drop();
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    expect(t.log.filter((l) => l.startsWith('subscribe') || l === 'resync')).toEqual([
      'subscribe ch1',
      'resync',
      'subscribe ch1',
      'resync',
    ]);
    expect(t.store.getState().resyncs).toBe(2);
    t.client.stop();
  });

  it('on socket_closing opens and subscribes the next channel before letting the old socket go', async () => {
    const t = setup();
    t.client.start();
    await settle();
    const old = FakeSocket.last();
    old.receive({ topicName: 'v2.system.socket_closing', eventBody: {} });
    await settle(false);
    expect(old.readyState).toBe(1);
    old.receive(callFrame('still-on-old'));
    FakeSocket.last().open();
    await settle(false);
    expect(t.log.slice(4)).toEqual([
      'create 2',
      'open ch2',
      'subscribe ch2',
      'resync',
      'release ch1',
    ]);
    expect(old.readyState).toBe(3);
    expect(t.events.map((e) => (e.body as Call).id)).toContain('still-on-old');
    expect(t.store.getState()).toMatchObject({ status: 'live', channelId: 'ch2' });
    t.client.stop();
  });

  it('waits for a new token when the platform says unauthorized, then reconnects', async () => {
    const t = setup();
    t.api.createChannel.mockRejectedValueOnce(
      new PlatformError('unauthorized', 'expired', { status: 401 }),
    );
    t.client.start();
    await settle();
    expect(t.store.getState().status).toBe('signInNeeded');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.api.createChannel).toHaveBeenCalledTimes(1);
    t.client.tokenChanged();
    await settle();
    expect(t.store.getState().status).toBe('live');
    t.client.stop();
  });

  it('moves to a new channel before the current one expires', async () => {
    const t = setup({ heartbeatMs: 48 * 3_600_000 });
    t.client.start();
    await settle();
    await vi.advanceTimersByTimeAsync(24 * 3_600_000 - 10 * 60_000 - 10);
    expect(t.api.createChannel).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(20);
    await settle();
    expect(t.api.createChannel).toHaveBeenCalledTimes(2);
    expect(FakeSocket.all[0]!.readyState).toBe(3);
    expect(t.store.getState()).toMatchObject({ status: 'live', channelId: 'ch2' });
    t.client.stop();
  });

  it('reconnectNow skips the remaining backoff (the browser came back online)', async () => {
    const t = setup({ random: () => 0.999 });
    t.client.start();
    await settle();
    FakeSocket.last().drop();
    expect(t.store.getState().status).toBe('reconnecting');
    t.client.reconnectNow();
    await settle();
    expect(t.store.getState()).toMatchObject({ status: 'live', channelId: 'ch1' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.api.createChannel).toHaveBeenCalledTimes(1);
    expect(FakeSocket.all).toHaveLength(2);
    t.client.stop();
  });

  it('stop() is final: closes the socket and schedules nothing more', async () => {
    const t = setup();
    t.client.start();
    await settle();
    t.client.stop();
    expect(FakeSocket.last().readyState).toBe(3);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(t.api.createChannel).toHaveBeenCalledTimes(1);
    expect(t.store.getState().status).toBe('stopped');
  });

  it('reconnects at once on {"result":"404"} (the channel is gone) instead of waiting for the watchdog', async () => {
    const t = setup();
    t.client.start();
    await settle();
    FakeSocket.last().receive({ result: '404' });
    await settle();
    expect(t.api.createChannel).toHaveBeenCalledTimes(2);
    expect(t.store.getState()).toMatchObject({ status: 'live', channelId: 'ch2' });
    expect(t.store.getState().dropped.malformed).toBe(0);
    // The platform removed it: nothing to release.
    expect(t.api.deleteSubscriptions).not.toHaveBeenCalled();
    t.client.stop();
  });
});
