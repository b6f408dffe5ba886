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
import type { Call } from '../../platform/types';
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
      reason: EndReason | 'unknown';
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
  const mine = attrs?.requestId === local.requestId ? attrs : undefined;
  if (mine && (isFinalState(mine.state) || !leg || !isLegEnded(leg)))
    return fromAttributes(mine, { ours: true, askedPromptId: local.promptId, stopping });
  if (leg && !isLegEnded(leg))
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
  // The leg left (or the caller hung up before it joined) and the flow said nothing final.
  return {
    kind: 'ended',
    reason: inferredEnd(call, stopping),
    promptId: mine?.promptId ?? local.promptId,
    lastDigit: mine?.lastDigit,
    endedAt: leg?.endTime ?? customer?.endTime,
    ours: true,
  };
}

/**
 * The playback status of a call from its snapshot (notifications only; the session is never
 * polled) and the panel's own request, if any.
 * - The flow's `lcp.playback.*` attributes for this request give the detail: playing (with its
 *   start time and prompt), switched by a key, ended with its reason.
 * - Without them (leg-only: the flow cannot write participant data), the playback's own `ivr`
 *   leg is the signal: up = playing (progress unknown), gone = ended (reason inferred).
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
