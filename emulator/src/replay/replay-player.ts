/**
 * Plays a planned replay to the widgets: frames in order on their topics (as recorded, with the
 * emulator's ids), the call records behind them kept in the conversation store so REST reads
 * agree, and recorded failures armed as one-shot faults when their turn comes. Instantly, or on
 * the emulator's clock at the trace's pace (a reset cancels what has not played).
 */
import type { ClockTimer } from '../clock.js';
import { toIso } from '../clock.js';
import type { EmulatorContext } from '../context.js';
import type { ConversationRecord, ParticipantRecord } from '../model/types.js';
import type { ReplayPlan, ReplayStep } from './replay-plan.js';

export interface ReplayStatus {
  state: 'idle' | 'playing' | 'done' | 'cancelled';
  /** Steps played (frames and armed failures) of `total`. */
  played: number;
  total: number;
  /** When the last step is due (emulator time). */
  endsAt?: string;
}

/** Replaces a stored call's state by the record's, keeping each leg object that stays. */
function replaceState(stored: ConversationRecord, next: ConversationRecord): void {
  const legs = new Map(stored.participants.map((p) => [p.id, p]));
  stored.participants = next.participants.map((p): ParticipantRecord => {
    const leg = legs.get(p.id);
    if (!leg) return p;
    for (const key of Object.keys(leg) as (keyof ParticipantRecord)[]) delete leg[key];
    return Object.assign(leg, p);
  });
  stored.queueId = next.queueId;
  stored.startTime = next.startTime;
  stored.recordingState = next.recordingState;
}

export class ReplayPlayer {
  private generation = 0;
  private timers: ClockTimer[] = [];
  private current: ReplayStatus = { state: 'idle', played: 0, total: 0 };

  constructor(private readonly ctx: EmulatorContext) {}

  status(): ReplayStatus {
    return { ...this.current };
  }

  /** Stops what has not played yet (a new replay, a reset, the emulator closing). */
  cancel(): void {
    this.generation += 1;
    for (const timer of this.timers.splice(0)) this.ctx.clock.clearTimeout(timer);
    if (this.current.state === 'playing') this.current = { ...this.current, state: 'cancelled' };
  }

  /** Starts a replay (cancelling one still playing); instant plays every step now. */
  start(plan: ReplayPlan): ReplayStatus {
    this.cancel();
    const generation = this.generation;
    const last = plan.steps.at(-1)?.at ?? 0;
    this.current = {
      state: plan.steps.length === 0 ? 'done' : 'playing',
      played: 0,
      total: plan.steps.length,
      endsAt: toIso(this.ctx.clock.now() + last),
    };
    for (const step of plan.steps) {
      if (step.at <= 0) this.play(step, generation);
      else
        this.timers.push(
          this.ctx.clock.setTimeout(() => this.play(step, generation), step.at, 'replay'),
        );
    }
    return this.status();
  }

  private play(step: ReplayStep, generation: number): void {
    if (generation !== this.generation) return;
    if (step.kind === 'fail') this.ctx.faults.queueFailures([step.failure]);
    else this.frame(step, generation);
    this.current.played += 1;
    if (this.current.played === this.current.total) {
      this.current.state = 'done';
      this.timers = [];
    }
  }

  private frame(step: Extract<ReplayStep, { kind: 'frame' }>, generation: number): void {
    const { record } = step;
    if (record) {
      const stored = this.ctx.conversations.get(record.id);
      // A new call is added as is (the emulator publishes its own rendering of it first);
      // a known one takes the frame's state without a publication of its own.
      if (stored) replaceState(stored, record);
      else this.ctx.conversations.add(record, step.correlationId);
    }
    // After the store's own publication (which also waits for the current reply).
    setImmediate(() => {
      if (generation === this.generation)
        this.ctx.channels.publish(step.topic, step.body, step.correlationId);
    });
  }
}
