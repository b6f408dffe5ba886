import { describe, expect, it } from 'vitest';
import { initialState, isPending, shown } from './intent-state';
import type { MachineInput } from './intent-types';
import {
  ATTRIBUTES,
  NOW,
  armed,
  conflict,
  feed,
  flags,
  rateLimited,
  server,
  types,
} from './intent-machine-harness';

describe('the intent machine (pure reducer): settling and provenance', () => {
  it('no confirmation by the deadline: one re-read, then timed out; a late event is still ours', () => {
    const out = feed(flags(), [
      { type: 'request', values: { muted: true } },
      { type: 'slot' },
      { type: 'accepted' },
    ]);
    const deadline = out.state.deadlines.get('muted');
    const fired = feed(out.state, [{ type: 'deadline', field: 'muted', timer: deadline ?? 0 }]);
    const reread = fired.effects.at(-1);
    if (reread?.type !== 'reread' || !reread.settle) throw new Error('no settling re-read');
    const { state, effects } = feed(fired.state, [
      { type: 'confirm', state: { muted: false, held: false } },
      { type: 'reread', settle: reread.settle },
      { type: 'confirm', state: { muted: true, held: false } },
    ]);
    expect(effects).toContainEqual({
      type: 'outcome',
      outcome: { kind: 'timedOut', field: 'muted', value: true },
    });
    expect(effects.at(-1)).toEqual({
      type: 'change',
      change: { field: 'muted', value: true, ours: true, at: NOW },
    });
    expect(state.phase.name).toBe('idle');
  });

  it('a stale deadline (its timer replaced by a later click) changes nothing', () => {
    const out = feed(flags(), [
      { type: 'request', values: { muted: true } },
      { type: 'request', values: { muted: true } },
    ]);
    const { state, effects } = feed(out.state, [{ type: 'deadline', field: 'muted', timer: 1 }]);
    expect(effects).toEqual([]);
    expect(isPending(state, 'muted')).toBe(true);
  });

  it('a target another instance sent makes the matching change ours', () => {
    const { effects } = feed(flags(), [
      { type: 'noteSentElsewhere', field: 'held', value: true },
      { type: 'confirm', state: { muted: false, held: true } },
    ]);
    expect(effects).toEqual([
      { type: 'change', change: { field: 'held', value: true, ours: true, at: NOW } },
    ]);
  });

  it('a target of ours explains one change: the same value set again elsewhere later is not ours', () => {
    const changes = (events: MachineInput<boolean>[]) =>
      feed(flags(), events).effects.flatMap((e) => (e.type === 'change' ? [e.change.ours] : []));
    const elsewhere = [
      { type: 'confirm', state: { muted: false, held: false } },
      { type: 'confirm', state: { muted: true, held: false } },
    ] as const;
    // Sent and confirmed by this panel, then unmuted and muted again in the Genesys Cloud UI.
    expect(
      changes([
        { type: 'request', values: { muted: true } },
        { type: 'slot' },
        { type: 'accepted' },
        { type: 'confirm', state: { muted: true, held: false } },
        ...elsewhere,
      ]),
    ).toEqual([true, false, false]);
    // Likewise for a target another instance of this browser sent.
    expect(
      changes([
        { type: 'noteSentElsewhere', field: 'muted', value: true },
        { type: 'confirm', state: { muted: true, held: false } },
        ...elsewhere,
      ]),
    ).toEqual([true, false, false]);
  });

  describe('the leg ended', () => {
    const request = { type: 'request', values: { muted: true } } as const;

    it('while queued: the intent settles, the permit is given back, nothing is sent', () => {
      const { state, effects } = feed(flags(), [request, { type: 'ended' }]);
      expect(state.phase.name).toBe('idle');
      expect(isPending(state, 'muted')).toBe(false);
      expect(shown(state, 'muted')).toBe(false);
      expect(types(effects).slice(2)).toEqual(['cancel']);
      const later = feed(state, [{ type: 'slot' }]);
      expect(later.effects).toEqual([{ type: 'release' }]);
      expect(later.state.phase.name).toBe('idle');
    });

    it('while on the wire: its reply changes nothing and nothing more leaves', () => {
      const out = feed(flags(), [request, { type: 'slot' }, { type: 'ended' }]);
      expect(out.state.phase.name).toBe('idle');
      expect(isPending(out.state, 'muted')).toBe(false);
      for (const reply of [
        { type: 'accepted' } as const,
        { type: 'failed', error: server(), jitter: 0 } as const,
        { type: 'failed', error: rateLimited(1000), jitter: 0 } as const,
      ]) {
        const after = feed(out.state, [reply]);
        expect(after.effects).toEqual([]);
        expect(after.state.phase.name).toBe('idle');
        expect(isPending(after.state, 'muted')).toBe(false);
      }
    });

    it('while awaiting confirmation: the awaited target and its deadline go', () => {
      const accepted = feed(flags(), [request, { type: 'slot' }, { type: 'accepted' }]);
      expect(accepted.state.phase.name).toBe('awaitingConfirmation');
      const { state, effects } = feed(accepted.state, [{ type: 'ended' }]);
      expect(state.phase.name).toBe('idle');
      expect(isPending(state, 'muted')).toBe(false);
      expect(state.deadlines.size).toBe(0);
      expect(types(effects)).toEqual(['cancel']);
      // The server's state still arrives, and a recent target of ours is still recognised.
      const confirmed = feed(state, [{ type: 'confirm', state: { muted: true, held: false } }]);
      expect(confirmed.effects).toEqual([
        { type: 'change', change: { field: 'muted', value: true, ours: true, at: NOW } },
      ]);
      expect(shown(confirmed.state, 'muted')).toBe(true);
    });

    it('during a 429 pause or a 409 backoff: the retry timer is cancelled; it never fires a send', () => {
      for (const error of [rateLimited(2000), conflict()]) {
        const start = initialState({ muted: false, held: false }, ATTRIBUTES);
        const paused = feed(start, [
          request,
          { type: 'slot' },
          { type: 'failed', error, jitter: 0 },
        ]);
        const retry = armed(paused.effects, 'retry');
        const { state, effects } = feed(paused.state, [{ type: 'ended' }]);
        expect(state.phase.name).toBe('idle');
        expect(effects).toContainEqual({ type: 'cancel', timer: retry.timer });
        expect(feed(state, [{ type: 'retry', timer: retry.timer }]).effects).toEqual([]);
      }
    });

    it('a click after the end is ignored; a second end changes nothing', () => {
      const { state } = feed(flags(), [{ type: 'ended' }]);
      const clicked = feed(state, [request, { type: 'ended' }]);
      expect(clicked.effects).toEqual([]);
      expect(clicked.state.phase.name).toBe('idle');
      expect(isPending(clicked.state, 'muted')).toBe(false);
      expect(shown(clicked.state, 'muted')).toBe(false);
    });
  });
});
