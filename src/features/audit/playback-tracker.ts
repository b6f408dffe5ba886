import { customerOf } from '../../domain/call-selectors';
import {
  FINAL_STATE,
  inferredEnd,
  isFinalState,
  PLAYBACK_KEY,
  PLAYBACK_PREFIX,
  readPlayback,
  type EndReason,
} from '../../domain/playback-protocol';
import type { Call } from '../../platform/types';
import type { CallChange } from '../../calls/call-diff';
import type { AuditActor, AuditEntry, CompletionFigures } from './audit-entry';

type Draft = Omit<AuditEntry, 'seq' | 'conversationId'>;

/** One playback as the trail follows it: from the panel's request, its ivr leg, or attributes. */
interface Tracked {
  requestId?: string;
  legId?: string;
  promptId?: string;
  lastDigit?: string;
  ours: boolean;
  started: boolean;
  ended: boolean;
  /** The flow's own reason is recorded (not only an end seen on the legs). */
  reported: boolean;
  /** The figure its end was counted under (moved if the flow reports otherwise later). */
  counted?: keyof Omit<CompletionFigures, 'started'>;
}

/**
 * Turns one call's changes into playback events: started (leg joined or the flow's `playing`),
 * switched by a key, a key pressed, ended with the flow's reason (or, from the leg alone, a
 * hang-up seen on the legs or no reason), and keeps the session's completion figures.
 *
 * A late flow (its data reaches the call only after its leg left) is recorded as the platform
 * told it: started when the leg joined, ended when it left, then each `lcp.playback.*` value as
 * it arrived, and the flow's reason once the values name this playback. Nothing arriving after
 * the end starts the playback again or moves an event earlier.
 */
export class PlaybackTracker {
  private current?: Tracked;

  constructor(private readonly figures: CompletionFigures) {}

  /** The panel asked for a playback (its request id is ours from now on). */
  requested(requestId: string, promptId: string): void {
    this.current = {
      requestId,
      promptId,
      ours: true,
      started: false,
      ended: false,
      reported: false,
    };
  }

  /** The platform refused it: nothing started. */
  refused(requestId: string): void {
    if (this.current?.requestId === requestId && !this.current.started) this.current = undefined;
  }

  /**
   * Events for one snapshot's changes: legs that joined, then attributes (each value that arrived
   * after the playback ended from its leg, then what they tell), then legs that left.
   */
  apply(call: Call, changes: readonly CallChange[], at: number): Draft[] {
    const out: Draft[] = [];
    for (const c of changes)
      if (c.kind === 'joined' && c.participant.purpose === 'ivr')
        this.legJoined(c.participantId, at, out);
    const customer = customerOf(call);
    const flowData = changes.filter(
      (c): c is Extract<CallChange, { kind: 'attribute' }> =>
        c.kind === 'attribute' &&
        c.participantId === customer?.id &&
        c.key.startsWith(PLAYBACK_PREFIX) &&
        c.key !== PLAYBACK_KEY.stopRequested,
    );
    const t = this.current;
    if (t?.ended && !t.reported)
      for (const c of flowData)
        out.push(event(c.at, 'playbackLateData', { subject: c.key, from: c.from, to: c.to }));
    if (customer && flowData.length > 0) this.attributes(customer.attributes, at, out);
    for (const c of changes)
      if (c.kind === 'field' && c.field === 'state' && c.participantId === this.current?.legId)
        if (c.to === 'disconnected' || c.to === 'terminated') this.legLeft(call, at, out);
    return out;
  }

  /**
   * The caller entered a flow. It is the playback the panel asked for when one is pending; any
   * other flow becomes a playback only if the Play Prompt attributes then name it.
   */
  private legJoined(legId: string, at: number, out: Draft[]): void {
    const t = this.current;
    if (t && !t.ended && t.ours && !t.legId) {
      t.legId = legId;
      this.start(at, out);
    } else if (!t || t.ended) {
      this.current = { legId, ours: false, started: false, ended: false, reported: false };
    }
  }

