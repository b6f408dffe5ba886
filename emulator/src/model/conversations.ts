import type { Clock } from '../clock.js';
import type { IdSource } from '../ids.js';
import { findQueue, findUser, QUEUES, type SeedUser } from '../seed.js';
import { badRequest, notFound } from '../errors.js';
import { changesAnything, checkAttributeChange, mergedAttributes } from './attribute-limits.js';
import { buildInboundLegs } from './inbound-legs.js';
import { isSupervisoryLeg, newSupervisorLeg } from './supervision.js';
import { inAcw, startAcw, timeOutAcw } from './wrapup.js';
import {
  isActiveState,
  isEnded,
  type ConversationRecord,
  type ParticipantRecord,
} from './types.js';

export interface InboundCallInput {
  agent: SeedUser;
  queue?: string;
  ani?: string;
  customerName?: string;
  attributes?: Record<string, string>;
  autoAnswer?: boolean;
  /** Start with an ivr leg (default true). */
  ivr?: boolean;
  /** Missed alerts of the agent before the leg that rings now (0..5). */
  missedAlerts?: number;
  /** After-call work for the agent when their leg ends (wrapup.ts); none by default. */
  wrapup?: 'required' | 'optional';
  /** The call is recorded from the start (`recordingState: active`); `none` by default. */
  recording?: boolean;
}

/** Called after every change with the conversation and the correlation id that caused it. */
export type ChangeListener = (conversation: ConversationRecord, correlationId: string) => void;

/**
 * In-memory conversations. Every mutation goes through here and ends in exactly one change
 * notification (publish.ts turns it into topic events).
 */
export class ConversationStore {
  private readonly conversations = new Map<string, ConversationRecord>();

  constructor(
    private readonly clock: Clock,
    private readonly ids: IdSource,
    private readonly onChange: ChangeListener,
  ) {}

  reset(): void {
    this.conversations.clear();
  }

  all(): ConversationRecord[] {
    return [...this.conversations.values()];
  }

  get(id: string): ConversationRecord | undefined {
    return this.conversations.get(id);
  }

  requireParticipant(conversation: ConversationRecord, pid: string): ParticipantRecord {
    const participant = conversation.participants.find((p) => p.id === pid);
    if (!participant) throw notFound(`Participant ${pid} was not found on this conversation.`);
    return participant;
  }

  /**
   * Active calls (not ended) in which the user has a non-disconnected leg, and calls in which a
   * leg of theirs is in after-call work (FIDELITY.md W2).
   */
  activeForUser(userId: string): ConversationRecord[] {
    return this.all().filter((c) =>
      c.participants.some(
        (p) => p.userId === userId && ((!isEnded(c) && isActiveState(p.state)) || inAcw(p)),
      ),
    );
  }

  /** Adds a conversation made elsewhere (outbound.ts) and publishes it. */
  add(conversation: ConversationRecord, correlationId: string): void {
    this.conversations.set(conversation.id, conversation);
    this.onChange(conversation, correlationId);
  }

  /**
   * Ends one leg (no event: the caller publishes once for the whole change). A leg in a call
   * with after-call work enters ACW; an optional prompt times out on the clock.
   */
  endLeg(conversation: ConversationRecord, p: ParticipantRecord, disconnectType: string): void {
    const now = this.clock.now();
    p.state = 'disconnected';
    p.endTime = now;
    p.held = false;
    p.startHoldTime = undefined;
    p.disconnectType = disconnectType;
    if (!startAcw(conversation, p, now) || p.wrapupPrompt !== 'optional') return;
    this.clock.setTimeout(
      () => {
        if (this.get(conversation.id) !== conversation) return;
        if (timeOutAcw(p, this.clock.now())) this.onChange(conversation, this.ids.uuid());
      },
      p.wrapupTimeoutMs ?? 0,
      'after-call work times out',
    );
  }

