import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNowClock } from './now-clock';
import { createScheduler } from './scheduler';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the on-screen clock', () => {
  it('ticks once a second on one interval however many listen, and only while any listens', () => {
    const scheduler = createScheduler();
    const clock = createNowClock(scheduler);
    const first = vi.fn();
    const offA = clock.subscribe(first);
    const offB = clock.subscribe(() => undefined);
    expect(scheduler.live()).toBe(1);
    const before = clock.read();
    vi.advanceTimersByTime(1000);
    expect(first).toHaveBeenCalledTimes(1);
    expect(clock.read()).toBe(before + 1000);
    offA();
    offB();
    expect(clock.listeners()).toBe(0);
    expect(scheduler.live()).toBe(0);
  });

  it('keeps two widgets apart: each ticks on its own scheduler, and one stopping leaves the other', () => {
    const a = createScheduler();
    const b = createScheduler();
    const clockA = createNowClock(a);
    const clockB = createNowClock(b);
    const heardA = vi.fn();
    const heardB = vi.fn();
    clockA.subscribe(heardA);
    clockB.subscribe(heardB);
    expect([a.live(), b.live()]).toEqual([1, 1]);
    clockA.dispose();
    vi.advanceTimersByTime(1000);
    expect(heardA).not.toHaveBeenCalled();
    expect(heardB).toHaveBeenCalledTimes(1);
    expect([a.live(), clockA.listeners()]).toEqual([0, 0]);
    expect(b.live()).toBe(1);
  });

  it('reads the same value twice in a row while nothing listens', () => {
    const clock = createNowClock(createScheduler());
    vi.advanceTimersByTime(999);
    expect(clock.read()).toBe(clock.read());
  });
});