  private attributes(attributes: Record<string, string>, at: number, out: Draft[]): void {
    const attrs = readPlayback(attributes);
    if (!attrs) return;
    let t = this.current;
    if (t && t.requestId === undefined && !t.ended) t.requestId = attrs.requestId;
    if (!t || t.requestId !== attrs.requestId) {
      if (attrs.state !== 'playing') return;
      t = {
        requestId: attrs.requestId,
        ours: false,
        started: false,
        ended: false,
        reported: false,
      };
      this.current = t;
    }
    if (t.ended) {
      // A late flow's reason, once its values name this playback: filled in, never a restart.
      if (!t.reported && attrs.reason) this.report(attrs.reason, attrs.promptId, at, out);
      return;
    }
    if (!t.started) {
      t.promptId = attrs.promptId ?? t.promptId;
      this.start(at, out);
    }
    if (attrs.promptId && attrs.promptId !== t.promptId) {
      out.push(
        event(at, 'playbackSwitched', {
          from: t.promptId,
          to: attrs.promptId,
          digit: attrs.lastDigit,
        }),
      );
      t.promptId = attrs.promptId;
    } else if (attrs.lastDigit && attrs.lastDigit !== t.lastDigit) {
      out.push(event(at, 'playbackDigit', { subject: t.promptId, digit: attrs.lastDigit }));
    }
    t.lastDigit = attrs.lastDigit;
    if (isFinalState(attrs.state))
      this.end(attrs.reason ?? 'unknown', attrs.reason !== undefined, at, out);
  }

  /**
   * The flow returned the caller: ended, a hang-up when the caller's leg ended, else with no
   * reason until the flow reports one (a stop asked for is not one: a flow that reads it only
   * between repetitions may have played to the end).
   */
  private legLeft(call: Call, at: number, out: Draft[]): void {
    const t = this.current;
    if (t?.started && !t.ended) this.end(inferredEnd(call, false), false, at, out);
    else if (t && !t.started) this.current = undefined;
  }

  private start(at: number, out: Draft[]): void {
    const t = this.current;
    if (!t || t.started) return;
    t.started = true;
    this.figures.started += 1;
    out.push(event(at, 'playbackStarted', { subject: t.promptId }, t.ours ? 'you' : 'outside'));
  }

  private end(reason: EndReason | 'unknown', reported: boolean, at: number, out: Draft[]): void {
    const t = this.current;
    if (!t) return;
    t.ended = true;
    t.reported = reported;
    t.counted = reason === 'unknown' ? 'unknown' : FINAL_STATE[reason];
    this.figures[t.counted] += 1;
    out.push(event(at, 'playbackEnded', { subject: t.promptId, reason }, actorOf(reason, t)));
  }

  /** The flow's reason for a playback already ended from its leg; its figure moves to it. */
  private report(reason: EndReason, promptId: string | undefined, at: number, out: Draft[]): void {
    const t = this.current;
    if (!t) return;
    t.reported = true;
    if (t.counted) this.figures[t.counted] -= 1;
    t.counted = FINAL_STATE[reason];
    this.figures[t.counted] += 1;
    out.push(
      event(
        at,
        'playbackEndReported',
        { subject: promptId ?? t.promptId, reason },
        actorOf(reason, t),
      ),
    );
  }
}

const actorOf = (reason: EndReason | 'unknown', t: Tracked): AuditActor =>
  reason === 'agentStop' && t.ours ? 'you' : 'outside';

function event(
  at: number,
  kind: AuditEntry['kind'],
  detail: Partial<Draft>,
  actor: AuditActor = 'outside',
): Draft {
  const draft: Draft = { at, kind, actor, party: 'flow', ...detail };
  for (const key of Object.keys(draft) as (keyof Draft)[])
    if (draft[key] === undefined) delete draft[key];
  return draft;
}
