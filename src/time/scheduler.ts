/** Cancels what `after` or `every` scheduled; calling it twice is harmless. */
export type Cancel = () => void;

/**
 * The one timer abstraction of a widget: realtime, intents, supervisor reads and the session
 * schedule through it, so a test replaces time in one place and a soak counts live timers in one
 * place (the role TanStack Query's `timeoutManager` plays there).
 *
 * @example
 * const scheduler = createScheduler();
 * const cancel = scheduler.after(5000, () => rollBack());
 * cancel(); // confirmed in time
 */
export interface Scheduler {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `run` once, `ms` from now. */
  after(ms: number, run: () => void): Cancel;
  /** Runs `run` every `ms` until cancelled. */
  every(ms: number, run: () => void): Cancel;
  /** How many timers are scheduled and not yet run or cancelled. */
  live(): number;
}

/** The host's timers (read at call time, so test fake timers apply), counted. */
export function createScheduler(clock: { now(): number } = { now: () => Date.now() }): Scheduler {
  let live = 0;
  const track = (start: () => void, stop: () => void, once: boolean) => {
    let active = true;
    live += 1;
    start();
    const cancel = () => {
      if (!active) return;
      active = false;
      live -= 1;
      stop();
    };
    return { cancel, fired: once ? cancel : () => undefined, isActive: () => active };
  };
  return {
    now: () => clock.now(),
    after(ms, run) {
      let handle: ReturnType<typeof setTimeout> | undefined;
      const timer = track(
        () => {
          handle = setTimeout(() => {
            timer.fired();
            run();
          }, ms);
        },
        () => clearTimeout(handle),
        true,
      );
      return timer.cancel;
    },
    every(ms, run) {
      let handle: ReturnType<typeof setInterval> | undefined;
      const timer = track(
        () => {
          handle = setInterval(run, ms);
        },
        () => clearInterval(handle),
        false,
      );
      return timer.cancel;
    },
    live: () => live,
  };
}

/** One-shot timers by name: setting a name again replaces its timer. */
export class NamedTimers {
  private readonly cancels = new Map<string, Cancel>();

  constructor(private readonly scheduler: Scheduler = createScheduler()) {}

  set(name: string, ms: number, run: () => void): void {
    this.clear(name);
    this.cancels.set(
      name,
      this.scheduler.after(ms, () => {
        this.cancels.delete(name);
        run();
      }),
    );
  }

  has(name: string): boolean {
    return this.cancels.has(name);
  }

  clear(name: string): void {
    this.cancels.get(name)?.();
    this.cancels.delete(name);
  }

  /** A one-timer scheduler under `name` (for code that takes `after`), cleared by `clearAll`. */
  named(name: string): Pick<Scheduler, 'after'> {
    return {
      after: (ms, run) => {
        this.set(name, ms, run);
        return () => this.clear(name);
      },
    };
  }

  clearAll(): void {
    for (const cancel of this.cancels.values()) cancel();
    this.cancels.clear();
  }
}
