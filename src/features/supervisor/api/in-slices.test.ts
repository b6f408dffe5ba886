import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScheduler } from '../../../time/scheduler';
import { inSlices } from './in-slices';

describe('inSlices', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('does nothing in the task that hands the work over, then one slice per task', () => {
    const done: number[] = [];
    const work = inSlices(createScheduler(), 2, (n: number) => done.push(n));
    work.add([1, 2, 3]);
    work.add([4, 5]);
    expect(done).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(done).toEqual([1, 2]);
    vi.advanceTimersToNextTimer();
    expect(done).toEqual([1, 2, 3, 4]);
    vi.advanceTimersToNextTimer();
    expect(done).toEqual([1, 2, 3, 4, 5]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stop drops what is left and leaves no timer behind', () => {
    const done: number[] = [];
    const work = inSlices(createScheduler(), 1, (n: number) => done.push(n));
    work.add([1, 2, 3]);
    vi.advanceTimersToNextTimer();
    work.stop();
    vi.runAllTimers();
    expect(done).toEqual([1]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
