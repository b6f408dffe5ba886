import { isSilentMonitor, myParticipant } from '../../domain/call-selectors';
import { PLAYBACK_KEY, PLAYBACK_PREFIX } from '../../domain/playback-protocol';
import type { Call, Participant } from '../../platform/types';
import type { CallChange } from '../../calls/call-diff';
import {
  emptyFigures,
  type AuditActor,
  type AuditEntry,
  type AuditParty,
  type CompletionFigures,
  type PlaybackAction,
} from './audit-entry';
import { PlaybackTracker } from './playback-tracker';

type Draft = Omit<AuditEntry, 'seq' | 'conversationId'>;

/** Says whether a request of this panel explains a confirmed change (from the intent registry). */
export type OursLookup = (
  conversationId: string,
  participantId: string,
  field: string,
  value: boolean | string | undefined,
) => AuditActor;

function partyOf(p: Participant | undefined, userId: string | undefined): AuditParty {
  if (!p) return 'other';
  if (p.purpose === 'customer' || p.purpose === 'external') return 'customer';
  if (p.purpose === 'ivr') return 'flow';
  if (p.purpose === 'agent' || p.purpose === 'user') return p.userId === userId ? 'you' : 'agent';
  return 'other';
}

const text = (value: unknown): string | undefined =>
  value === undefined || value === null ? undefined : String(value);

/**
 * Maps the core's call changes, the intent registry's provenance and the playback panel's
 * actions to audit entries (pure apart from its own per-call playback state and figures).
 * Calls the signed-in user has no leg on (a supervisor's queue view) are not audited.
 */
export class AuditRecorder {
  readonly figures: CompletionFigures = emptyFigures();
  private readonly playbacks = new Map<string, PlaybackTracker>();

  constructor(private readonly emit: (conversationId: string, draft: Draft) => void) {}

  /** One applied snapshot of a call with its changes. */
  update(
    call: Call,
    changes: readonly CallChange[],
    userId: string | undefined,
    ours: OursLookup,
  ): void {
    if (changes.length === 0 || !userId || !myParticipant(call, userId)) return;
    const byId = new Map(call.participants.map((p) => [p.id, p]));
    for (const c of changes) {
      const p = byId.get(c.participantId);
      if (p && isSilentMonitor(p)) continue;
      const draft = this.change(c, p, userId, ours);
      if (draft) this.emit(call.id, draft);
    }
    for (const draft of this.tracker(call.id).apply(call, changes, changes[0]?.at ?? Date.now()))
      this.emit(call.id, draft);
  }

  private change(
    c: CallChange,
    p: Participant | undefined,
    userId: string,
    ours: OursLookup,
  ): Draft | undefined {
    const party = partyOf(p, userId);
    if (c.kind === 'field' && (c.field === 'muted' || c.field === 'held')) {
      const actor = ours(c.conversationId, c.participantId, c.field, c.to as boolean | undefined);
      const kind = c.field === 'muted' ? 'mute' : 'hold';
      return {
        at: c.at,
        kind,
        party,
        actor,
        from: text(c.from),
        to: text(c.to),
      };
    }
    if (c.kind !== 'attribute') return undefined;
    const actor = ours(c.conversationId, c.participantId, c.key, c.to);
    if (c.key === PLAYBACK_KEY.stopRequested) {
      return c.to ? { at: c.at, kind: 'playbackStopRequested', party, actor, to: c.to } : undefined;
    }
    if (c.key.startsWith(PLAYBACK_PREFIX)) return undefined;
    return { at: c.at, kind: 'attribute', party, actor, subject: c.key, from: c.from, to: c.to };
  }

  /** The playback panel asked for a playback, or the platform refused it. */
  action(action: PlaybackAction): void {
    const tracker = this.tracker(action.conversationId);
    if (action.type === 'requested') {
      tracker.requested(action.requestId, action.promptId);
      this.emit(action.conversationId, {
        at: action.at,
        kind: 'playbackRequested',
        party: 'customer',
        actor: 'you',
        subject: action.promptId,
      });
    } else {
      tracker.refused(action.requestId);
      this.emit(action.conversationId, {
        at: action.at,
        kind: 'playbackRefused',
        party: 'customer',
        actor: 'you',
        reason: action.reason,
      });
    }
  }

  /** A request of this panel failed or was not confirmed (mute, hold, an attribute). */
  failed(
    conversationId: string,
    field: string,
    value: boolean | string,
    reason: string,
    at: number,
  ): void {
    this.emit(conversationId, {
      at,
      kind: 'requestFailed',
      actor: 'you',
      subject: field,
      to: String(value),
      reason,
    });
  }

  /** The call left the panel: its playback state goes (entries stay). */
  forget(conversationId: string): void {
    this.playbacks.delete(conversationId);
  }

  private tracker(conversationId: string): PlaybackTracker {
    let tracker = this.playbacks.get(conversationId);
    if (!tracker) {
      tracker = new PlaybackTracker(this.figures);
      this.playbacks.set(conversationId, tracker);
    }
    return tracker;
  }
}
