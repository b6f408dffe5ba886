/** The emulator's clock and its scheduler: waits fire by real time or when the clock is advanced. */
import { describe, expect, it } from 'vitest';
import { createClock, delay } from '../src/clock.js';

const START = Date.parse('2026-11-21T09:00:00Z');

describe('a frozen clock', () => {
  it('fires waits only when advanced past them, in due order, each at its own time', () => {
    const clock = createClock({ startMs: START });
    const fired: [string, number][] = [];
    clock.setTimeout(() => fired.push(['b', clock.now() - START]), 200, 'b');
    clock.setTimeout(() => fired.push(['a', clock.now() - START]), 100, 'a');
    clock.setTimeout(() => fired.push(['c', clock.now() - START]), 300, 'c');
    expect(clock.pending()).toEqual([
      { label: 'a', dueAt: START + 100 },
      { label: 'b', dueAt: START + 200 },
      { label: 'c', dueAt: START + 300 },
    ]);
    expect(clock.advance(99)).toBe(START + 99);
    expect(fired).toEqual([]);
    expect(clock.advance(151)).toBe(START + 250);
    expect(fired).toEqual([
      ['a', 100],
      ['b', 200],
    ]);
    expect(clock.pending().map((w) => w.label)).toEqual(['c']);
  });

  it('runs a wait scheduled by a firing wait in the same advance when it falls due', () => {
    const clock = createClock({ startMs: START });
    const ticks: number[] = [];
    const tick = () => {
      ticks.push(clock.now() - START);
      clock.setTimeout(tick, 250, 'tick');
    };
    clock.setTimeout(tick, 250, 'tick');
    clock.advance(1_000);
    expect(ticks).toEqual([250, 500, 750, 1_000]);
    expect(clock.pending()).toEqual([{ label: 'tick', dueAt: START + 1_250 }]);
  });

  it('forgets a cleared wait, and a wait that throws does not stop the others', () => {
    const clock = createClock({ startMs: START });
    const fired: string[] = [];
    const cleared = clock.setTimeout(() => fired.push('cleared'), 10);
    clock.setTimeout(() => {
      throw new Error('boom');
    }, 20);
    clock.setTimeout(() => fired.push('kept'), 30);
    clock.clearTimeout(cleared);
    clock.clearTimeout(cleared);
    const quiet = console.error;
    console.error = () => undefined;
    try {
      clock.advance(30);
    } finally {
      console.error = quiet;
    }
    expect(fired).toEqual(['kept']);
    expect(clock.pending()).toEqual([]);
  });
});

describe('a real-time clock', () => {
  it('fires a long wait at once when advanced past it, and nothing twice', async () => {
    const clock = createClock();
    let fired = 0;
    const done = delay(clock, 3_600_000, 'an hour').then(() => (fired += 1));
    expect(clock.pending().map((w) => w.label)).toEqual(['an hour']);
    clock.advance(3_600_000);
    await done;
    expect(fired).toBe(1);
    expect(clock.pending()).toEqual([]);
  });

  it('realigns with real time (the emulator reset), a frozen clock stays put', () => {
    const clock = createClock();
    clock.advance(3_600_000);
    expect(clock.now()).toBeGreaterThan(Date.now() + 3_500_000);
    clock.realign();
    expect(clock.now()).toBeLessThanOrEqual(Date.now());
    const frozen = createClock({ startMs: START });
    frozen.advance(1_000);
    frozen.realign();
    expect(frozen.now()).toBe(START + 1_000);
  });

  it('fires a wait by real time without any advance', async () => {
    const clock = createClock();
    const order: string[] = [];
    await Promise.all([
      delay(clock, 20, 'second').then(() => order.push('second')),
      delay(clock, 0, 'first').then(() => order.push('first')),
    ]);
    expect(order).toEqual(['first', 'second']);
  });
});
