import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScheduler } from '../time/scheduler';
import { CallRetention } from './call-retention';

describe('CallRetention', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lets a call go only when its last holder releases it', () => {
    const gone: string[] = [];
    const retention = new CallRetention({ onUnretained: (id) => gone.push(id) });
    const panel = retention.retain('c1');
    retention.hold('queue:q1', ['c1', 'c2']);
    panel();
    panel();
    expect(gone).toEqual([]);
    retention.hold('queue:q1', ['c2']);
    expect(gone).toEqual(['c1']);
    retention.hold('queue:q1', []);
    expect(gone).toEqual(['c1', 'c2']);
    expect(retention.size()).toBe(0);
  });

  it('a list holding a call twice (two lists) keeps it until both let go', () => {
    const gone: string[] = [];
    const retention = new CallRetention({ onUnretained: (id) => gone.push(id) });
    retention.hold('mine:u1', ['c1']);
    retention.hold('queue:q1', ['c1']);
    retention.hold('mine:u1', ['c1']);
    retention.hold('queue:q1', []);
    expect(retention.isRetained('c1')).toBe(true);
    retention.hold('mine:u1', []);
    expect(gone).toEqual(['c1']);
  });

  it('with a gc time, a call taken back before it passes stays', () => {
    const gone: string[] = [];
    const retention = new CallRetention({
      onUnretained: (id) => gone.push(id),
      gcMs: 1000,
      scheduler: createScheduler(),
    });
    const first = retention.retain('c1');
    first();
    vi.advanceTimersByTime(500);
    const second = retention.retain('c1');
    vi.advanceTimersByTime(1000);
    expect(gone).toEqual([]);
    second();
    vi.advanceTimersByTime(1000);
    expect(gone).toEqual(['c1']);
  });
});
