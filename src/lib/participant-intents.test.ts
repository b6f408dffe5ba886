import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlatformError } from '../platform/errors';
import {
  ParticipantIntents,
  type Flags,
  type FlagChange,
  type IntentOutcome,
} from './participant-intents';

/** A fake server: records requests; the test decides when each resolves and when events come. */
function harness(initial = { muted: false, held: false }) {
  const sent: Flags[] = [];
  const pending: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const changes: FlagChange[] = [];
  const outcomes: IntentOutcome[] = [];
  let rereads = 0;
  let maxInFlight = 0;
  const intents = new ParticipantIntents(initial, {
    send: (change) => {
      sent.push(change);
      maxInFlight = Math.max(maxInFlight, pending.length + 1);
      return new Promise((resolve, reject) => pending.push({ resolve: () => resolve(), reject }));
    },
    confirmTimeoutMs: 3000,
    reread: () => (rereads += 1),
  });
  intents.listen({ onChange: (c) => changes.push(c), onOutcome: (o) => outcomes.push(o) });
  const server = { ...initial };
  /** The oldest request is accepted (202) and its notification follows. */
  const accept = async () => {
    const request = pending.shift();
    const change = sent[sent.length - pending.length - 1]!;
    request?.resolve();
    await Promise.resolve();
    Object.assign(server, change);
    intents.confirm({ ...server });
    await Promise.resolve();
  };
  return {
    intents,
    sent,
    pending,
    changes,
    outcomes,
    accept,
    rereads: () => rereads,
    maxInFlight: () => maxInFlight,
    server,
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('ParticipantIntents', () => {
  it('shows the intent at once, sends an explicit target, and settles on the notification', async () => {
    const h = harness();
    h.intents.request('muted', true);
    expect(h.intents.shown('muted')).toBe(true);
    expect(h.intents.isPending('muted')).toBe(true);
    expect(h.sent).toEqual([{ muted: true }]);
    await h.accept();
    expect(h.intents.isPending('muted')).toBe(false);
    expect(h.changes).toEqual([{ field: 'muted', value: true, ours: true }]);
  });

  it('sends nothing when the target equals the confirmed state', () => {
    const h = harness({ muted: true, held: false });
    h.intents.request('muted', true);
    expect(h.sent).toEqual([]);
    expect(h.intents.isPending('muted')).toBe(false);
  });

  it('coalesces ten rapid clicks to the last, with one request in flight', async () => {
    const h = harness();
    for (let i = 0; i < 10; i += 1) h.intents.request('muted', i % 2 === 0);
    expect(h.sent).toEqual([{ muted: true }]);
    expect(h.intents.shown('muted')).toBe(false);
    await h.accept();
    expect(h.sent).toEqual([{ muted: true }, { muted: false }]);
    await h.accept();
    expect(h.server.muted).toBe(false);
    expect(h.intents.isPending('muted')).toBe(false);
    expect(h.maxInFlight()).toBe(1);
  });

  it('property: any click sequence ends in the last click’s state with one request in flight', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }),
        fc.array(fc.nat(3)),
        async (clicks, gaps) => {
          const h = harness();
          for (const [i, click] of clicks.entries()) {
            h.intents.request('muted', click);
            for (let g = 0; g < (gaps[i] ?? 0) && h.pending.length > 0; g += 1) await h.accept();
          }
          while (h.pending.length > 0) await h.accept();
          return (
            h.server.muted === clicks.at(-1) &&
            h.maxInFlight() <= 1 &&
            !h.intents.isPending('muted')
          );
        },
      ),
    );
  });

  it('mute and hold requested together share one request', async () => {
    const h = harness();
    h.intents.request('muted', true);
    h.intents.request('held', true);
    await h.accept();
    expect(h.sent).toEqual([{ muted: true }, { held: true }]);
    await h.accept();
    expect(h.server).toEqual({ muted: true, held: true });
  });

  it('rolls back with the reason and re-reads once when the request fails', async () => {
    const h = harness();
    h.intents.request('held', true);
    h.pending.shift()!.reject(new PlatformError('forbidden', 'no', { status: 403 }));
    await vi.advanceTimersByTimeAsync(0);
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

  it('rolls back and re-reads when no confirmation arrives in time', async () => {
    const h = harness();
    h.intents.request('muted', true);
    h.pending.shift()!.resolve();
    await vi.advanceTimersByTimeAsync(2999);
    expect(h.intents.shown('muted')).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.intents.shown('muted')).toBe(false);
    expect(h.outcomes).toEqual([{ kind: 'timedOut', field: 'muted', value: true }]);
    expect(h.rereads()).toBe(1);
  });

  it('reports a change made elsewhere as not ours', () => {
    const h = harness();
    h.intents.confirm({ muted: true, held: false });
    expect(h.changes).toEqual([{ field: 'muted', value: true, ours: false }]);
    expect(h.sent).toEqual([]);
  });

  it('a confirmation that arrives before the 202 still counts as ours', async () => {
    const h = harness();
    h.intents.request('muted', true);
    h.intents.confirm({ muted: true, held: false });
    expect(h.changes).toEqual([{ field: 'muted', value: true, ours: true }]);
    h.pending.shift()!.resolve();
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.outcomes).toEqual([]);
    expect(h.intents.isPending('muted')).toBe(false);
  });
});
