/**
 * Secure IVR sessions (contract §2.8) and the flows they run: every seeded secure call flow is
 * "Play Prompt". A tick (default every 250 ms, `playbackTickMs`) drives every running flow. The
 * ticks are waits on the emulator's clock: a frozen test clock runs them (and so moves a prompt
 * on, reads digits and stop requests) only when advanced.
 */
import type { Models } from 'purecloud-platform-client-v2';
import type { ClockTimer } from '../clock.js';
import { ApiError, badRequest } from '../errors.js';
import type { ConversationRecord, ParticipantRecord } from '../model/types.js';
import { findFlow, type SeedFlow } from '../seed-architect.js';
import { flowRef } from './architect-shapes.js';
import {
  PlayPromptRun,
  type EndReason,
  type FlowDeps,
  type PlaybackMode,
} from './play-prompt-flow.js';
import { parsePlayRequest } from './user-data.js';

export const DEFAULT_PLAYBACK_TICK_MS = 250;

export type SecureSessionState = 'PENDING' | 'COMPLETED' | 'FAILED';

export interface SecureSessionRecord {
  id: string;
  conversationId: string;
  participantId: string;
  flow: SeedFlow;
  userData: string;
  sourceParticipantId?: string;
  disconnect: boolean;
  state: SecureSessionState;
  createdAt: number;
  run: PlayPromptRun;
}

export interface CreateSecureSessionInput {
  flowId: string;
  userData: string;
  sourceParticipantId?: string;
  disconnect?: boolean;
}

/** A caller hang-up or a flow error fails the session; every other end completes it. */
const sessionStateFor = (reason: EndReason): SecureSessionState =>
  reason === 'hangup' || reason === 'error' ? 'FAILED' : 'COMPLETED';

export class PlaybackEngine {
  mode: PlaybackMode = 'attributes';
  private sessions: SecureSessionRecord[] = [];
  private timer: ClockTimer | undefined;

  constructor(
    private readonly deps: FlowDeps,
    readonly tickMs = DEFAULT_PLAYBACK_TICK_MS,
  ) {}

  /**
   * Sends `customer` into the flow. Throws the API's error, with nothing started, for a flow that
   * is not a secure call flow, `userData` that is not the flow's protocol, or a session already
   * running on this participant.
   */
  start(
    conversation: ConversationRecord,
    customer: ParticipantRecord,
    input: CreateSecureSessionInput,
  ): SecureSessionRecord {
    const flow = findFlow(input.flowId);
    if (!flow || flow.type !== 'SECURECALL')
      throw badRequest(
        `Flow ${input.flowId} was not found or is not a secure call flow.`,
        'invalid.value',
        'flowId',
      );
    if (this.running(conversation.id, customer.id))
      throw new ApiError(
        409,
        'conflict',
        `A secure session is already in progress for participant ${customer.id}.`,
      );
    const request = parsePlayRequest(input.userData);
    const run = new PlayPromptRun(this.deps, conversation, customer, request, this.mode);
    const session: SecureSessionRecord = {
      id: this.deps.ids.uuid(),
      conversationId: conversation.id,
      participantId: customer.id,
      flow,
      userData: input.userData,
      sourceParticipantId: input.sourceParticipantId,
      disconnect: input.disconnect ?? false,
      state: 'PENDING',
      createdAt: this.deps.clock.now(),
      run,
    };
    this.sessions.push(session);
    run.begin();
    this.settle(session);
    this.schedule();
    return session;
  }

  /** Sessions of one participant, oldest first. */
  forParticipant(conversationId: string, participantId: string): SecureSessionRecord[] {
    return this.sessions.filter(
      (s) => s.conversationId === conversationId && s.participantId === participantId,
    );
  }

  all(): readonly SecureSessionRecord[] {
    return this.sessions;
  }

  running(conversationId: string, participantId: string): SecureSessionRecord | undefined {
    return this.forParticipant(conversationId, participantId).find((s) => s.state === 'PENDING');
  }

  reset(): void {
    for (const session of this.sessions) session.run.cancel();
    this.sessions = [];
    this.mode = 'attributes';
    this.stopTimer();
  }

  /** Runs every pending flow once (the timer calls this; tests may too). */
  tick(): void {
    for (const session of this.sessions) {
      if (session.state !== 'PENDING') continue;
      try {
        session.run.tick();
        this.settle(session);
      } catch (error) {
        // A bug here must not take the emulator down from a timer.
        console.error('emulator: the Play Prompt flow failed', error);
        session.state = 'FAILED';
      }
    }
    if (!this.sessions.some((s) => s.state === 'PENDING')) this.stopTimer();
  }

  private settle(session: SecureSessionRecord): void {
    const end = session.run.ended;
    if (end && session.state === 'PENDING') session.state = sessionStateFor(end.reason);
  }

  private schedule(): void {
    if (this.timer || !this.sessions.some((s) => s.state === 'PENDING')) return;
    this.timer = this.deps.clock.setTimeout(
      () => {
        this.timer = undefined;
        this.tick();
        this.schedule();
      },
      this.tickMs,
      'playback tick',
    );
  }

  private stopTimer(): void {
    this.deps.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** `SecureSession` body (SDK 262 `Models.SecureSession`). */
export function toSecureSession(session: SecureSessionRecord): Models.SecureSession {
  return {
    id: session.id,
    flow: flowRef(session.flow),
    userData: session.userData,
    state: session.state,
    sourceParticipantId: session.sourceParticipantId,
    disconnect: session.disconnect,
    selfUri: `/api/v2/conversations/${session.conversationId}/participants/${session.participantId}/secureivrsessions/${session.id}`,
  };
}
