import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlatformError } from '../../platform/errors';
import { createScheduler } from '../../time/scheduler';
import { IntentDriver } from './intent-driver';
import type { IntentOutcome, Values } from './intent-types';

/** Attribute intents against a fake server whose replies the test scripts one by one. */
function harness(options: { conflictRetries?: number } = {}) {
  const sent: Values<string>[] = [];
  const replies: (PlatformError | 'accept')[] = [];
  const outcomes: IntentOutcome<string>[] = [];
  const server: Values<string> = { tier: 'Gold' };
  const intents: IntentDriver<string> = new IntentDriver<string>(
    { ...server },
    {
      // Like the platform: the body is built when the request budget's permit comes.
      acquire: async () => {
        await Promise.resolve();
        return { release: () => undefined };
      },
      send: async (body) => {
        sent.push(body);
        const reply = replies.shift() ?? 'accept';
        if (reply !== 'accept') throw reply;
        Object.assign(server, body);
        queueMicrotask(() => intents.confirm({ ...server }));
      },
      confirmTimeoutMs: 10_000,
      reread: async () => intents.confirm({ ...server }),
      conflictRetries: options.conflictRetries,
      random: () => 0.5,
    },
  );
  intents.listen({ onOutcome: (o) => outcomes.push(o) });
  return { intents, sent, replies, outcomes, server };
}

const conflict = () => new PlatformError('conflict', 'Conflict', { status: 409 });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('IntentDriver.requestAll', () => {
  it('sends every field of one request together, in one body', async () => {
    const h = harness();
    h.intents.requestAll({ tier: 'Platinum', note: 'vip', 'number:visits': '3' });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sent).toEqual([{ tier: 'Platinum', note: 'vip', 'number:visits': '3' }]);
    expect(h.server).toEqual({ tier: 'Platinum', note: 'vip', 'number:visits': '3' });
    expect(['tier', 'note', 'number:visits'].some((f) => h.intents.isPending(f))).toBe(false);
  });

  it('leaves out a field already at its target and sends nothing when all are', async () => {
    const h = harness();
    h.intents.requestAll({ tier: 'Gold', note: 'vip' });
    h.intents.requestAll({ tier: 'Gold' });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sent).toEqual([{ note: 'vip' }]);
  });
});

describe('IntentDriver with conflict retries', () => {
  it('retries a 409 after a backoff, with the whole body again, and confirms', async () => {
    const h = harness({ conflictRetries: 3 });
    h.replies.push(conflict());
    h.intents.requestAll({ tier: 'Platinum', note: 'vip' });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sent).toHaveLength(1);
    expect(h.intents.isPending('tier')).toBe(true);
    // Full jitter pinned at 0.5 of the first ceiling (500 ms): 250 ms.
    await vi.advanceTimersByTimeAsync(249);
    expect(h.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.sent).toEqual([
      { tier: 'Platinum', note: 'vip' },
      { tier: 'Platinum', note: 'vip' },
    ]);
    expect(h.outcomes).toEqual([]);
    expect(h.intents.isPending('tier') || h.intents.isPending('note')).toBe(false);
    expect(h.server).toEqual({ tier: 'Platinum', note: 'vip' });
  });

  it('backs off longer each time and gives up after the last retry, rolling every field back', async () => {
    const h = harness({ conflictRetries: 2 });
    h.replies.push(conflict(), conflict(), conflict());
    h.intents.requestAll({ tier: 'Platinum', note: 'vip' });
    await vi.advanceTimersByTimeAsync(250); // first retry after 250 ms
    expect(h.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(499);
    expect(h.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1); // second retry after 500 ms
    expect(h.sent).toHaveLength(3);
    expect(h.intents.shown('tier')).toBe('Gold');
    expect(h.intents.shown('note')).toBeUndefined();
    expect(h.outcomes.map((o) => [o.field, o.kind])).toEqual([
      ['tier', 'failed'],
      ['note', 'failed'],
    ]);
    expect(h.outcomes[0]).toMatchObject({ error: expect.objectContaining({ kind: 'conflict' }) });
    expect(h.server).toEqual({ tier: 'Gold' });
  });

  it('sends nothing more when the agent changes their mind during the backoff', async () => {
    const h = harness({ conflictRetries: 3 });
    h.replies.push(conflict());
    h.intents.requestAll({ tier: 'Platinum' });
    await vi.advanceTimersByTimeAsync(0);
    h.intents.request('tier', 'Gold');
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.sent).toEqual([{ tier: 'Platinum' }]);
    expect(h.outcomes).toEqual([]);
  });

  it('without retries a 409 is final at once (mute and hold keep that)', async () => {
    const h = harness();
    h.replies.push(conflict());
    h.intents.requestAll({ tier: 'Platinum' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.sent).toHaveLength(1);
    expect(h.outcomes).toEqual([
      expect.objectContaining({ kind: 'failed', field: 'tier', value: 'Platinum' }),
    ]);
  });
});

describe('IntentDriver and the request budget’s permit', () => {
  it('disposed while waiting for the permit: nothing is sent, the permit goes back, no timer stays', async () => {
    const released: string[] = [];
    const sent: Values<boolean>[] = [];
    let grant: () => void = () => undefined;
    const scheduler = createScheduler();
    const driver = new IntentDriver<boolean>(
      { muted: false },
      {
        acquire: () =>
          new Promise((resolve) => {
            grant = () => resolve({ release: () => released.push('permit') });
          }),
        send: async (body) => {
          sent.push(body);
        },
        reread: async () => undefined,
        confirmTimeoutMs: 5000,
        scheduler,
      },
    );
    driver.request('muted', true);
    expect(scheduler.live()).toBe(1);
    driver.dispose();
    expect(scheduler.live()).toBe(0);
    grant();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toEqual([]);
    expect(released).toEqual(['permit']);
  });
});
