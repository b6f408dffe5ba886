import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlatformError } from '../../platform/errors';
import { IntentDriver } from './intent-driver';
import type { ConfirmedChange, IntentOutcome, Values } from './intent-types';

type Flags = Values<boolean>;

/** A fake server: records requests; the test decides when each resolves and when events come. */
function harness(initial: Flags = { muted: false, held: false }) {
  const sent: Flags[] = [];
  const pending: { resolve: () => void; reject: (e: unknown) => void; body: Flags }[] = [];
  const changes: ConfirmedChange<boolean>[] = [];
  const outcomes: IntentOutcome<boolean>[] = [];
  const server: Flags = { ...initial };
  let rereads = 0;
  let maxInFlight = 0;
  const intents: IntentDriver<boolean> = new IntentDriver<boolean>(initial, {
    // The body is built when the permit comes (here: a microtask after the click).
    send: (body) => {
      sent.push(body);
      maxInFlight = Math.max(maxInFlight, pending.length + 1);
      return new Promise((resolve, reject) =>
        pending.push({ resolve: () => resolve(undefined), reject, body }),
      );
    },
    confirmTimeoutMs: 3000,
    reread: async () => {
      rereads += 1;
      intents.confirm({ ...server });
    },
  });
  intents.listen({ onChange: (c) => changes.push(c), onOutcome: (o) => outcomes.push(o) });
  /** The oldest request is accepted (202); its notification follows. */
  const accept = async () => {
    const request = pending.shift()!;
    request.resolve();
    await vi.advanceTimersByTimeAsync(0);
    Object.assign(server, request.body);
    intents.confirm({ ...server });
    await vi.advanceTimersByTimeAsync(0);
  };
  const fail = async (error: PlatformError) => {
    pending.shift()!.reject(error);
    await vi.advanceTimersByTimeAsync(0);
  };
  /** Clicks, and lets the permit come (any request leaves now). */
  const click = async (field: string, value: boolean) => {
    intents.request(field, value);
    await vi.advanceTimersByTimeAsync(0);
  };
  return {
    click,
    intents,
    sent,
    pending,
    changes,
    outcomes,
    server,
    accept,
    fail,
    rereads: () => rereads,
    maxInFlight: () => maxInFlight,
  };
}

