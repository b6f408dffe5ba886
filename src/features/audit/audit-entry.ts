import type { EndReason } from '../../domain/playback-protocol';

/**
 * Who made a change, as honestly as the panel knows: `you` only when a request of this panel
 * explains it; `unknown` when a request of ours the server said it had not applied may have
 * landed late; otherwise `outside` (the platform never says who changed a call).
 */
export type AuditActor = 'you' | 'outside' | 'unknown';

/** Whose leg a change was on. */
export type AuditParty = 'you' | 'customer' | 'agent' | 'flow' | 'other';

export type AuditKind =
  | 'mute'
  | 'hold'
  | 'attribute'
  | 'requestFailed'
  | 'playbackRequested'
  | 'playbackRefused'
  | 'playbackStarted'
  | 'playbackSwitched'
  | 'playbackDigit'
  | 'playbackStopRequested'
  | 'playbackEnded'
  /** A flow value that reached the call after its playback had ended from the leg (a late flow). */
  | 'playbackLateData'
  /** The flow's reason for a playback already recorded as ended from its leg. */
  | 'playbackEndReported';

/** One line of the audit trail. Values are the platform's raw strings; text is made on screen. */
export interface AuditEntry {
  /** Increases by one per entry over the whole session (entries dropped for memory leave gaps). */
  seq: number;
  /** When the panel learned of it (epoch ms). */
  at: number;
  conversationId: string;
  party?: AuditParty;
  actor: AuditActor;
  kind: AuditKind;
  /** The attribute key, the field of a failed request, or the prompt id. */
  subject?: string;
  /** Old → new value (`true`/`false` for mute and hold). */
  from?: string;
  to?: string;
  /** Why a playback ended (`unknown` when only the leg told), or why a request failed. */
  reason?: EndReason | 'unknown' | string;
  digit?: string;
}

/** Playbacks of the session by how they ended. */
export interface CompletionFigures {
  started: number;
  completed: number;
  stopped: number;
  failed: number;
  /** Ended with no reason given (the flow could not report; only its leg left). */
  unknown: number;
}

export const emptyFigures = (): CompletionFigures => ({
  started: 0,
  completed: 0,
  stopped: 0,
  failed: 0,
  unknown: 0,
});

/** Completed ÷ ended with a known outcome; undefined before any ended. */
export function completionRate(figures: CompletionFigures): number | undefined {
  const ended = figures.completed + figures.stopped + figures.failed;
  return ended === 0 ? undefined : figures.completed / ended;
}

/** An action of the playback panel, handed to the trail by the composition root. */
export type PlaybackAction =
  | {
      type: 'requested';
      conversationId: string;
      requestId: string;
      promptId: string;
      /** Readable names of the prompts this playback may play, by id. */
      labels?: Record<string, string>;
      at: number;
    }
  | {
      type: 'refused';
      conversationId: string;
      requestId: string;
      /** The platform's error code, else its kind. */
      reason: string;
      at: number;
    };
