import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINAL_STATE, PLAYBACK_KEY } from '../../domain/playback-protocol';
import type { Call, Participant } from '../../platform/types';
import {
  derivePlaybackView,
  progressOf,
  settlePlaybackView,
  type PlaybackView,
} from './playback-status';
import { attrs, call, ivr, local } from './playback-status-harness';

/** The flow's final values for one playback, in the order a late flow delivers them (P17). */
const LATE_FINAL: [string, string][] = [
  [PLAYBACK_KEY.lastDigit, ''],
  [PLAYBACK_KEY.reason, 'completed'],
  [PLAYBACK_KEY.endedAt, '2026-01-01T10:00:04.000Z'],
  [PLAYBACK_KEY.startedAt, '2026-01-01T10:00:00.000Z'],
  [PLAYBACK_KEY.promptId, 'p1'],
  [PLAYBACK_KEY.state, 'completed'],
  [PLAYBACK_KEY.requestId, 'r1'],
];

/** A playback's life as snapshots: before the leg, leg up, (stop asked), leg gone, late values. */
function lateSnapshots(
  arrivals: readonly [string, string][],
  options: { stop?: boolean; hangup?: boolean } = {},
) {
  const snapshots: { call: Call; stop?: string }[] = [{ call: call({}) }];
  snapshots.push({ call: call({ legs: [ivr()] }) });
  if (options.stop) snapshots.push({ call: call({ legs: [ivr()] }), stop: 'r1' });
  const customer: Partial<Participant> = options.hangup
    ? { state: 'disconnected', endTime: 8000 }
    : {};
  const stop = options.stop ? 'r1' : undefined;
  snapshots.push({ call: call({ customer, legs: [ivr('disconnected', 8000)] }), stop });
  const attributes: Record<string, string> = {};
  for (const [key, value] of arrivals) {
    attributes[key] = value;
    snapshots.push({
      call: call({ customer, attributes: { ...attributes }, legs: [ivr('disconnected', 8000)] }),
      stop,
    });
  }
  return snapshots;
}

/** What the panel shows along the snapshots: each derived, then settled on what was shown. */
function shownAlong(snapshots: { call: Call; stop?: string }[]): PlaybackView[] {
  const shown: PlaybackView[] = [];
  for (const s of snapshots) {
    const next = derivePlaybackView(s.call, local(), s.stop);
    shown.push(shown.length ? settlePlaybackView(shown.at(-1)!, next) : next);
  }
  return shown;
}

const RANK = { idle: 0, busy: 0, sending: 1, refused: 1, waiting: 2, playing: 3, ended: 4 };

/** Never backwards: waiting → playing → ended; a reported reason is never taken back. */
function expectForwardOnly(shown: PlaybackView[]) {
  for (let i = 1; i < shown.length; i += 1) {
    const [before, after] = [shown[i - 1]!, shown[i]!];
    expect(RANK[after.kind]).toBeGreaterThanOrEqual(RANK[before.kind]);
    if (before.kind === 'ended' && before.reported)
      expect(after).toMatchObject({ kind: 'ended', reported: true, reason: before.reason });
  }
}

