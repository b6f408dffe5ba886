import { describe, expect, it } from 'vitest';
import { completionRate, countRows, PlaybackTally, pushSample, sparklinePoints } from './figures';
import type { LiveRow } from './live-row';

const row = (id: string, over: Partial<LiveRow>): LiveRow => ({
  id,
  state: 'connected',
  complete: true,
  ...over,
});

describe('countRows', () => {
  it('counts calls per chosen queue in their order, and muted and held now', () => {
    const rows = [
      row('a', { queueId: 'q1', muted: true }),
      row('b', { queueId: 'q2', held: true, muted: true }),
      row('c', { queueId: 'q1' }),
      row('d', { queueId: 'elsewhere' }),
      row('e', { muted: undefined }),
    ];
    expect(countRows(rows, ['q2', 'q1', 'q3'])).toEqual({
      total: 5,
      perQueue: [
        { queueId: 'q2', count: 1 },
        { queueId: 'q1', count: 2 },
        { queueId: 'q3', count: 0 },
      ],
      muted: 2,
      held: 1,
    });
  });
});

describe('PlaybackTally', () => {
  it('counts each playback once by request id, and a later final state replaces an earlier', () => {
    const tally = new PlaybackTally();
    expect(tally.record('r1', 'completed')).toBe(true);
    expect(tally.record('r1', 'completed')).toBe(false);
    tally.record('r2', 'stopped');
    tally.record('r3', 'failed');
    expect(tally.counts()).toEqual({ completed: 1, ended: 3 });
    expect(completionRate(tally.counts())).toBeCloseTo(1 / 3);
    tally.record('r1', 'stopped');
    expect(tally.counts()).toEqual({ completed: 0, ended: 3 });
  });

  it('forgets the oldest past its limit, keeping the counts right', () => {
    const tally = new PlaybackTally(2);
    tally.record('r1', 'completed');
    tally.record('r2', 'stopped');
    tally.record('r3', 'completed');
    expect(tally.counts()).toEqual({ completed: 1, ended: 2 });
  });

  it('has no rate before a playback ended', () => {
    expect(completionRate({ completed: 0, ended: 0 })).toBeUndefined();
  });
});

describe('sparklines', () => {
  it('keeps the newest samples', () => {
    expect(pushSample([1, 2, 3], 4, 3)).toEqual([2, 3, 4]);
    expect(pushSample([], 7, 3)).toEqual([7]);
  });

  it('spreads points across the box with the maximum at the top', () => {
    expect(sparklinePoints([0, 2, 4], 100, 20)).toBe('0,20 50,10 100,0');
    expect(sparklinePoints([0, 0], 10, 8)).toBe('0,8 10,8');
    expect(sparklinePoints([3], 10, 8)).toBe('0,0');
    expect(sparklinePoints([], 10, 8)).toBe('');
  });
});
