import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScheduler, NamedTimers } from './scheduler';

describe('createScheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs a one-shot timer once and counts it until it runs', () => {
    const scheduler = createScheduler();
    const run = vi.fn();
    scheduler.after(100, run);
    expect(scheduler.live()).toBe(1);
    vi.advanceTimersByTime(99);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(scheduler.live()).toBe(0);
  });

  it('cancels, once, and a cancelled timer never runs', () => {
    const scheduler = createScheduler();
    const run = vi.fn();
    const cancel = scheduler.after(100, run);
    cancel();
    cancel();
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
    expect(scheduler.live()).toBe(0);
  });

  it('repeats until cancelled, counted as one live timer', () => {
    const scheduler = createScheduler();
    const run = vi.fn();
    const cancel = scheduler.every(10, run);
    vi.advanceTimersByTime(35);
    expect(run).toHaveBeenCalledTimes(3);
    expect(scheduler.live()).toBe(1);
    cancel();
    vi.advanceTimersByTime(100);
    expect(run).toHaveBeenCalledTimes(3);
    expect(scheduler.live()).toBe(0);
  });

  it('reads time from the clock it is given', () => {
    expect(createScheduler({ now: () => 42 }).now()).toBe(42);
  });
});

describe('NamedTimers', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('replaces a timer set again under the same name', () => {
    const scheduler = createScheduler();
    const timers = new NamedTimers(scheduler);
    const first = vi.fn();
    const second = vi.fn();
    timers.set('watchdog', 100, first);
    timers.set('watchdog', 200, second);
    expect(scheduler.live()).toBe(1);
    vi.advanceTimersByTime(200);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    expect(timers.has('watchdog')).toBe(false);
  });

  it('clears every timer at once', () => {
    const scheduler = createScheduler();
    const timers = new NamedTimers(scheduler);
    const run = vi.fn();
    timers.set('a', 10, run);
    timers.set('b', 10, run);
    timers.clearAll();
    vi.advanceTimersByTime(100);
    expect(run).not.toHaveBeenCalled();
    expect(scheduler.live()).toBe(0);
  });

  it('lends one name as an `after` to code that takes a scheduler, cleared with the rest', () => {
    const scheduler = createScheduler();
    const timers = new NamedTimers(scheduler);
    const run = vi.fn();
    const cancel = timers.named('connect').after(10, run);
    expect(timers.has('connect')).toBe(true);
    cancel();
    expect(scheduler.live()).toBe(0);
    timers.named('connect').after(10, run);
    timers.clearAll();
    vi.advanceTimersByTime(100);
    expect(run).not.toHaveBeenCalled();
    expect(scheduler.live()).toBe(0);
  });
});
