import type { Call, Participant } from '../platform/types';
import { customerOf, isLegEnded } from './call-selectors';

/**
 * The Play Prompt flow's protocol (product brief §4; deploy/architect/): what the flow writes on
 * the customer participant while it plays a prompt, and the one key the widget writes to stop it.
 * Pure: the playback panel and the audit trail both read calls through it.
 */
export const PLAYBACK_PREFIX = 'lcp.playback.';

export const PLAYBACK_KEY = {
  requestId: 'lcp.playback.requestId',
  state: 'lcp.playback.state',
  promptId: 'lcp.playback.promptId',
  startedAt: 'lcp.playback.startedAt',
  endedAt: 'lcp.playback.endedAt',
  reason: 'lcp.playback.reason',
  lastDigit: 'lcp.playback.lastDigit',
  /** Written by the widget (value: the request id); the flow checks it between prompt pieces. */
  stopRequested: 'lcp.playback.stopRequested',
} as const;

const PLAYBACK_STATES = ['playing', 'completed', 'stopped', 'failed'] as const;
export type PlaybackState = (typeof PLAYBACK_STATES)[number];

const END_REASONS = ['completed', 'maxDuration', 'agentStop', 'dtmf', 'hangup', 'error'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** The final state the flow writes for each reason. */
export const FINAL_STATE: Record<EndReason, Exclude<PlaybackState, 'playing'>> = {
  completed: 'completed',
  maxDuration: 'completed',
  agentStop: 'stopped',
  dtmf: 'stopped',
  hangup: 'stopped',
  error: 'failed',
};

/** What the flow last wrote about one playback. */
export interface PlaybackAttributes {
  requestId: string;
  state?: PlaybackState;
  promptId?: string;
  /** Epoch ms. */
  startedAt?: number;
  endedAt?: number;
  reason?: EndReason;
  lastDigit?: string;
}

const oneOf = <T extends string>(value: string | undefined, known: readonly T[]): T | undefined =>
  (known as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

const time = (value: string | undefined): number | undefined => {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
};

/** Reads the `lcp.playback.*` attributes; undefined when the flow has written none. */
export function readPlayback(
  attributes: Readonly<Record<string, string>>,
): PlaybackAttributes | undefined {
  const requestId = attributes[PLAYBACK_KEY.requestId];
  if (!requestId) return undefined;
  const read: PlaybackAttributes = {
    requestId,
    state: oneOf(attributes[PLAYBACK_KEY.state], PLAYBACK_STATES),
    promptId: attributes[PLAYBACK_KEY.promptId] || undefined,
    startedAt: time(attributes[PLAYBACK_KEY.startedAt]),
    endedAt: time(attributes[PLAYBACK_KEY.endedAt]),
    reason: oneOf(attributes[PLAYBACK_KEY.reason], END_REASONS),
    lastDigit: attributes[PLAYBACK_KEY.lastDigit] || undefined,
  };
  for (const key of Object.keys(read) as (keyof PlaybackAttributes)[])
    if (read[key] === undefined) delete read[key];
  return read;
}

export const isFinalState = (state: PlaybackState | undefined): boolean =>
  state !== undefined && state !== 'playing';

/** The customer's playback attributes on a call. */
export function playbackOf(call: Call): PlaybackAttributes | undefined {
  const customer = customerOf(call);
  return customer ? readPlayback(customer.attributes) : undefined;
}

/** `ivr` legs on the call, oldest first (an inbound call keeps the ended leg of its menu). */
export const ivrLegs = (call: Call): Participant[] =>
  call.participants.filter((p) => p.purpose === 'ivr');

/** The newest ivr leg that joined after the given legs were known (a playback's own leg). */
export function newIvrLeg(call: Call, knownIds: readonly string[]): Participant | undefined {
  return ivrLegs(call).findLast((p) => !knownIds.includes(p.id));
}

/**
 * Why a playback ended when the flow wrote no reason (leg-only): the caller hung up, the agent's
 * stop was asked for, or unknown (the flow returned the caller; whether it played to the end
 * cannot be told from the leg alone).
 */
export function inferredEnd(call: Call, stopRequested: boolean): EndReason | 'unknown' {
  const customer = customerOf(call);
  if (customer && isLegEnded(customer)) return 'hangup';
  return stopRequested ? 'agentStop' : 'unknown';
}
