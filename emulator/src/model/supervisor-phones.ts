/**
 * The supervisor's phone (contract §2.7): monitor, coach and barge call the supervisor's station,
 * so the new leg rings (`alerting`) until the phone answers (`connected`), or goes unanswered and
 * ends as a missed alert does (`system` when the alert times out, `client` when declined). A user
 * without a station cannot supervise (400 `conversation.error.no.user.station`).
 *
 * Per user (until reset): whether they have a station, and whether their phone answers by itself
 * after `autoAnswerMs` on the emulator's clock (the default, so a supervisor's leg is connected a
 * moment after the request, as with an auto-answer phone) or rings until the control plane
 * answers it or `alertTimeoutMs` passes.
 */
import type { Clock, ClockTimer } from '../clock.js';
import { ApiError } from '../errors.js';
import { isActiveState, type ConversationRecord, type ParticipantRecord } from './types.js';

export type PhoneAnswer = 'auto' | 'manual';
export type UnansweredReason = 'timeout' | 'declined';

export interface PhoneSettings {
  /** Without a station, monitor / coach / barge answer 400 `conversation.error.no.user.station`. */
  station: boolean;
  /** `auto`: answers after `autoAnswerMs`; `manual`: rings until answered or timed out. */
  answer: PhoneAnswer;
  autoAnswerMs: number;
  /** A ringing leg nobody answers ends `system` after this long (manual phones). */
  alertTimeoutMs: number;
}

export const DEFAULT_PHONE: Readonly<PhoneSettings> = {
  station: true,
  answer: 'auto',
  autoAnswerMs: 1_000,
  alertTimeoutMs: 30_000,
};

/** The disconnect type a missed alert carries, by how it was missed (contract §2.3a). */
export const UNANSWERED_DISCONNECT: Record<UnansweredReason, string> = {
  timeout: 'system',
  declined: 'client',
};

export const noUserStation = () =>
  new ApiError(
    400,
    'conversation.error.no.user.station',
    'The user does not have a station; a station is required to monitor, coach or barge.',
  );

interface PhoneDeps {
  clock: Clock;
  /** Publishes a change (ConversationStore.changed). */
  changed(conversation: ConversationRecord, correlationId: string): void;
  newCorrelationId(): string;
}

interface Ringing {
  conversation: ConversationRecord;
  leg: ParticipantRecord;
  timer: ClockTimer;
}

export class SupervisorPhones {
  private readonly settings = new Map<string, PhoneSettings>();
  private ringing: Ringing[] = [];

  constructor(private readonly deps: PhoneDeps) {}

  of(userId: string): PhoneSettings {
    return { ...(this.settings.get(userId) ?? DEFAULT_PHONE) };
  }

  set(userId: string, change: Partial<PhoneSettings>): PhoneSettings {
    const next = { ...this.of(userId), ...change };
    this.settings.set(userId, next);
    return { ...next };
  }

  requireStation(userId: string): void {
    if (!this.of(userId).station) throw noUserStation();
  }

  /** A new supervisor leg starts ringing: answered or timed out later, on the clock. */
  ring(conversation: ConversationRecord, leg: ParticipantRecord): void {
    const phone = this.of(leg.userId ?? '');
    leg.alertingTimeoutMs = phone.alertTimeoutMs;
    const timer =
      phone.answer === 'auto'
        ? this.deps.clock.setTimeout(
            () => this.answer(conversation, leg, this.deps.newCorrelationId()),
            phone.autoAnswerMs,
            'supervisor phone answers',
          )
        : this.deps.clock.setTimeout(
            () => this.unanswered(conversation, leg, 'timeout', this.deps.newCorrelationId()),
            phone.alertTimeoutMs,
            'supervisor phone alert timeout',
          );
    this.ringing.push({ conversation, leg, timer });
  }

  /** Legs of this user still ringing (on one call, or on any). */
  ringingLegsOf(
    userId: string,
    conversationId?: string,
  ): { conversation: ConversationRecord; leg: ParticipantRecord }[] {
    return this.ringing
      .filter(({ leg }) => leg.state === 'alerting' && leg.userId === userId)
      .filter(({ conversation }) => !conversationId || conversation.id === conversationId)
      .map(({ conversation, leg }) => ({ conversation, leg }));
  }

  /** The phone is picked up: `connected` (nothing when the leg no longer rings). */
  answer(conversation: ConversationRecord, leg: ParticipantRecord, correlationId: string): boolean {
    if (!this.forget(leg) || leg.state !== 'alerting') return false;
    leg.state = 'connected';
    leg.connectedTime = this.deps.clock.now();
    this.deps.changed(conversation, correlationId);
    return true;
  }

  /** Nobody answers: the leg ends as a missed alert does. */
  unanswered(
    conversation: ConversationRecord,
    leg: ParticipantRecord,
    reason: UnansweredReason,
    correlationId: string,
  ): boolean {
    if (!this.forget(leg) || leg.state !== 'alerting') return false;
    leg.state = 'disconnected';
    leg.endTime = this.deps.clock.now();
    leg.disconnectType = UNANSWERED_DISCONNECT[reason];
    this.deps.changed(conversation, correlationId);
    return true;
  }

  reset(): void {
    for (const { timer } of this.ringing) this.deps.clock.clearTimeout(timer);
    this.ringing = [];
    this.settings.clear();
  }

  /** Drops the leg's wait; false when it was not ringing here (or ended some other way). */
  private forget(leg: ParticipantRecord): boolean {
    const entry = this.ringing.find((r) => r.leg === leg);
    if (!entry) return false;
    this.deps.clock.clearTimeout(entry.timer);
    this.ringing = this.ringing.filter((r) => r !== entry);
    return isActiveState(leg.state);
  }
}
