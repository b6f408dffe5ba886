import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../platform/errors';
import { reduce } from './intent-machine';
import { initialState, isPending, rateLimitedUntil, shown } from './intent-state';
import type { Effect, MachineInput, MachineState, Transition } from './intent-types';

const NOW = 1_000_000;
const FLAGS = { confirmTimeoutMs: 5000, conflictRetries: 0 };
const ATTRIBUTES = { confirmTimeoutMs: 10_000, conflictRetries: 3 };

const flags = (confirmed = { muted: false, held: false }) => initialState(confirmed, FLAGS);

/** Feeds events in order (all at `now`); returns the last state and every effect. */
function feed<V>(state: MachineState<V>, events: MachineInput<V>[], now = NOW) {
  const effects: Effect<V>[] = [];
  let current = state;
  for (const event of events) {
    const next: Transition<V> = reduce(current, { ...event, now });
    effects.push(...next.effects);
    current = next.state;
  }
  return { state: current, effects };
}

const types = <V>(effects: Effect<V>[]) => effects.map((e) => e.type);
const rateLimited = (ms: number) =>
  new PlatformError('rateLimited', '429', { status: 429, retryAfterMs: ms });
const conflict = () => new PlatformError('conflict', '409', { status: 409 });
const server = () => new PlatformError('server', '503', { status: 503 });

/** The timer an `arm` effect set for this purpose. */
function armed<V>(effects: Effect<V>[], kind: 'deadline' | 'retry') {
  const arm = effects.find((e) => e.type === 'arm' && e.purpose.kind === kind);
  if (arm?.type !== 'arm') throw new Error(`no ${kind} timer armed`);
  return arm;
}

