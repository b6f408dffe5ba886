import type { EmulatorContext } from '../context.js';
import { LOAD_ACTIONS, performAction, type LoadAction } from './actions.js';
import { createRandom, type Random } from './random.js';

export interface LoadSettings {
  eventsPerSecond: number;
  seconds: number;
  /** Same seed and same starting state: the same sequence of actions. */
  seed?: number;
}

export interface LoadStatus {
  running: boolean;
  eventsPerSecond: number;
  seconds: number;
  seed: number;
  /** Actions done so far, in total and per kind. */
  performed: number;
  byAction: Record<LoadAction, number>;
  /** Actions that failed (e.g. no free generated agent for a new call). */
  failed: number;
  /** Actions still to do when the run was stopped early (0 when it ran to the end). */
  skipped: number;
}

const TICK_MS = 20;

/**
 * Drives random mute, hold, attribute changes and call starts and ends over the live calls at a
 * fixed rate, on real time (not the emulator's clock): every tick it catches up with
 * `eventsPerSecond × elapsed`, so the total is exact even when the event loop is busy.
 */
export class LoadGenerator {
  private timer: NodeJS.Timeout | undefined;
  private status: LoadStatus = LoadGenerator.idle();
  private random: Random = createRandom(0);
  private startedAt = 0;

  constructor(private readonly ctx: EmulatorContext) {}

  private static idle(): LoadStatus {
    return {
      running: false,
      eventsPerSecond: 0,
      seconds: 0,
      seed: 0,
      performed: 0,
      byAction: Object.fromEntries(LOAD_ACTIONS.map((a) => [a, 0])) as Record<LoadAction, number>,
      failed: 0,
      skipped: 0,
    };
  }

  /** Starts a run (stopping any run in progress) and returns at once. */
  start(settings: LoadSettings): LoadStatus {
    this.stop();
    const seed = settings.seed ?? Math.floor(Math.random() * 2 ** 31);
    this.random = createRandom(seed);
    this.status = {
      ...LoadGenerator.idle(),
      running: true,
      eventsPerSecond: settings.eventsPerSecond,
      seconds: settings.seconds,
      seed,
    };
    this.startedAt = performance.now();
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
    return this.snapshot();
  }

  /** Stops the run in progress, if any; returns what it did. */
  stop(): LoadStatus {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.status.skipped = this.total() - this.status.performed - this.status.failed;
      this.status.running = false;
    }
    return this.snapshot();
  }

  snapshot(): LoadStatus {
    return { ...this.status, byAction: { ...this.status.byAction } };
  }

  private total(): number {
    return this.status.eventsPerSecond * this.status.seconds;
  }

  private tick(): void {
    const elapsed = performance.now() - this.startedAt;
    const due = Math.min(this.total(), Math.floor((elapsed * this.status.eventsPerSecond) / 1000));
    while (this.status.performed + this.status.failed < due) {
      const sequence = this.status.performed + this.status.failed + 1;
      try {
        const action = performAction(this.ctx, this.random, sequence);
        this.status.performed += 1;
        this.status.byAction[action] += 1;
      } catch {
        this.status.failed += 1;
      }
    }
    if (this.status.performed + this.status.failed >= this.total()) this.stop();
  }
}