const rateLimited = (seconds: number) =>
  new PlatformError('rateLimited', 'Retry the request in [n] seconds', {
    status: 429,
    retryAfterMs: seconds * 1000,
  });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('IntentDriver', () => {
  it('shows the intent at once, sends an explicit target, and settles on the notification', async () => {
    const h = harness();
    h.intents.request('muted', true);
    expect(h.intents.shown('muted')).toBe(true);
    expect(h.intents.isPending('muted')).toBe(true);
    expect(h.intents.stateName()).toBe('queued');
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sent).toEqual([{ muted: true }]);
    await h.accept();
    expect(h.intents.isPending('muted')).toBe(false);
    expect(h.changes).toEqual([{ field: 'muted', value: true, ours: true, at: Date.now() }]);
  });

  it('sends nothing when the target equals the confirmed state', async () => {
    const h = harness({ muted: true, held: false });
    await h.click('muted', true);
    expect(h.sent).toEqual([]);
    expect(h.intents.isPending('muted')).toBe(false);
  });

  it('coalesces ten rapid clicks to the last, with one request in flight', async () => {
    const h = harness();
    await h.click('muted', true);
    for (let i = 1; i < 10; i += 1) h.intents.request('muted', i % 2 === 0);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sent).toEqual([{ muted: true }]);
    await h.accept();
    expect(h.sent).toEqual([{ muted: true }, { muted: false }]);
    await h.accept();
    expect(h.intents.shown('muted')).toBe(false);
    expect(h.intents.isPending('muted')).toBe(false);
    expect(h.maxInFlight()).toBe(1);
  });

  it('clicks made while waiting for the permit leave as one request with the last target', async () => {
    const h = harness();
    for (let i = 0; i < 9; i += 1) h.intents.request('muted', i % 2 === 0);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sent).toEqual([{ muted: true }]);
    h.intents.request('muted', true);
    h.intents.request('muted', false);
    await vi.advanceTimersByTimeAsync(0);
    await h.accept();
    expect(h.sent).toEqual([{ muted: true }, { muted: false }]);
  });

  it('a click back to the server’s state while waiting for the permit sends nothing at all', async () => {
    const h = harness();
    h.intents.request('muted', true);
    h.intents.request('muted', false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.sent).toEqual([]);
    expect(h.intents.isPending('muted')).toBe(false);
    expect(h.intents.stateName()).toBe('idle');
    expect(h.outcomes).toEqual([]);
  });

  it('sends mute and hold together when both are wanted while a request is in flight', async () => {
    const h = harness();
    await h.click('muted', true);
    h.intents.request('held', true);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sent).toEqual([{ muted: true }]);
    await h.accept();
    expect(h.sent.at(-1)).toEqual({ held: true });
    await h.accept();
    expect(h.server).toEqual({ muted: true, held: true });
  });

  it('rolls back with the reason and re-reads once when the request is refused', async () => {
    const h = harness();
    await h.click('held', true);
    await h.fail(new PlatformError('forbidden', 'no', { status: 403 }));
    expect(h.intents.shown('held')).toBe(false);
    expect(h.intents.isPending('held')).toBe(false);
    expect(h.outcomes).toEqual([
      {
        kind: 'failed',
        field: 'held',
        value: true,
        error: expect.objectContaining({ kind: 'forbidden' }),
      },
    ]);
    expect(h.rereads()).toBe(1);
  });

  it('after an ambiguous failure (5xx) lets a re-read decide: applied counts as confirmed, not failed', async () => {
    const h = harness();
    await h.click('muted', true);
    h.server.muted = true; // the server applied it, then answered 503
    await h.fail(new PlatformError('server', 'oops', { status: 503 }));
    expect(h.rereads()).toBe(1);
    expect(h.outcomes).toEqual([]);
    expect(h.intents.shown('muted')).toBe(true);
    expect(h.intents.isPending('muted')).toBe(false);
    expect(h.changes).toEqual([expect.objectContaining({ value: true, ours: true })]);
  });

  it('after an ambiguous failure that was not applied, rolls back with the reason', async () => {
    const h = harness();
    await h.click('muted', true);
    await h.fail(new PlatformError('network', 'offline', { status: 0 }));
    expect(h.intents.shown('muted')).toBe(false);
    expect(h.outcomes).toEqual([expect.objectContaining({ kind: 'failed', value: true })]);
  });

  it('rolls back, re-reads, and then counts a late confirmation as ours when none arrives in time', async () => {
    const h = harness();
    await h.click('muted', true);
    h.pending.shift()!.resolve();
    await vi.advanceTimersByTimeAsync(2999);
    expect(h.intents.shown('muted')).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.rereads()).toBe(1);
    expect(h.intents.shown('muted')).toBe(false);
    expect(h.intents.isPending('muted')).toBe(false);
    expect(h.outcomes).toEqual([{ kind: 'timedOut', field: 'muted', value: true }]);
    h.intents.confirm({ muted: true, held: false });
    expect(h.changes.at(-1)).toMatchObject({ value: true, ours: true });
  });

  it('a 429 with a long Retry-After: rolled back in time, and the queued request is never sent', async () => {
    const h = harness();
    await h.click('muted', true);
    await h.fail(rateLimited(10));
    expect(h.intents.isPending('muted')).toBe(true);
    expect(h.intents.rateLimitedUntil()).toBeGreaterThan(Date.now());
    await vi.advanceTimersByTimeAsync(3000);
    expect(h.intents.shown('muted')).toBe(false);
    expect(h.outcomes).toEqual([
      expect.objectContaining({
        kind: 'failed',
        value: true,
        error: expect.objectContaining({ kind: 'rateLimited' }),
      }),
    ]);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(h.sent).toEqual([{ muted: true }]);
  });

  it('a 429 with a short Retry-After is retried with the target read at send time', async () => {
    const h = harness();
    await h.click('muted', true);
    await h.fail(rateLimited(1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.sent).toEqual([{ muted: true }, { muted: true }]);
    await h.accept();
    expect(h.intents.isPending('muted')).toBe(false);
    expect(h.server.muted).toBe(true);
  });

  it('a change of mind during a 429 pause sends nothing more and reports no failure', async () => {
    const h = harness();
    await h.click('muted', true);
    await h.fail(rateLimited(2));
    h.intents.request('muted', false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.sent).toEqual([{ muted: true }]);
    expect(h.outcomes).toEqual([]);
    expect(h.intents.isPending('muted')).toBe(false);
    expect(h.intents.shown('muted')).toBe(false);
  });

  it('reports a change made elsewhere as not ours', () => {
    const h = harness();
    h.intents.confirm({ muted: true, held: false });
    expect(h.changes).toEqual([
      expect.objectContaining({ field: 'muted', value: true, ours: false }),
    ]);
    expect(h.sent).toEqual([]);
  });

  it('a confirmation that arrives before the 202 still counts as ours', async () => {
    const h = harness();
    await h.click('muted', true);
    h.intents.confirm({ muted: true, held: false });
    expect(h.changes).toEqual([expect.objectContaining({ value: true, ours: true })]);
    h.pending.shift()!.resolve();
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.outcomes).toEqual([]);
    expect(h.intents.isPending('muted')).toBe(false);
  });

  it('works for string values keyed by name (attribute writes)', async () => {
    const sent: Values<string>[] = [];
    const attrs = new IntentDriver<string>(
      { tier: 'Gold' },
      {
        send: async (body) => {
          sent.push(body);
        },
        confirmTimeoutMs: 3000,
        reread: async () => undefined,
      },
    );
    attrs.request('tier', 'Platinum');
    await vi.advanceTimersByTimeAsync(0);
    attrs.request('note', 'called back');
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([{ tier: 'Platinum' }, { note: 'called back' }]);
    expect(attrs.isPending('note')).toBe(true);
    attrs.confirm({ tier: 'Platinum', note: 'called back' });
    expect(attrs.isPending('tier') || attrs.isPending('note')).toBe(false);
  });
});
