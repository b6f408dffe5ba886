import { activeIvrLeg, customerOf, isLegEnded } from '../../domain/call-selectors';
import {
  inferredEnd,
  isFinalState,
  newIvrLeg,
  playbackOf,
  type EndReason,
  type PlaybackAttributes,
} from '../../domain/playback-protocol';
import type { PlatformError } from '../../platform/errors';
import type { Call, Participant } from '../../platform/types';
import type { LocalPlayback } from './play-request';

/** What the panel shows about playback on one call, derived from its snapshot alone. */
export type PlaybackView =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'refused'; error: PlatformError }
  /** The platform accepted the session; the caller is not in the flow yet. */
  | { kind: 'waiting' }
  | {
      kind: 'playing';
      /** `attributes`: the flow reports progress; `leg`: only its ivr leg is known (leg-only). */
      source: 'attributes' | 'leg';
      requestId?: string;
      promptId?: string;
      /** Epoch ms the current prompt started (attributes only). */
      startedAt?: number;
      lastDigit?: string;
      /** The caller's key switched the prompt from the one asked for. */
      switched: boolean;
      stopping: boolean;
      ours: boolean;
    }
  | {
      kind: 'ended';
      /** The flow's reason when `reported`, else inferred from the legs (hangup or unknown). */
      reason: EndReason | 'unknown';
      /** The flow wrote the reason; until it does (late or leg-only flow) only the legs tell. */
      reported: boolean;
      /** The agent's stop had been asked for (whether the flow acted on it is its own word). */
      stopAsked: boolean;
      requestId?: string;
      promptId?: string;
      endedAt?: number;
      lastDigit?: string;
      ours: boolean;
    }
  /** The caller is in a flow this panel did not start and that reports nothing. */
  | { kind: 'busy' };

/** The caller is (or is about to be) in the flow: another playback must not start. */
export const isRunning = (view: PlaybackView): boolean =>
  view.kind === 'sending' ||
  view.kind === 'waiting' ||
  view.kind === 'playing' ||
  view.kind === 'busy';

function fromAttributes(
  attrs: PlaybackAttributes,
  options: { ours: boolean; askedPromptId?: string; stopping: boolean },
): PlaybackView {
  if (isFinalState(attrs.state))
    return {
      kind: 'ended',
      reason: attrs.reason ?? 'unknown',
      reported: attrs.reason !== undefined,
      stopAsked: options.stopping,
      requestId: attrs.requestId,
      promptId: attrs.promptId,
      endedAt: attrs.endedAt,
      lastDigit: attrs.lastDigit,
      ours: options.ours,
    };
  return {
    kind: 'playing',
    source: 'attributes',
    requestId: attrs.requestId,
    promptId: attrs.promptId,
    startedAt: attrs.startedAt,
    lastDigit: attrs.lastDigit,
    switched:
      options.askedPromptId !== undefined &&
      attrs.promptId !== undefined &&
      attrs.promptId !== options.askedPromptId,
    stopping: options.stopping,
    ours: options.ours,
  };
}

/** A playback this panel started: its attributes when the flow writes them, else its ivr leg. */
function ofLocal(call: Call, local: LocalPlayback, stopAskedFor: string | undefined): PlaybackView {
  if (local.phase === 'sending') return { kind: 'sending' };
  if (local.phase === 'refused' && local.error) return { kind: 'refused', error: local.error };
  const stopping = stopAskedFor === local.requestId;
  const attrs = playbackOf(call);
  const leg = newIvrLeg(call, local.knownIvrLegIds);
  const legUp = leg !== undefined && !isLegEnded(leg);
  const mine = attrs?.requestId === local.requestId ? attrs : undefined;
  if (mine && isFinalState(mine.state) && mine.reason === undefined)
    // The flow's final state arrived before its reason (a late flow): the legs tell the rest.
    return endedView(call, local, mine, leg, stopping);
  if (mine && (isFinalState(mine.state) || !leg || legUp))
    return fromAttributes(mine, { ours: true, askedPromptId: local.promptId, stopping });
  if (legUp)
    return {
      kind: 'playing',
      source: 'leg',
      requestId: local.requestId,
      promptId: local.promptId,
      switched: false,
      stopping,
      ours: true,
    };
  const customer = customerOf(call);
  if (!leg && customer && !isLegEnded(customer)) return { kind: 'waiting' };
  // The leg left (or the caller hung up before it joined): ended, whatever the flow says later.
  return endedView(call, local, mine, leg, stopping);
}

