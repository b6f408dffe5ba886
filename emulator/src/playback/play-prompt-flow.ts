/**
 * One run of the seeded "Play Prompt" secure call flow (product brief §4): an `ivr` leg joins,
 * the flow writes `lcp.playback.*` attributes on the customer, plays the prompt (looping up to
 * `maxDurationSeconds`), checks the stop attribute and the caller's digits on every tick, and
 * returns the caller to the agent (the `ivr` leg leaves with `transfer`).
 */
import type { Clock, ClockTimer } from '../clock.js';
import { toIso } from '../clock.js';
import type { IdSource } from '../ids.js';
import { IVR_PLACE, ivrUri } from '../model/addresses.js';
import type { ConversationStore } from '../model/conversations.js';
import { isActiveState, type ConversationRecord, type ParticipantRecord } from '../model/types.js';
import { findPrompt, playableResource } from '../seed-architect.js';
import type { PlayRequest } from './user-data.js';

/**
 * `attributes`: the flow's writes reach the customer at once. `legOnly`: no writes. `late`: the
 * writes reach the customer only after the flow has ended and the ivr leg has left, one key per
 * change and not in the order they were set (each key with its last value), and the stop
 * attribute is read only between repetitions of the prompt (contract §2.8: Set Participant Data
 * is asynchronous, a secure flow's values reach the agent when it ends).
 */
export type PlaybackMode = 'attributes' | 'legOnly' | 'late';

/** In `late` mode, how long after the flow's end its attributes arrive (emulator's clock). */
export const LATE_ATTRIBUTES_AFTER_MS = 1_000;
export type EndReason = 'completed' | 'maxDuration' | 'agentStop' | 'dtmf' | 'hangup' | 'error';
export type PlaybackState = 'playing' | 'completed' | 'stopped' | 'failed';

export const ATTRIBUTE = {
  requestId: 'lcp.playback.requestId',
  state: 'lcp.playback.state',
  promptId: 'lcp.playback.promptId',
  startedAt: 'lcp.playback.startedAt',
  endedAt: 'lcp.playback.endedAt',
  reason: 'lcp.playback.reason',
  lastDigit: 'lcp.playback.lastDigit',
  /** Written by the widget (value = the request id); read by the flow. */
  stopRequested: 'lcp.playback.stopRequested',
} as const;

/** The final `lcp.playback.state` for each reason. */
export const FINAL_STATE: Record<EndReason, PlaybackState> = {
  completed: 'completed',
  maxDuration: 'completed',
  agentStop: 'stopped',
  dtmf: 'stopped',
  hangup: 'stopped',
  error: 'failed',
};

export interface FlowDeps {
  clock: Clock;
  ids: IdSource;
  conversations: ConversationStore;
}

export interface RunEnd {
  reason: EndReason;
  at: number;
}

export class PlayPromptRun {
  readonly ivrLeg: ParticipantRecord;
  private promptId: string;
  /** Length of the prompt playing now; undefined when it has no audio. */
  private durationMs: number | undefined;
  private promptStartedAt: number;
  private digitCursor: number;
  private outcome: RunEnd | undefined;
  /** `late` mode: the flow's writes not delivered yet, each key with its last value. */
  private readonly unsent = new Map<string, string>();
  private lateTimer: ClockTimer | undefined;
  /** `late` mode: the last end of a repetition at which the stop attribute was read. */
  private checkedBoundary: number;

  constructor(
    private readonly deps: FlowDeps,
    private readonly conversation: ConversationRecord,
    private readonly customer: ParticipantRecord,
    readonly request: PlayRequest,
    readonly mode: PlaybackMode,
  ) {
    const now = deps.clock.now();
    const session = ivrUri(deps.ids.uuid());
    this.ivrLeg = {
      id: deps.ids.uuid(),
      callId: deps.ids.uuid(),
      purpose: 'ivr',
      name: IVR_PLACE,
      address: session,
      state: 'connected',
      initialState: 'connected',
      direction: 'inbound',
      startTime: now,
      connectedTime: now,
      held: false,
      muted: false,
      confined: false,
      recording: false,
      attributes: {},
      ani: customer.ani,
      dnis: session,
      peer: customer.callId,
    };
    this.promptId = request.promptId;
    this.durationMs = durationOf(request.promptId);
    this.promptStartedAt = now;
    this.checkedBoundary = now;
    this.digitCursor = conversation.digits.length;
  }

  get ended(): RunEnd | undefined {
    return this.outcome;
  }

  get currentPromptId(): string {
    return this.promptId;
  }

  get startedAt(): number {
    return this.promptStartedAt;
  }

  /** The caller enters the flow: the ivr leg joins, then the flow announces `playing`. */
  begin(): void {
    this.conversation.participants.push(this.ivrLeg);
    this.deps.conversations.changed(this.conversation, this.deps.ids.uuid());
    this.write({
      [ATTRIBUTE.requestId]: this.request.requestId,
      [ATTRIBUTE.state]: 'playing',
      [ATTRIBUTE.promptId]: this.promptId,
      [ATTRIBUTE.startedAt]: toIso(this.promptStartedAt),
      [ATTRIBUTE.endedAt]: '',
      [ATTRIBUTE.reason]: '',
      [ATTRIBUTE.lastDigit]: '',
    });
    if (this.durationMs === undefined) this.end('error', this.promptStartedAt);
  }

