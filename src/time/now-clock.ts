import type { Cancel, Scheduler } from './scheduler';

/** The on-screen clock of one widget: one interval for every timer shown, while any listens. */
export interface NowClock {
  subscribe(listener: () => void): () => void;
  /** The time of the last tick (stable between ticks, as `useSyncExternalStore` needs). */
  read(): number;
  /** How many listen (for tests and soak checks). */
  listeners(): number;
  /** Stops ticking and forgets every listener (the widget stopped). */
  dispose(): void;
}

/**
 * One shared clock for every on-screen timer of a widget (a table of 500 calls has one
 * interval, not 500), on the widget's scheduler. Ticks only while something listens.
 *
 * @example
 * const clock = createNowClock(scheduler);
 * const off = clock.subscribe(() => render(clock.read()));
 */
export function createNowClock(scheduler: Scheduler, tickMs = 1000): NowClock {
  const listeners = new Set<() => void>();
  let now = scheduler.now();
  let stop: Cancel | undefined;
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!stop) {
        now = scheduler.now();
        stop = scheduler.every(tickMs, () => {
          now = scheduler.now();
          for (const l of [...listeners]) l();
        });
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          stop?.();
          stop = undefined;
        }
      };
    },
    read() {
      // Not ticking: catch up, but only by whole ticks, so two reads in a row agree.
      if (!stop && scheduler.now() - now >= tickMs) now = scheduler.now();
      return now;
    },
    listeners: () => listeners.size,
    dispose() {
      listeners.clear();
      stop?.();
      stop = undefined;
    },
  };
}
