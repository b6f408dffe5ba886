import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlatformError } from '../../platform/errors';
import type { ActivitySnapshot } from '../../platform/supervision';
import type { Call } from '../../platform/types';
import { queueCallsTopic } from '../../realtime/topics';
import {
  activity,
  call,
  deferred,
  Q1,
  Q2,
  rawCall,
  readsRun,
  settle,
  setup,
} from './testing/queue-watch-setup';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('QueueWatch snapshot', () => {
  it('subscribes each queue’s topic; its resync lists the calls, then reads each one', async () => {
    const t = setup({ activities: { [Q1]: ['c1', 'c2'], [Q2]: ['s1'] } });
    t.watch.setQueues([Q1, Q2]);
    expect(t.registry.topics()).toEqual([queueCallsTopic(Q1), queueCallsTopic(Q2)]);
    await t.registry.resync();
    // Snapshot reads are background work: the agent's own requests leave before them.
    const background = { priority: 'background' };
    expect(t.activityQuery.mock.calls).toEqual([
      [[Q1], background],
      [[Q2], background],
    ]);
    expect(t.list(Q1)).toEqual(['c1', 'c2']);
    expect(t.list(Q2)).toEqual(['s1']);
    expect(t.watch.summary('c1')).toMatchObject({ metric: 'oInteracting', userId: 'u-c1' });
    expect(t.watch.status().unread).toBe(3);
    await readsRun();
    expect(t.getConversation.mock.calls.map((c) => c[0]).sort()).toEqual(['c1', 'c2', 's1']);
    expect(t.getConversation.mock.calls.every((c) => c[1]?.priority === 'background')).toBe(true);
    expect(t.calls.get('c1')?.participants[2]?.userId).toBe('u-c1');
    expect(t.watch.summary('c1')).toBeUndefined();
    expect(t.watch.status()).toMatchObject({
      queues: { [Q1]: { state: 'ready' }, [Q2]: { state: 'ready' } },
      activityRequests: 2,
      unread: 0,
      fetch: { requests: 3, queued: 0, inFlight: 0 },
    });
    expect(t.watch.ids()).toEqual(['c1', 'c2', 's1']);
    expect(t.watch.queueOf('s1')).toBe(Q2);
  });

  it('holds events during the snapshot and skips reading a call an event has already given', async () => {
    const gate = deferred<ActivitySnapshot>();
    const t = setup();
    t.activityQuery.mockReturnValueOnce(gate.promise);
    t.watch.setQueues([Q1]);
    const resync = t.registry.resync();
    t.event(Q1, rawCall('c1', Q1, { muted: true }));
    expect(t.calls.get('c1')).toBeUndefined(); // held until the snapshot has answered
    gate.resolve({ activities: [activity('c1', Q1), activity('c2', Q1)], pages: 1 });
    await resync;
    await readsRun();
    expect(t.calls.get('c1')?.participants[2]?.muted).toBe(true);
    expect(t.getConversation.mock.calls.map((c) => c[0])).toEqual(['c2']);
    expect(t.watch.status().fetch).toMatchObject({ requests: 1, skipped: 1 });
  });

  it('drops a read that started before the call’s latest event (the event is newer)', async () => {
    const read = deferred<Call>();
    const t = setup({ activities: { [Q1]: ['c1'] }, reads: () => read.promise });
    t.watch.setQueues([Q1]);
    await t.registry.resync();
    await readsRun();
    expect(t.getConversation).toHaveBeenCalledTimes(1);
    t.event(Q1, rawCall('c1', Q1, { muted: true }));
    read.resolve(call('c1', Q1, { muted: false }));
    await settle();
    expect(t.calls.get('c1')?.participants[2]?.muted).toBe(true);
  });

  it('a listed call the activity no longer has is read once: ended or gone, it leaves', async () => {
    const t = setup({
      activities: { [Q1]: ['c1', 'c2', 'c3'] },
      reads: async (id) => {
        if (id === 'c2') return call('c2', Q1, { ended: true });
        if (id === 'c3') throw new PlatformError('notFound', 'gone', { status: 404 });
        return call(id, Q1);
      },
    });
    t.watch.setQueues([Q1]);
    await t.registry.resync();
    await readsRun();
    expect(t.list(Q1)).toEqual(['c1']);
    expect(t.calls.get('c2')).toBeUndefined();
    expect(t.calls.get('c3')).toBeUndefined();
  });

  it('a read showing a live call that names another queue takes it off this queue', async () => {
    const t = setup({ activities: { [Q1]: ['c1'] }, reads: async () => call('c1', Q2) });
    t.watch.setQueues([Q1]);
    await t.registry.resync();
    await readsRun();
    expect(t.list(Q1)).toEqual([]);
    expect(t.calls.get('c1')).toBeUndefined();
  });

  it('a permanent failure is shown and does not fail the channel; a passing one does', async () => {
    const t = setup();
    t.activityQuery.mockRejectedValueOnce(
      new PlatformError('forbidden', 'no', { status: 403, code: 'missing.any.permissions' }),
    );
    t.watch.setQueues([Q1]);
    await expect(t.registry.resync()).resolves.toBeUndefined();
    expect(t.watch.status().queues[Q1]).toMatchObject({
      state: 'failed',
      error: { kind: 'forbidden' },
    });
    t.activityQuery.mockRejectedValueOnce(new PlatformError('server', 'down', { status: 503 }));
    await expect(t.registry.resync()).rejects.toMatchObject({ kind: 'server' });
  });

  it('a rejected topic is said per queue', () => {
    const t = setup();
    t.watch.setQueues([Q1]);
    t.registry.reject(queueCallsTopic(Q1), 'missing permission');
    expect(t.watch.status().queues[Q1]).toEqual({
      state: 'rejected',
      reason: 'missing permission',
    });
  });

  it('asks for a snapshot itself when watching while live and no channel re-read comes', async () => {
    const t = setup({ activities: { [Q1]: ['c1'] }, live: true });
    t.watch.setQueues([Q1]);
    await vi.advanceTimersByTimeAsync(999);
    expect(t.activityQuery).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(t.activityQuery).toHaveBeenCalledTimes(1);
    await readsRun();
    expect(t.list(Q1)).toEqual(['c1']);
  });

  it('does not ask again when the channel re-read came, nor while not live', async () => {
    const live = setup({ activities: { [Q1]: ['c1'] }, live: true });
    live.watch.setQueues([Q1]);
    await live.registry.resync();
    await vi.advanceTimersByTimeAsync(2000);
    expect(live.activityQuery).toHaveBeenCalledTimes(1);
    const idle = setup({ live: false });
    idle.watch.setQueues([Q1]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(idle.activityQuery).not.toHaveBeenCalled();
  });
});

describe('QueueWatch events', () => {
  it('a new call joins its queue’s list; an ended call leaves it and the cache', async () => {
    const t = setup();
    t.watch.setQueues([Q1]);
    await t.registry.resync();
    t.event(Q1, rawCall('c9', Q1));
    expect(t.list(Q1)).toEqual(['c9']);
    expect(t.changed).toContain('c9');
    t.event(Q1, rawCall('c9', Q1, { muted: true }));
    expect(t.calls.get('c9')?.participants[2]?.muted).toBe(true);
    t.changed.length = 0;
    t.event(Q1, rawCall('c9', Q1, { ended: true }));
    expect(t.list(Q1)).toEqual([]);
    expect(t.calls.get('c9')).toBeUndefined();
    expect(t.changed).toEqual(['c9']);
  });

  it('an ended call never seen is ignored; a malformed body is counted', async () => {
    const t = setup();
    t.watch.setQueues([Q1]);
    await t.registry.resync();
    t.event(Q1, rawCall('old', Q1, { ended: true }));
    expect(t.list(Q1)).toEqual([]);
    t.event(Q1, { nope: true });
    expect(t.malformed).toHaveBeenCalledTimes(1);
  });

  it('a call kept by another list (an open call panel) keeps its final snapshot', async () => {
    const t = setup();
    t.watch.setQueues([Q1]);
    await t.registry.resync();
    t.event(Q1, rawCall('c1', Q1));
    t.calls.retain('c1');
    t.event(Q1, rawCall('c1', Q1, { ended: true }));
    expect(t.list(Q1)).toEqual([]);
    expect(t.calls.get('c1')?.participants[0]?.state).toBe('disconnected');
  });
});

describe('QueueWatch.setQueues', () => {
  it('letting a queue go drops its topic, list and calls, but keeps calls another queue lists', async () => {
    const t = setup({
      activities: { [Q1]: ['c1', 'both'], [Q2]: ['both'] },
      reads: async (id) => {
        const read = call(id, Q1);
        // `both` went through Support and is with a Sales agent: it names both queues.
        if (id === 'both') read.participants[2] = { ...read.participants[2]!, queueId: Q2 };
        return read;
      },
    });
    t.watch.setQueues([Q1, Q2]);
    await t.registry.resync();
    await readsRun();
    t.watch.setQueues([Q2]);
    expect(t.registry.topics()).toEqual([queueCallsTopic(Q2)]);
    expect(t.list(Q1)).toBeUndefined();
    expect(t.calls.get('c1')).toBeUndefined();
    expect(t.calls.get('both')).toBeDefined();
    expect(t.watch.ids()).toEqual(['both']);
    expect(Object.keys(t.watch.status().queues)).toEqual([Q2]);
    t.watch.dispose();
    expect(t.registry.topics()).toEqual([]);
  });
});
