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
  stopRequested: boolean;
}

/**
 * Turns one call's changes into playback events: started (leg joined or the flow's `playing`),
 * switched by a key, a key pressed, ended with the flow's reason (or, from the leg alone, an
 * inferred one), and keeps the session's completion figures.
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
      stopRequested: false,
    };
  }

  /** The platform refused it: nothing started. */
  refused(requestId: string): void {
    if (this.current?.requestId === requestId && !this.current.started) this.current = undefined;
  }

  /** The stop key was written with this value. */
  stopAsked(value: string | undefined): void {
    const t = this.current;
    if (t && !t.ended && value && (t.requestId === undefined || t.requestId === value))
      t.stopRequested = true;
  }

  /** Events for one snapshot's changes: legs that joined, then attributes, then legs that left. */
  apply(call: Call, changes: readonly CallChange[], at: number): Draft[] {
    const out: Draft[] = [];
    for (const c of changes)
      if (c.kind === 'joined' && c.participant.purpose === 'ivr')
        this.legJoined(c.participantId, at, out);
    const customer = customerOf(call);
    if (
      customer &&
      changes.some(
        (c) =>
          c.kind === 'attribute' &&
          c.participantId === customer.id &&
          c.key.startsWith(PLAYBACK_PREFIX) &&
          c.key !== PLAYBACK_KEY.stopRequested,
      )
    )
      this.attributes(customer.attributes, at, out);
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
      this.current = { legId, ours: false, started: false, ended: false, stopRequested: false };
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
        stopRequested: false,
      };
      this.current = t;
    }
    if (t.ended) return;
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
    if (isFinalState(attrs.state)) this.end(attrs.reason ?? 'unknown', at, out);
  }

  /** The flow returned the caller: ended, with the reason the flow gave or an inferred one. */
  private legLeft(call: Call, at: number, out: Draft[]): void {
    const t = this.current;
    if (t?.started && !t.ended) this.end(inferredEnd(call, t.stopRequested), at, out);
    else if (t && !t.started) this.current = undefined;
  }

  private start(at: number, out: Draft[]): void {
    const t = this.current;
    if (!t || t.started) return;
    t.started = true;
    this.figures.started += 1;
    out.push(event(at, 'playbackStarted', { subject: t.promptId }, t.ours ? 'you' : 'outside'));
  }

  private end(reason: EndReason | 'unknown', at: number, out: Draft[]): void {
    const t = this.current;
    if (!t) return;
    t.ended = true;
    const outcome = reason === 'unknown' ? 'unknown' : FINAL_STATE[reason];
    this.figures[outcome] += 1;
    const actor: AuditActor = reason === 'agentStop' && t.ours ? 'you' : 'outside';
    out.push(event(at, 'playbackEnded', { subject: t.promptId, reason }, actor));
  }
}

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