  /** One check between audio pieces; returns true once the run has ended. */
  tick(): boolean {
    if (this.outcome) return true;
    const now = this.deps.clock.now();
    if (!isActiveState(this.customer.state)) {
      this.end('hangup', this.customer.endTime ?? now);
      return true;
    }
    while (!this.outcome && this.digitCursor < this.conversation.digits.length) {
      this.onDigit(this.conversation.digits[this.digitCursor]!);
      this.digitCursor += 1;
    }
    if (this.outcome) return true;
    if (this.mode === 'late') {
      if (this.betweenRepetitions(now)) return true;
    } else if (this.stopRequested()) {
      this.end('agentStop', now);
      return true;
    }
    const timeUp = this.timeUp();
    if (timeUp && timeUp.at <= now) this.end(timeUp.reason, timeUp.at);
    return this.outcome !== undefined;
  }

  private stopRequested(): boolean {
    return this.customer.attributes[ATTRIBUTE.stopRequested] === this.request.requestId;
  }

  /**
   * `late` mode: at the end of each repetition of the prompt (the last one passed by `now`) the
   * flow reads the stop attribute; between those ends it does not. Returns true once ended.
   */
  private betweenRepetitions(now: number): boolean {
    if (this.durationMs === undefined || this.durationMs <= 0) return false;
    const played = Math.floor((now - this.promptStartedAt) / this.durationMs);
    const boundary = this.promptStartedAt + played * this.durationMs;
    if (played < 1 || boundary <= this.checkedBoundary) return false;
    this.checkedBoundary = boundary;
    const timeUp = this.timeUp();
    if (timeUp && timeUp.at <= boundary) this.end(timeUp.reason, timeUp.at);
    else if (this.stopRequested()) this.end('agentStop', boundary);
    return this.outcome !== undefined;
  }

  /** `late` mode: drops the delivery still waiting (the emulator's reset). */
  cancel(): void {
    this.deps.clock.clearTimeout(this.lateTimer);
    this.lateTimer = undefined;
  }

  /** When the current prompt ends by itself: at its end, or at the cap (loop or not). */
  private timeUp(): RunEnd | undefined {
    if (this.durationMs === undefined) return undefined;
    const capMs = this.request.maxDurationSeconds * 1000;
    if (!this.request.loop && this.durationMs <= capMs)
      return { reason: 'completed', at: this.promptStartedAt + this.durationMs };
    return { reason: 'maxDuration', at: this.promptStartedAt + capMs };
  }

  private onDigit(digit: string): void {
    const target = this.request.dtmf[digit];
    if (target === undefined) {
      this.write({ [ATTRIBUTE.lastDigit]: digit });
    } else if (target === '') {
      this.write({ [ATTRIBUTE.lastDigit]: digit });
      this.end('dtmf', this.deps.clock.now());
    } else {
      this.switchTo(target, digit);
    }
  }

  /** A DTMF rule: the new prompt starts from its beginning, with the timing restarted. */
  private switchTo(promptId: string, digit: string): void {
    this.promptId = promptId;
    this.durationMs = durationOf(promptId);
    this.promptStartedAt = this.deps.clock.now();
    this.checkedBoundary = this.promptStartedAt;
    this.write({
      [ATTRIBUTE.promptId]: promptId,
      [ATTRIBUTE.startedAt]: toIso(this.promptStartedAt),
      [ATTRIBUTE.lastDigit]: digit,
    });
    if (this.durationMs === undefined) this.end('error', this.promptStartedAt);
  }

  /** Final attributes, then Return to Agent: the ivr leg leaves (unless the call already ended). */
  private end(reason: EndReason, at: number): void {
    this.outcome = { reason, at };
    this.write({
      [ATTRIBUTE.state]: FINAL_STATE[reason],
      [ATTRIBUTE.reason]: reason,
      [ATTRIBUTE.endedAt]: toIso(at),
    });
    if (this.mode === 'late')
      this.lateTimer = this.deps.clock.setTimeout(
        () => this.deliverLate(),
        LATE_ATTRIBUTES_AFTER_MS,
        'late flow attributes',
      );
    if (!isActiveState(this.ivrLeg.state)) return;
    this.ivrLeg.state = 'disconnected';
    this.ivrLeg.endTime = this.deps.clock.now();
    this.ivrLeg.disconnectType = 'transfer';
    this.deps.conversations.changed(this.conversation, this.deps.ids.uuid());
  }

  /** `late` mode: one change per key, last set first (the reverse of the order they were set). */
  private deliverLate(): void {
    this.lateTimer = undefined;
    for (const [key, value] of [...this.unsent].reverse()) this.merge({ [key]: value });
    this.unsent.clear();
  }

  /** Set Participant Data on the customer; nothing in leg-only mode, held back in late mode. */
  private write(attributes: Record<string, string>): void {
    if (this.mode === 'legOnly') return;
    if (this.mode === 'late') {
      for (const [key, value] of Object.entries(attributes)) this.unsent.set(key, value);
      return;
    }
    this.merge(attributes);
  }

  private merge(attributes: Record<string, string>): void {
    try {
      this.deps.conversations.mergeAttributes(
        this.conversation,
        this.customer,
        attributes,
        this.deps.ids.uuid(),
      );
    } catch {
      // A full attribute map refuses the write; the flow carries on (the leg still tells).
    }
  }
}

function durationOf(promptId: string): number | undefined {
  const prompt = findPrompt(promptId);
  return prompt ? playableResource(prompt)?.durationMs : undefined;
}
