import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setup, settle } from '../testing/channel-harness';
import { FakeSocket } from '../testing/fake-socket';
import { createScheduler } from '../time/scheduler';

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.reset();
});
afterEach(() => vi.useRealTimers());

describe('the channel’s subscriptions', () => {
  it('opens nothing until a feature subscribes to a topic', async () => {
    const t = setup({ subscribe: false });
    t.client.start();
    await settle();
    await vi.advanceTimersByTimeAsync(5000);
    expect(t.api.createChannel).not.toHaveBeenCalled();
    t.subscribe();
    await vi.advanceTimersByTimeAsync(10);
    await settle();
    expect(t.log).toEqual(['create 1', 'open ch1', 'subscribe ch1', 'resync']);
    t.client.stop();
  });

  it('sends topic changes while live as one bulk replace; only the new topic re-reads', async () => {
    const t = setup();
    t.client.start();
    await settle();
    const resyncs: string[] = [];
    for (const queue of ['q1', 'q2', 'q3'])
      t.registry.subscribe({
        topic: `v2.routing.queues.${queue}.conversations.calls`,
        onEvent: () => undefined,
        resync: async () => void resyncs.push(queue),
      });
    await vi.advanceTimersByTimeAsync(10);
    await settle();
    expect(t.api.replaceSubscriptions).toHaveBeenCalledTimes(2);
    expect(t.api.replaceSubscriptions.mock.calls[1]![1]).toEqual([
      'v2.users.u1.conversations.calls',
      'v2.routing.queues.q1.conversations.calls',
      'v2.routing.queues.q2.conversations.calls',
      'v2.routing.queues.q3.conversations.calls',
    ]);
    expect(resyncs).toEqual(['q1', 'q2', 'q3']);
    expect(t.log.filter((l) => l === 'resync')).toHaveLength(1);
    t.client.stop();
  });
});

describe('the channel’s timers', () => {
  it('run on the widget’s scheduler, and stop() leaves none live, not even a pending connect timeout', async () => {
    const scheduler = createScheduler();
    const t = setup({ scheduler });
    t.client.start();
    await settle(false);
    expect(FakeSocket.last().readyState).toBe(0);
    expect(scheduler.live()).toBeGreaterThan(0);
    t.client.stop();
    expect(scheduler.live()).toBe(0);
  });
});