  createInbound(input: InboundCallInput, correlationId: string): ConversationRecord {
    const queue = input.queue
      ? findQueue(input.queue)
      : (QUEUES.find((q) => input.agent.queueIds.includes(q.id)) ?? QUEUES[0]);
    if (!queue) throw badRequest(`Unknown queue ${input.queue ?? ''}.`, 'invalid.value', 'queue');
    const now = this.clock.now();
    const participants = buildInboundLegs(
      { ...input, queue, ani: input.ani ?? 'tel:+15555550123' },
      now,
      this.ids,
    );
    const agent = participants[participants.length - 1]!;
    const conversation: ConversationRecord = {
      id: this.ids.uuid(),
      queueId: queue.id,
      startTime: participants[0]!.startTime,
      participants,
      recordingState: input.recording ? 'active' : 'none',
      digits: [],
      wrapup: input.wrapup,
    };
    this.conversations.set(conversation.id, conversation);
    this.onChange(conversation, correlationId);
    if (input.autoAnswer !== false) this.answer(conversation, agent, correlationId);
    return conversation;
  }

  answer(conversation: ConversationRecord, agent: ParticipantRecord, correlationId: string): void {
    const now = this.clock.now();
    agent.state = 'connected';
    agent.connectedTime = now;
    const acd = conversation.participants.find(
      (p) => p.purpose === 'acd' && isActiveState(p.state),
    );
    if (acd) {
      acd.state = 'disconnected';
      acd.endTime = now;
      acd.disconnectType = 'transfer';
    }
    this.onChange(conversation, correlationId);
  }

  /** Applies muted/held; returns whether anything changed (no event when nothing did). */
  setFlags(
    conversation: ConversationRecord,
    participant: ParticipantRecord,
    flags: { muted?: boolean; held?: boolean },
    correlationId: string,
  ): boolean {
    let changed = false;
    if (flags.muted !== undefined && flags.muted !== participant.muted) {
      participant.muted = flags.muted;
      changed = true;
    }
    if (flags.held !== undefined && flags.held !== participant.held) {
      participant.held = flags.held;
      participant.startHoldTime = flags.held ? this.clock.now() : undefined;
      changed = true;
    }
    if (changed) this.onChange(conversation, correlationId);
    return changed;
  }

  /** Publishes a change made to a record outside this class (supervision.ts, load/). */
  changed(conversation: ConversationRecord, correlationId: string): void {
    this.onChange(conversation, correlationId);
  }

  /**
   * Ends the call from one side; everyone else still on the line is disconnected as `peer`. A
   * monitoring, coaching or barging supervisor who hangs up leaves alone.
   */
  hangUp(
    conversation: ConversationRecord,
    by: ParticipantRecord,
    disconnectType: string,
    correlationId: string,
  ): void {
    for (const p of conversation.participants) {
      if (!isActiveState(p.state) || (isSupervisoryLeg(by) && p !== by)) continue;
      this.endLeg(conversation, p, p === by ? disconnectType : 'peer');
    }
    this.onChange(conversation, correlationId);
  }

  /**
   * Upsert-merges string attributes within the limits of attribute-limits.ts (throws the API's
   * error otherwise); publishes only when something changed. Returns the merged map.
   */
  mergeAttributes(
    conversation: ConversationRecord,
    participant: ParticipantRecord,
    attributes: Record<string, string>,
    correlationId: string,
  ): Record<string, string> {
    checkAttributeChange(participant.attributes, attributes);
    if (changesAnything(participant.attributes, attributes)) {
      participant.attributes = mergedAttributes(participant.attributes, attributes);
      this.onChange(conversation, correlationId);
    }
    return { ...participant.attributes };
  }

  /** A supervisor who is not yet on the call joins as a barge participant (see FIDELITY.md). */
  ensureSupervisorOnCall(
    conversation: ConversationRecord,
    supervisorId: string,
    target: ParticipantRecord,
    correlationId: string,
  ): ParticipantRecord {
    const existing = conversation.participants.find(
      (p) => p.userId === supervisorId && isActiveState(p.state),
    );
    if (existing) return existing;
    const supervisor = findUser(supervisorId);
    if (!supervisor) throw notFound(`User ${supervisorId} was not found.`);
    const participant = newSupervisorLeg(supervisor, target, 'barge', this.clock.now(), this.ids);
    conversation.participants.push(participant);
    this.onChange(conversation, correlationId);
    return participant;
  }
}