describe('the intent machine (pure reducer)', () => {
  it('a click queues a request and arms the deadline; the input state is never changed', () => {
    const start = flags();
    const before = JSON.stringify([...start.desired, ...start.confirmed]);
    const { state, effects } = feed(start, [{ type: 'request', values: { muted: true } }]);
    expect(state.phase.name).toBe('queued');
    expect(effects).toEqual([
      { type: 'arm', timer: 1, ms: 5000, purpose: { kind: 'deadline', field: 'muted' } },
      { type: 'acquire' },
    ]);
    expect(shown(state, 'muted')).toBe(true);
    expect(JSON.stringify([...start.desired, ...start.confirmed])).toBe(before);
    expect(start.phase.name).toBe('idle');
    expect(reduce(start, { type: 'request', values: { muted: true }, now: NOW })).toEqual({
      state,
      effects,
    });
  });

  it('builds the body when the permit comes, from the intent of that moment', () => {
    const { state, effects } = feed(flags(), [
      { type: 'request', values: { muted: true } },
      { type: 'request', values: { held: true } },
      { type: 'slot' },
    ]);
    expect(state.phase).toEqual({
      name: 'onTheWire',
      body: new Map([
        ['muted', true],
        ['held', true],
      ]),
    });
    expect(effects.slice(-2)).toEqual([
      { type: 'sent', body: { muted: true, held: true } },
      { type: 'send', body: { muted: true, held: true } },
    ]);
  });

  it('gives the permit back and sends nothing when the agent clicked back meanwhile', () => {
    const { state, effects } = feed(flags(), [
      { type: 'request', values: { muted: true } },
      { type: 'request', values: { muted: false } },
      { type: 'slot' },
    ]);
    expect(state.phase.name).toBe('idle');
    expect(types(effects)).not.toContain('send');
    expect(types(effects).at(-1)).toBe('release');
    expect(isPending(state, 'muted')).toBe(false);
  });

  it('one request at a time: a click while one is out waits for its reply', () => {
    const { state, effects } = feed(flags(), [
      { type: 'request', values: { muted: true } },
      { type: 'slot' },
      { type: 'request', values: { held: true } },
    ]);
    expect(state.phase.name).toBe('onTheWire');
    expect(types(effects).filter((t) => t === 'acquire')).toHaveLength(1);
    const after = feed(state, [{ type: 'accepted' }]);
    expect(after.state.phase.name).toBe('queued');
    expect(after.state.awaiting.get('muted')).toBe(true);
  });

  it('accepted, then confirmed by the server: idle, the change ours, the deadline cancelled', () => {
    const out = feed(flags(), [
      { type: 'request', values: { muted: true } },
      { type: 'slot' },
      { type: 'accepted' },
    ]);
    expect(out.state.phase.name).toBe('awaitingConfirmation');
    const { state, effects } = feed(out.state, [
      { type: 'confirm', state: { muted: true, held: false } },
    ]);
    expect(state.phase.name).toBe('idle');
    expect(effects).toEqual([
      { type: 'cancel', timer: out.state.deadlines.get('muted') },
      { type: 'change', change: { field: 'muted', value: true, ours: true, at: NOW } },
    ]);
  });

  it('a 429 holds requests back until its retry timer, then sends only what is still wanted', () => {
    const out = feed(flags(), [
      { type: 'request', values: { muted: true } },
      { type: 'slot' },
      { type: 'failed', error: rateLimited(3000), jitter: 0 },
      { type: 'request', values: { held: true } },
    ]);
    expect(out.state.phase.name).toBe('rateLimited');
    expect(rateLimitedUntil(out.state, NOW)).toBe(NOW + 3000);
    expect(types(out.effects).filter((t) => t === 'acquire')).toHaveLength(1);
    const retry = armed(out.effects, 'retry');
    expect(retry.ms).toBe(3000);
    const stale = feed(out.state, [{ type: 'retry', timer: retry.timer + 100 }]);
    expect(stale.state.phase.name).toBe('rateLimited');
    const { state, effects } = feed(out.state, [
      { type: 'request', values: { muted: false } },
      { type: 'retry', timer: retry.timer },
      { type: 'slot' },
    ]);
    expect(effects.at(-1)).toEqual({ type: 'send', body: { held: true } });
    expect(state.phase.name).toBe('onTheWire');
  });

  it('a deadline during a 429 rolls back with the 429 as the reason and re-reads', () => {
    const out = feed(flags(), [
      { type: 'request', values: { muted: true } },
      { type: 'slot' },
      { type: 'failed', error: rateLimited(10_000), jitter: 0 },
    ]);
    const deadline = armed(out.effects, 'deadline');
    const { state, effects } = feed(out.state, [
      { type: 'deadline', field: 'muted', timer: deadline.timer },
    ]);
    expect(shown(state, 'muted')).toBe(false);
    expect(effects).toEqual([
      {
        type: 'outcome',
        outcome: { kind: 'failed', field: 'muted', value: true, error: rateLimited(10_000) },
      },
      { type: 'reread' },
    ]);
    expect(state.phase.name).toBe('rateLimited');
  });

  it('a 409 on attributes backs off with jitter (nextDelay) and retries the whole body', () => {
    const out = feed(initialState({ tier: 'Gold' }, ATTRIBUTES), [
      { type: 'request', values: { tier: 'Platinum', note: 'vip' } },
      { type: 'slot' },
      { type: 'failed', error: conflict(), jitter: 0.5 },
    ]);
    expect(out.state.phase.name).toBe('conflictBackoff');
    const retry = armed(out.effects, 'retry');
    expect(retry.ms).toBe(250);
    const again = feed(out.state, [
      { type: 'retry', timer: retry.timer },
      { type: 'slot' },
      { type: 'failed', error: conflict(), jitter: 0.5 },
    ]);
    expect(again.effects.find((e) => e.type === 'send')).toEqual({
      type: 'send',
      body: { tier: 'Platinum', note: 'vip' },
    });
    expect(armed(again.effects, 'retry').ms).toBe(500);
  });

  it('a 409 on mute is final: rolled back with the reason, one re-read', () => {
    const { state, effects } = feed(flags(), [
      { type: 'request', values: { muted: true } },
      { type: 'slot' },
      { type: 'failed', error: conflict(), jitter: 0.5 },
    ]);
    expect(state.phase.name).toBe('idle');
    expect(types(effects).slice(-2)).toEqual(['outcome', 'reread']);
    expect(shown(state, 'muted')).toBe(false);
  });

  it('a 5xx keeps the target pending and asks for one re-read that settles it', () => {
    const out = feed(flags(), [
      { type: 'request', values: { muted: true } },
      { type: 'slot' },
      { type: 'failed', error: server(), jitter: 0 },
    ]);
    expect(out.state.phase.name).toBe('awaitingConfirmation');
    const reread = out.effects.at(-1);
    if (reread?.type !== 'reread' || !reread.settle) throw new Error('no settling re-read');
    const { state, effects } = feed(out.state, [
      { type: 'confirm', state: { muted: false, held: false } },
      { type: 'reread', settle: reread.settle },
    ]);
    expect(state.phase.name).toBe('idle');
    expect(effects).toContainEqual({
      type: 'outcome',
      outcome: { kind: 'failed', field: 'muted', value: true, error: server() },
    });
  });

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
