import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setup, settle } from '../testing/channel-harness';
import { FakeSocket } from '../testing/fake-socket';
import { HeldChannel } from './held-channel';

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.reset();
});
afterEach(() => vi.useRealTimers());

const DAY = 24 * 3_600_000;
const channel = (id: string, expiresAt = Date.now() + DAY) => ({
  id,
  connectUri: `ws://x/channels/${id}`,
  expiresAt,
});

describe('the channel a notifications client holds', () => {
  it('a new token: the next channel holds the subscriptions before the old one’s are released', async () => {
    const t = setup();
    t.client.start();
    await settle();
    t.client.tokenChanged();
    await settle();
    expect(t.log).toEqual([
      'create 1',
      'open ch1',
      'subscribe ch1',
      'resync',
      'create 2',
      'open ch2',
      'subscribe ch2',
      'resync',
      'release ch1',
    ]);
    expect(t.store.getState()).toMatchObject({ status: 'live', channelId: 'ch2' });
    t.client.stop();
  });

  it('a new token while reconnecting: a new channel, not the old one, which is released', async () => {
    const t = setup();
    t.client.start();
    await settle();
    FakeSocket.last().drop();
    t.client.tokenChanged();
    await settle();
    expect(t.log.slice(4)).toEqual([
      'create 2',
      'open ch2',
      'subscribe ch2',
      'resync',
      'release ch1',
    ]);
    t.client.stop();
  });

  it('twenty dropped sockets in a shift: still the one channel, nothing to release', async () => {
    const t = setup();
    t.client.start();
    await settle();
    for (let i = 0; i < 20; i += 1) {
      FakeSocket.last().drop();
      t.client.reconnectNow();
      await settle();
      expect(t.store.getState()).toMatchObject({ status: 'live', channelId: 'ch1' });
    }
    expect(t.api.createChannel).toHaveBeenCalledTimes(1);
    expect(t.api.deleteSubscriptions).not.toHaveBeenCalled();
    t.client.stop();
  });

  it('reconnecting while live: the link’s socket goes first, so the platform closing it changes nothing', async () => {
    const t = setup();
    t.client.start();
    await settle();
    const first = FakeSocket.last();
    t.client.reconnectNow();
    await settle(false);
    expect(first.readyState).toBe(3);
    first.drop(); // what the platform does to the first socket on a channel when a second one opens
    await settle();
    // Past the first retry's longest backoff, inside the heartbeat watchdog's patience.
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.all).toHaveLength(2);
    expect(t.store.getState()).toMatchObject({ status: 'live', channelId: 'ch1' });
    t.client.stop();
  });

  it('a held channel that will not reopen is replaced, and released', async () => {
    const t = setup();
    t.client.start();
    await settle();
    FakeSocket.last().drop();
    t.client.reconnectNow();
    await settle(false);
    FakeSocket.last().drop(); // the socket on ch1 fails while opening
    await settle();
    expect(t.log.slice(4)).toEqual([
      'open ch1',
      'create 2',
      'open ch2',
      'subscribe ch2',
      'resync',
      'release ch1',
    ]);
    expect(t.store.getState()).toMatchObject({ status: 'live', channelId: 'ch2' });
    t.client.stop();
  });

  it('a channel handed over by another instance is reopened; if it will not open, it is released', async () => {
    const reopened = setup({ reuse: channel('theirs') });
    reopened.client.start();
    await settle();
    expect(reopened.log).toEqual(['open theirs', 'subscribe theirs', 'resync']);
    reopened.client.stop();

    FakeSocket.reset();
    const t = setup({ reuse: channel('theirs') });
    t.client.start();
    await settle(false);
    FakeSocket.last().drop();
    await settle();
    expect(t.log).toEqual([
      'open theirs',
      'create 1',
      'open ch1',
      'subscribe ch1',
      'resync',
      'release theirs',
    ]);
    t.client.stop();
  });
});

describe('HeldChannel', () => {
  it('does not reopen a channel about to expire, and releases a superseded one unless held', async () => {
    const released: string[] = [];
    let now = 0;
    const held = new HeldChannel({
      release: async (id) => void released.push(id),
      now: () => now,
      marginMs: 600_000,
    });
    held.hold(channel('a', 1_000_000));
    expect(held.resumable()?.id).toBe('a');
    now = 400_001;
    expect(held.resumable()).toBeUndefined();
    expect(held.subscribed(channel('a'), false)).toBe(false);
    held.subscribed(channel('b'), false);
    held.hold(channel('c'));
    held.gone('c');
    held.hold(channel('d'));
    await vi.advanceTimersByTimeAsync(0);
    expect(released).toEqual(['b', 'a']);
  });

  it('a release that throws or rejects changes nothing', async () => {
    const held = new HeldChannel({
      release: () => {
        throw new Error('offline');
      },
      now: Date.now,
      marginMs: 0,
    });
    held.hold(channel('a'));
    held.hold(channel('b'));
    await vi.advanceTimersByTimeAsync(0);
    expect(held.resumable()?.id).toBe('b');
  });
});
