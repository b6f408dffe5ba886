import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IntentRegistry, type Values } from '../../calls/intents/intent-registry';
import { PlatformError } from '../../platform/errors';
import type { Call } from '../../platform/types';
import { callFor } from '../../testing/factories';
import { SaveTracker, type TrackedSave } from './save-tracker';

/** A registry over one call whose customer leg `C-c` the test changes by snapshots. */
function setup(reply: () => Promise<void> = async () => undefined) {
  let call: Call = callFor('u1', 'C');
  const sent: Values<string>[] = [];
  const registry = new IntentRegistry({
    sendFlags: async () => undefined,
    sendAttributes: async (_cid, _pid, body) => {
      sent.push(body);
      await reply();
    },
    reread: async () => undefined,
    get: () => call,
  });
  const snapshot = (attributes: Record<string, string>) => {
    call = {
      ...call,
      participants: call.participants.map((p) =>
        p.id === 'C-c' ? { ...p, attributes: { ...p.attributes, ...attributes } } : p,
      ),
    };
    registry.receive({ call, changes: [] });
  };
  const finished: TrackedSave[] = [];
  const tracker = new SaveTracker(registry, 'C', 'C-c', (s) => finished.push(s));
  const stop = tracker.subscribe(() => undefined);
  return { tracker, sent, snapshot, finished, stop };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('SaveTracker', () => {
  it('keeps a save pending until a snapshot carries every value, then reports it once', async () => {
    const t = setup();
    t.tracker.save({ tier: 'Gold', note: 'vip' }, 'agent');
    await vi.advanceTimersByTimeAsync(0);
    expect(t.sent).toEqual([{ tier: 'Gold', note: 'vip' }]);
    expect(t.tracker.getSnapshot()[0]?.summary.done).toBe(false);
    t.snapshot({ tier: 'Gold' });
    expect(t.tracker.getSnapshot()[0]?.summary).toMatchObject({ done: false, saved: ['tier'] });
    t.snapshot({ note: 'vip' });
    expect(t.tracker.getSnapshot()[0]?.summary).toMatchObject({
      done: true,
      saved: ['tier', 'note'],
    });
    t.snapshot({ note: 'changed later' });
    expect(t.tracker.getSnapshot()[0]?.summary.saved).toEqual(['tier', 'note']);
    expect(t.finished).toHaveLength(1);
  });

  it('reports a refused save as failed for every key, with the error', async () => {
    const t = setup(async () => {
      throw new PlatformError('invalid', 'bad', { status: 400 });
    });
    t.tracker.save({ tier: 'Gold', note: 'vip' }, 'agent');
    await vi.advanceTimersByTimeAsync(0);
    const summary = t.finished[0]?.summary;
    expect(summary?.saved).toEqual([]);
    expect(summary?.failed.map((f) => f.key)).toEqual(['tier', 'note']);
    expect(summary?.failed[0]?.outcome).toMatchObject({ error: { kind: 'invalid' } });
  });

  it('keeps the saves in progress and only the newest finished one', async () => {
    const t = setup();
    t.tracker.save({ a: '1' }, 'agent');
    await vi.advanceTimersByTimeAsync(0);
    t.snapshot({ a: '1' });
    t.tracker.save({ b: '2' }, 'crm');
    await vi.advanceTimersByTimeAsync(0);
    t.snapshot({ b: '2' });
    t.tracker.save({ c: '3' }, 'agent');
    expect(t.tracker.getSnapshot().map((s) => s.record.values)).toEqual([{ b: '2' }, { c: '3' }]);
    t.tracker.dismiss(2);
    expect(t.tracker.getSnapshot().map((s) => s.record.id)).toEqual([3]);
    t.stop();
  });
});
