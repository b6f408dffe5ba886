import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLAYBACK_KEY } from '../../domain/playback-protocol';
import { PlatformError } from '../../platform/errors';
import { derivePlaybackView, isRunning, progressOf } from './playback-status';
import { attrs, call, ivr, local } from './playback-status-harness';

describe('derivePlaybackView with attributes', () => {
  it('is playing with the flow’s start time once the flow writes this request’s attributes', () => {
    const view = derivePlaybackView(call({ attributes: attrs({}), legs: [ivr()] }), local());
    expect(view).toMatchObject({
      kind: 'playing',
      source: 'attributes',
      promptId: 'p1',
      startedAt: Date.parse('2026-01-01T10:00:00.000Z'),
      switched: false,
      stopping: false,
      ours: true,
    });
  });

  it('says a key switched the prompt', () => {
    const snapshot = call({
      attributes: attrs({ [PLAYBACK_KEY.promptId]: 'p2', [PLAYBACK_KEY.lastDigit]: '1' }),
      legs: [ivr()],
    });
    expect(derivePlaybackView(snapshot, local())).toMatchObject({
      kind: 'playing',
      promptId: 'p2',
      lastDigit: '1',
      switched: true,
    });
  });

  it('ends with the flow’s reason, even before the leg has left', () => {
    const snapshot = call({
      attributes: attrs({ [PLAYBACK_KEY.state]: 'stopped', [PLAYBACK_KEY.reason]: 'agentStop' }),
      legs: [ivr()],
    });
    expect(derivePlaybackView(snapshot, local(), 'r1')).toMatchObject({
      kind: 'ended',
      reason: 'agentStop',
      ours: true,
    });
  });

  it('ignores attributes of an earlier request on the same caller', () => {
    const old = attrs({
      [PLAYBACK_KEY.requestId]: 'r0',
      [PLAYBACK_KEY.state]: 'completed',
      [PLAYBACK_KEY.reason]: 'completed',
    });
    expect(derivePlaybackView(call({ attributes: old }), local()).kind).toBe('waiting');
    expect(derivePlaybackView(call({ attributes: old, legs: [ivr()] }), local())).toMatchObject({
      kind: 'playing',
      source: 'leg',
    });
  });

  it('shows stopping while the stop attribute names this request, not an earlier one', () => {
    const snapshot = call({ attributes: attrs({}), legs: [ivr()] });
    expect(derivePlaybackView(snapshot, local(), 'r1')).toMatchObject({ stopping: true });
    expect(derivePlaybackView(snapshot, local(), 'r0')).toMatchObject({ stopping: false });
    expect(derivePlaybackView(snapshot, undefined, 'r1')).toMatchObject({
      ours: false,
      stopping: true,
    });
  });
});

describe('derivePlaybackView from the ivr leg alone (leg-only)', () => {
  it('plays while the new ivr leg is up, without progress', () => {
    const view = derivePlaybackView(call({ legs: [ivr()] }), local());
    expect(view).toMatchObject({ kind: 'playing', source: 'leg', ours: true });
    expect(progressOf(view, local(), Date.now())).toBeUndefined();
  });

  it('ends when the leg leaves: no reason (a stop asked for is not one), hangup when the caller left', () => {
    const gone = call({ legs: [ivr('terminated', 9000)] });
    expect(derivePlaybackView(gone, local())).toMatchObject({
      kind: 'ended',
      reason: 'unknown',
      reported: false,
      stopAsked: false,
      endedAt: 9000,
    });
    expect(derivePlaybackView(gone, local(), 'r1')).toMatchObject({
      reason: 'unknown',
      reported: false,
      stopAsked: true,
    });
    const hungUp = call({ customer: { state: 'disconnected' }, legs: [ivr('disconnected')] });
    expect(derivePlaybackView(hungUp, local())).toMatchObject({ reason: 'hangup' });
  });

  it('is waiting until the leg joins; the old menu leg does not count', () => {
    expect(derivePlaybackView(call({}), local()).kind).toBe('waiting');
  });
});

describe('derivePlaybackView without a request of this panel', () => {
  it('is idle on a plain call, busy when the caller is in some flow', () => {
    expect(derivePlaybackView(call({}), undefined).kind).toBe('idle');
    expect(derivePlaybackView(call({ legs: [ivr()] }), undefined).kind).toBe('busy');
  });

  it('reads a playback started elsewhere from its attributes', () => {
    const snapshot = call({ attributes: attrs({}), legs: [ivr()] });
    expect(derivePlaybackView(snapshot, undefined)).toMatchObject({
      kind: 'playing',
      ours: false,
      requestId: 'r1',
    });
  });

  it('shows the sending and refused phases of its own request', () => {
    expect(derivePlaybackView(call({}), local({ phase: 'sending' })).kind).toBe('sending');
    const error = new PlatformError('conflict', 'busy', { status: 409 });
    expect(derivePlaybackView(call({}), local({ phase: 'refused', error }))).toEqual({
      kind: 'refused',
      error,
    });
  });
});

describe('progressOf', () => {
  const playing = (startedAt: number) =>
    derivePlaybackView(
      call({
        attributes: attrs({ [PLAYBACK_KEY.startedAt]: new Date(startedAt).toISOString() }),
        legs: [ivr()],
      }),
      local(),
    );

  it('measures against the prompt, or the cap when looping', () => {
    expect(progressOf(playing(10_000), local(), 12_000)).toEqual({
      elapsedMs: 2000,
      totalMs: 4000,
    });
    expect(
      progressOf(playing(10_000), local({ loop: true, maxDurationSeconds: 20 }), 12_000),
    ).toEqual({ elapsedMs: 2000, totalMs: 20_000 });
    expect(progressOf(playing(10_000), local({ maxDurationSeconds: 3 }), 12_000)?.totalMs).toBe(
      3000,
    );
  });

  it('never leaves 0..total, whatever the clocks say', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2e12 }),
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 600 }),
        (startedAt, offset, loop, cap) => {
          const p = progressOf(
            playing(startedAt),
            local({ loop, maxDurationSeconds: cap }),
            startedAt + offset,
          );
          expect(p).toBeDefined();
          expect(p!.elapsedMs).toBeGreaterThanOrEqual(0);
          expect(p!.elapsedMs).toBeLessThanOrEqual(p!.totalMs);
        },
      ),
    );
  });
});

describe('isRunning', () => {
  it('holds for every view in which the caller is or is about to be in the flow', () => {
    expect(isRunning({ kind: 'idle' })).toBe(false);
    expect(
      isRunning({
        kind: 'ended',
        reason: 'completed',
        reported: true,
        stopAsked: false,
        ours: true,
      }),
    ).toBe(false);
    expect(isRunning({ kind: 'waiting' })).toBe(true);
    expect(isRunning({ kind: 'busy' })).toBe(true);
    expect(isRunning({ kind: 'sending' })).toBe(true);
  });
});
