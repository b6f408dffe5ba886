import { describe, expect, it } from 'vitest';
import { initialState, isPending, rateLimitedUntil, shown } from './intent-state';
import { reduce } from './intent-machine';
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

describe('the intent machine (pure reducer): requests and replies', () => {
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
});