describe('derivePlaybackView on a late flow (values only after its leg left)', () => {
  it('plays from the leg without progress, ends with no reason when the leg leaves, then fills in the flow’s reason', () => {
    const shown = shownAlong(lateSnapshots(LATE_FINAL));
    expect(shown.map((v) => v.kind)).toEqual([
      'waiting',
      'playing',
      'ended',
      ...LATE_FINAL.map(() => 'ended'),
    ]);
    const playing = shown[1]!;
    expect(playing).toMatchObject({ source: 'leg', ours: true });
    expect(progressOf(playing, local(), Date.now())).toBeUndefined();
    // Until the request id arrives (last), the values cannot be told to be this playback's.
    for (const v of shown.slice(2, -1))
      expect(v).toMatchObject({ reason: 'unknown', reported: false, endedAt: 8000 });
    expect(shown.at(-1)).toMatchObject({
      kind: 'ended',
      reason: 'completed',
      reported: true,
      promptId: 'p1',
      endedAt: Date.parse('2026-01-01T10:00:04.000Z'),
    });
  });

  it('after Stop: stopping while the leg is up, never a stop reason before the flow gives one', () => {
    // P18: a prompt played once never sees the stop; the flow says it completed.
    const shown = shownAlong(lateSnapshots(LATE_FINAL, { stop: true }));
    expect(shown[2]).toMatchObject({ kind: 'playing', source: 'leg', stopping: true });
    expect(shown[3]).toMatchObject({
      kind: 'ended',
      reason: 'unknown',
      reported: false,
      stopAsked: true,
    });
    expect(shown.some((v) => v.kind === 'ended' && v.reason === 'agentStop')).toBe(false);
    expect(shown.at(-1)).toMatchObject({ reason: 'completed', reported: true, stopAsked: true });
  });

  it('a late state=playing after the leg left does not play again; the reason shows when it comes', () => {
    const shown = shownAlong(
      lateSnapshots([
        [PLAYBACK_KEY.requestId, 'r1'],
        [PLAYBACK_KEY.state, 'playing'],
        [PLAYBACK_KEY.startedAt, '2026-01-01T10:00:00.000Z'],
        [PLAYBACK_KEY.reason, 'maxDuration'],
        [PLAYBACK_KEY.state, 'completed'],
      ]),
    );
    expect(shown.slice(2).every((v) => v.kind === 'ended')).toBe(true);
    expect(shown.slice(2, 6).every((v) => v.kind === 'ended' && !v.reported)).toBe(true);
    expect(shown.slice(6).every((v) => v.kind === 'ended' && v.reason === 'maxDuration')).toBe(
      true,
    );
  });

  it('a re-read from before the leg left does not take an ended playback back to playing', () => {
    const ended = derivePlaybackView(call({ legs: [ivr('disconnected', 8000)] }), local());
    const stale = derivePlaybackView(call({ legs: [ivr()] }), local());
    expect(settlePlaybackView(ended, stale)).toBe(ended);
    const reported = derivePlaybackView(
      call({
        attributes: attrs({
          [PLAYBACK_KEY.state]: 'completed',
          [PLAYBACK_KEY.reason]: 'completed',
        }),
        legs: [ivr('disconnected', 8000)],
      }),
      local(),
    );
    expect(settlePlaybackView(reported, ended)).toBe(reported);
  });

  it('whatever order the values arrive in (and a late playing among them): never backwards, ending on the final truth', () => {
    const values = fc.record({
      reason: fc.constantFrom(
        ...(['completed', 'maxDuration', 'agentStop', 'dtmf', 'error'] as const),
      ),
      digit: fc.constantFrom('', '5'),
      prompt: fc.constantFrom('p1', 'p2'),
    });
    fc.assert(
      fc.property(
        values,
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.infiniteStream(fc.nat()),
        ({ reason, digit, prompt }, latePlaying, stop, hangup, order) => {
          const state = FINAL_STATE[reason];
          const arrivals: [string, string][] = [
            [PLAYBACK_KEY.lastDigit, digit],
            [PLAYBACK_KEY.reason, reason],
            [PLAYBACK_KEY.endedAt, '2026-01-01T10:00:04.000Z'],
            [PLAYBACK_KEY.startedAt, '2026-01-01T10:00:00.000Z'],
            [PLAYBACK_KEY.promptId, prompt],
            [PLAYBACK_KEY.state, state],
            [PLAYBACK_KEY.requestId, 'r1'],
            ...(latePlaying ? ([[PLAYBACK_KEY.state, 'playing']] as [string, string][]) : []),
          ];
          // A shuffle driven by the stream (every permutation reachable).
          const it = order[Symbol.iterator]();
          for (let i = arrivals.length - 1; i > 0; i -= 1) {
            const j = it.next().value % (i + 1);
            [arrivals[i], arrivals[j]] = [arrivals[j]!, arrivals[i]!];
          }
          const snapshots = lateSnapshots(arrivals, { stop, hangup });
          const shown = shownAlong(snapshots);
          expectForwardOnly(shown);
          const last = snapshots.at(-1)!;
          const truth = derivePlaybackView(last.call, local(), last.stop);
          expect(shown.at(-1)).toEqual(truth);
          expect(truth).toMatchObject({ kind: 'ended', reason, reported: true, promptId: prompt });
          // Never "stopped" before the leg left: every view while it was up is playing.
          expect(shown[1]).toMatchObject({ kind: 'playing', source: 'leg' });
        },
      ),
    );
  });
});

describe('derivePlaybackView on a leg-only flow (no values ever)', () => {
  it('waiting, playing from the leg, stopping after Stop, then ended with no reason after the stop', () => {
    const shown = shownAlong(lateSnapshots([], { stop: true }));
    expect(shown).toEqual([
      { kind: 'waiting' },
      expect.objectContaining({ kind: 'playing', source: 'leg', stopping: false }),
      expect.objectContaining({ kind: 'playing', source: 'leg', stopping: true }),
      expect.objectContaining({
        kind: 'ended',
        reason: 'unknown',
        reported: false,
        stopAsked: true,
        promptId: 'p1',
        endedAt: 8000,
      }),
    ]);
    expectForwardOnly(shown);
  });

  it('a hang-up reads as such from the legs', () => {
    expect(shownAlong(lateSnapshots([], { hangup: true })).at(-1)).toMatchObject({
      kind: 'ended',
      reason: 'hangup',
      reported: false,
    });
  });
});