/**
 * Ended, as far as the legs tell: the flow's reason once it has written one (a late flow writes
 * it after its leg left, and a `playing` written before that changes nothing), else a hang-up
 * when the caller's leg ended, else unknown. A stop asked for is never taken as the reason: a
 * flow that reads it only between prompt repetitions may have played to the end regardless.
 */
function endedView(
  call: Call,
  local: LocalPlayback,
  mine: PlaybackAttributes | undefined,
  leg: Participant | undefined,
  stopping: boolean,
): PlaybackView {
  const customer = customerOf(call);
  return {
    kind: 'ended',
    reason: mine?.reason ?? inferredEnd(call, false),
    reported: mine?.reason !== undefined,
    stopAsked: stopping,
    requestId: local.requestId,
    promptId: mine?.promptId ?? local.promptId,
    lastDigit: mine?.lastDigit,
    endedAt: mine?.endedAt ?? leg?.endTime ?? customer?.endTime,
    ours: true,
  };
}

/**
 * The playback status of a call from its snapshot (notifications only; the session is never
 * polled) and the panel's own request, if any.
 * - The flow's `lcp.playback.*` attributes for this request give the detail: playing (with its
 *   start time and prompt), switched by a key, ended with its reason.
 * - Without them (leg-only: the flow cannot write participant data; late: it writes them only
 *   after its leg left), the playback's own `ivr` leg is the signal: up = playing (progress
 *   unknown), gone = ended (a hang-up, else no reason yet); the flow's reason fills in if it
 *   arrives later, and nothing it writes after its leg left makes the playback play again.
 * - Without a request of ours, attributes still tell about a playback started elsewhere, and an
 *   ivr leg that is up means the caller is in some flow (busy).
 * `stopAskedFor`: the request id the stop attribute holds or is about to hold (the agent's stop,
 * pending or confirmed, not failed): that playback shows "Stopping…" until the flow confirms.
 */
export function derivePlaybackView(
  call: Call,
  local: LocalPlayback | undefined,
  stopAskedFor?: string,
): PlaybackView {
  if (local && local.conversationId === call.id) return ofLocal(call, local, stopAskedFor);
  const attrs = playbackOf(call);
  const ivr = activeIvrLeg(call);
  if (attrs && (isFinalState(attrs.state) || ivr))
    return fromAttributes(attrs, { ours: false, stopping: stopAskedFor === attrs.requestId });
  return ivr ? { kind: 'busy' } : { kind: 'idle' };
}

const RANK: Record<PlaybackView['kind'], number> = {
  idle: 0,
  busy: 0,
  sending: 1,
  refused: 1,
  waiting: 2,
  playing: 3,
  ended: 4,
};

/**
 * What to show next for the same request, given what was shown: a playback's view only moves
 * forward (waiting, playing, ended) and an end reason the flow reported is never taken back for
 * one inferred from the legs. Snapshots can disagree in between (a re-read from before a leg
 * left, a late `playing`); the view stays where the platform had already taken it.
 */
export function settlePlaybackView(shown: PlaybackView, next: PlaybackView): PlaybackView {
  if (RANK[next.kind] < RANK[shown.kind]) return shown;
  if (shown.kind === 'ended' && next.kind === 'ended' && shown.reported && !next.reported)
    return shown;
  return next;
}

/** Seconds played of the current prompt pass and the length to show them against. */
export interface Progress {
  elapsedMs: number;
  totalMs: number;
}

/**
 * Progress from the flow's `startedAt`: against the cap when looping (the flow repeats until
 * it), else against the prompt's length (or the cap when shorter). Clamped, so clock skew
 * between the platform and this browser never shows more than 100 % or less than 0.
 */
export function progressOf(
  view: PlaybackView,
  local: Pick<LocalPlayback, 'loop' | 'maxDurationSeconds' | 'prompts'> | undefined,
  now: number,
): Progress | undefined {
  if (view.kind !== 'playing' || view.startedAt === undefined || !local) return undefined;
  const seconds = view.promptId ? local.prompts[view.promptId]?.durationSeconds : undefined;
  const capMs = local.maxDurationSeconds * 1000;
  if (!local.loop && seconds === undefined) return undefined;
  const totalMs = local.loop ? capMs : Math.min(capMs, (seconds ?? 0) * 1000);
  if (totalMs <= 0) return undefined;
  return { elapsedMs: Math.min(totalMs, Math.max(0, now - view.startedAt)), totalMs };
}
