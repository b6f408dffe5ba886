/**
 * The emulator's notion of "now", and the one scheduler for everything that waits on it.
 * Advancing it moves token, code and channel expiry forward and fires every wait that falls due.
 */
export interface Clock {
  /** Milliseconds since the epoch, as the emulator sees it. */
  now(): number;
  /**
   * Moves the clock forward, firing the waits that fall due on the way (in due order, each seeing
   * `now()` at its own due time); returns the new time.
   */
  advance(ms: number): number;
  /**
   * Runs `callback` once `ms` have passed on this clock: by real time on a real-time clock, or
   * when `advance()` moves past the due time (whichever comes first). `label` names the wait in
   * `pending()` (e.g. `latency`, `playback tick`).
   */
  setTimeout(callback: () => void, ms: number, label?: string): ClockTimer;
  /** Cancels a wait that has not fired; unknown or fired timers are ignored. */
  clearTimeout(timer: ClockTimer | undefined): void;
  /** The waits that have not fired yet, soonest first. */
  pending(): PendingWait[];
  /**
   * A real-time clock drops what it was advanced by and follows real time again (the emulator's
   * reset does this, so one test's advance does not skew the next one against the browser's
   * clock); a frozen clock stays where it is. Waits keep their due times.
   */
  realign(): void;
}

/** A handle from `Clock.setTimeout`. */
export type ClockTimer = number & { readonly __clockTimer: unique symbol };

export interface PendingWait {
  label: string;
  /** Milliseconds since the epoch, on the emulator's clock. */
  dueAt: number;
}

interface Wait extends PendingWait {
  id: ClockTimer;
  callback: () => void;
  /** The real timer of a real-time clock. */
  handle?: NodeJS.Timeout;
}

/**
 * A clock that follows real time plus an offset, or, given `startMs`, a frozen clock that only
 * moves when advanced (for deterministic tests: its waits fire only from `advance()`).
 *
 * @example
 * const clock = createClock({ startMs: Date.parse('2026-01-01T00:00:00Z') });
 * clock.setTimeout(() => console.log('a minute later'), 60_000);
 * clock.advance(60_000); // logs
 */
export function createClock(options: { startMs?: number } = {}): Clock {
  let offset = 0;
  let lastId = 0;
  const base = options.startMs;
  const realTime = base === undefined;
  const source = realTime ? () => Date.now() : () => base;
  const now = () => source() + offset;
  const waits = new Map<ClockTimer, Wait>();

  const arm = (wait: Wait) => {
    if (!realTime) return;
    if (wait.handle) clearTimeout(wait.handle);
    wait.handle = setTimeout(() => fire(wait), Math.max(0, wait.dueAt - now()));
    wait.handle.unref();
  };
  const fire = (wait: Wait) => {
    if (!waits.delete(wait.id)) return;
    if (wait.handle) clearTimeout(wait.handle);
    try {
      wait.callback();
    } catch (error) {
      console.error(`emulator: a clock wait (${wait.label}) failed`, error);
    }
  };
  const soonestDueBy = (target: number) => {
    let soonest: Wait | undefined;
    for (const wait of waits.values())
      if (wait.dueAt <= target && (!soonest || wait.dueAt < soonest.dueAt)) soonest = wait;
    return soonest;
  };

  return {
    now,
    advance(ms: number) {
      const target = now() + Math.max(0, ms);
      for (let wait = soonestDueBy(target); wait; wait = soonestDueBy(target)) {
        offset += Math.max(0, wait.dueAt - now());
        fire(wait);
      }
      offset += Math.max(0, target - now());
      // The real timers of the waits left are now due sooner.
      for (const wait of waits.values()) arm(wait);
      return now();
    },
    setTimeout(callback: () => void, ms: number, label = 'timer') {
      lastId += 1;
      const wait: Wait = {
        id: lastId as ClockTimer,
        label,
        dueAt: now() + Math.max(0, ms),
        callback,
      };
      waits.set(wait.id, wait);
      arm(wait);
      return wait.id;
    },
    clearTimeout(timer: ClockTimer | undefined) {
      const wait = timer === undefined ? undefined : waits.get(timer);
      if (!wait) return;
      waits.delete(wait.id);
      if (wait.handle) clearTimeout(wait.handle);
    },
    realign() {
      if (!realTime) return;
      offset = 0;
      for (const wait of waits.values()) arm(wait);
    },
    pending: () =>
      [...waits.values()]
        .sort((a, b) => a.dueAt - b.dueAt)
        .map(({ label, dueAt }) => ({ label, dueAt })),
  };
}

/**
 * A promise that resolves after `ms` on the emulator's clock (real time, or an advance).
 *
 * @example
 * await delay(ctx.clock, ctx.faults.latencyMs, 'latency');
 */
export function delay(clock: Clock, ms: number, label: string): Promise<void> {
  return new Promise((resolve) => clock.setTimeout(resolve, ms, label));
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}
