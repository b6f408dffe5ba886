import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlatformError } from '../../platform/errors';
import type { Call } from '../../platform/types';
import { call, deferred, Q1, rawCall, readsRun, settle, setup } from './testing/queue-watch-setup';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('QueueWatch after the link comes back', () => {
  it('marks each call "as of" its last news until its re-read or an event brings it', async () => {
    vi.setSystemTime(1_000_000);
    const t = setup({ activities: { [Q1]: ['c1', 'c2'] } });
    t.watch.setQueues([Q1]);
    await t.registry.resync();
    await readsRun();
    expect(t.watch.asOf('c1')).toBeUndefined();
    const seenAt = Date.now();

    vi.setSystemTime(seenAt + 30_000);
    const gates = new Map<string, ReturnType<typeof deferred<Call>>>();
    t.getConversation.mockImplementation((id: string) => {
      const gate = deferred<Call>();
      gates.set(id, gate);
      return gate.promise;
    });
    await t.registry.resync(); // the channel re-subscribed: every call owes a re-read
    await readsRun();
    expect([...gates.keys()].sort()).toEqual(['c1', 'c2']);
    expect(t.watch.asOf('c1')).toBe(seenAt);
    expect(t.watch.asOf('c2')).toBe(seenAt);

    t.changed.length = 0;
    t.event(Q1, rawCall('c1', Q1, { muted: true }));
    expect(t.watch.asOf('c1')).toBeUndefined();
    expect(t.changed).toContain('c1');

    gates.get('c2')!.resolve(call('c2', Q1));
    await settle();
    expect(t.watch.asOf('c2')).toBeUndefined();
    expect(t.changed).toContain('c2');
    // The read of c1 that was under way when its event came is older: dropped.
    gates.get('c1')!.resolve(call('c1', Q1, { muted: false }));
    await settle();
    expect(t.calls.get('c1')?.participants[2]?.muted).toBe(true);
  });

  it('retries a read that failed with a 5xx; a 403 leaves the call marked unreadable, not "reading"', async () => {
    const t = setup({ activities: { [Q1]: ['c1', 'c2'] } });
    let c1Failures = 1;
    t.getConversation.mockImplementation(async (id: string) => {
      if (id === 'c1' && c1Failures-- > 0)
        throw new PlatformError('server', 'down', { status: 503 });
      if (id === 'c2') throw new PlatformError('forbidden', 'no', { status: 403 });
      return call(id, Q1);
    });
    t.watch.setQueues([Q1]);
    await t.registry.resync();
    await readsRun();
    expect(t.watch.status()).toMatchObject({ unread: 1, unreadable: 1, fetch: { retrying: 1 } });
    expect(t.watch.isUnreadable('c2')).toBe(true);

    await vi.advanceTimersByTimeAsync(2_000);
    await settle();
    expect(t.calls.get('c1')).toBeDefined();
    expect(t.watch.status()).toMatchObject({ unread: 0, unreadable: 1, fetch: { retrying: 0 } });

    t.event(Q1, rawCall('c2', Q1));
    expect(t.watch.isUnreadable('c2')).toBe(false);
    expect(t.watch.status().unreadable).toBe(0);
  });
});
