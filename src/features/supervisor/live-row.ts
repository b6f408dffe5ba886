import {
  activeIvrLeg,
  customerOf,
  isCallOver,
  isLegEnded,
  isSupervisorLeg,
} from '../../domain/call-selectors';
import type { ActivityMetric, ConversationActivity } from '../../platform/supervision';
import type { Call, Participant } from '../../platform/types';
import { maskNumber } from './mask-number';

/** Where a call stands, as one word a supervisor scans for. */
export type RowState = 'waiting' | 'ringing' | 'connected' | 'held' | 'inFlow' | 'ended' | 'other';

/** Playback to the caller: the Play Prompt flow's attributes and its ivr leg (product §4). */
export type PlaybackShown = 'none' | 'playing' | 'inFlow' | 'completed' | 'stopped' | 'failed';

/** One row of the live table: plain values, compared field by field. */
export interface LiveRow {
  id: string;
  queueId?: string;
  agentUserId?: string;
  agentParticipantId?: string;
  /** The caller's number, partly masked. */
  customer?: string;
  state: RowState;
  /** The call's start (epoch ms): the duration runs from here. */
  since?: number;
  /** undefined: not known yet (the call itself has not been read) or no agent on it. */
  muted?: boolean;
  held?: boolean;
  recording?: boolean;
  /** undefined: not known yet. */
  playback?: PlaybackShown;
  /** false while the row only has the analytics summary (the call is still to be read). */
  complete: boolean;
  /**
   * Set while the call owes its re-read after the link came back: when what the row shows was
   * last known true (epoch ms).
   */
  asOf?: number;
  /** The call's read failed for good: the row shows only what events and the summary gave. */
  unreadable?: boolean;
}

const PLAYBACK_STATE = 'lcp.playback.state';
const PLAYBACK_REQUEST = 'lcp.playback.requestId';
const ENDED_PLAYBACK = ['completed', 'stopped', 'failed'] as const;

/**
 * The agent working the call now: the newest connected agent leg, else the newest that is up.
 * A consult or transfer to a person adds a `user` leg (no queue), which counts as well: after a
 * completed consult to Bob, Bob works the call, and his mute and hold are the row's.
 */
export function workingAgent(call: Call): Participant | undefined {
  const up = call.participants.filter(
    (p) => (p.purpose === 'agent' || p.purpose === 'user') && !isSupervisorLeg(p) && !isLegEnded(p),
  );
  return up.findLast((p) => p.state === 'connected') ?? up.at(-1);
}

/** The queue the call is in now: its newest `acd` leg's, else any leg's. */
export function currentQueueId(call: Call): string | undefined {
  return (
    call.participants.findLast((p) => p.purpose === 'acd' && p.queueId)?.queueId ??
    call.participants.find((p) => p.queueId)?.queueId
  );
}

function stateOf(call: Call, agent: Participant | undefined): RowState {
  if (isCallOver(call)) return 'ended';
  if (agent) {
    switch (agent.state) {
      case 'alerting':
      case 'offering':
      case 'dialing':
      case 'contacting':
        return 'ringing';
      case 'connected':
        return agent.held ? 'held' : 'connected';
      default:
        return 'other';
    }
  }
  if (activeIvrLeg(call)) return 'inFlow';
  if (call.participants.some((p) => p.purpose === 'acd' && !isLegEnded(p))) return 'waiting';
  return 'other';
}

/** What the caller hears from the Play Prompt flow, as far as the call shows it. */
export function playbackOf(call: Call): PlaybackShown {
  const state = customerOf(call)?.attributes[PLAYBACK_STATE];
  const inFlow = activeIvrLeg(call) !== undefined;
  if (state === 'playing') return 'playing';
  if (inFlow) return 'inFlow';
  return (ENDED_PLAYBACK as readonly string[]).includes(state ?? '')
    ? (state as PlaybackShown)
    : 'none';
}

/** A playback that has ended on this call: its request id and how it ended. */
export function endedPlayback(
  call: Call,
): { requestId: string; state: (typeof ENDED_PLAYBACK)[number] } | undefined {
  const attributes = customerOf(call)?.attributes ?? {};
  const state = attributes[PLAYBACK_STATE];
  const requestId = attributes[PLAYBACK_REQUEST];
  if (!requestId || !(ENDED_PLAYBACK as readonly string[]).includes(state ?? '')) return undefined;
  return { requestId, state: state as (typeof ENDED_PLAYBACK)[number] };
}

/** The row of a call read in full (socket event or REST). */
export function rowFromCall(call: Call, listedQueueId?: string): LiveRow {
  const agent = workingAgent(call);
  const customer = customerOf(call);
  const starts = call.participants.flatMap((p) => (p.startTime === undefined ? [] : [p.startTime]));
  return {
    id: call.id,
    queueId: currentQueueId(call) ?? listedQueueId,
    agentUserId: agent?.userId,
    agentParticipantId: agent?.id,
    customer: maskNumber(customer?.ani ?? customer?.address),
    state: stateOf(call, agent),
    since: customer?.startTime ?? (starts.length > 0 ? Math.min(...starts) : undefined),
    muted: agent?.muted,
    held: agent?.held,
    recording: agent?.recording === true || call.recordingState === 'active',
    playback: playbackOf(call),
    complete: true,
  };
}

const METRIC_STATE: Record<ActivityMetric, RowState> = {
  oWaiting: 'waiting',
  oAlerting: 'ringing',
  oInteracting: 'connected',
};

/** The row of a call known only from the activity query (until the call itself is read). */
export function rowFromActivity(activity: ConversationActivity): LiveRow {
  return {
    id: activity.conversationId,
    queueId: activity.queueId,
    agentUserId: activity.userId,
    customer: maskNumber(activity.ani),
    state: METRIC_STATE[activity.metric],
    complete: false,
  };
}

const FIELDS: (keyof LiveRow)[] = [
  'id',
  'queueId',
  'agentUserId',
  'agentParticipantId',
  'customer',
  'state',
  'since',
  'muted',
  'held',
  'recording',
  'playback',
  'complete',
  'asOf',
  'unreadable',
];

export const sameRow = (a: LiveRow | undefined, b: LiveRow): boolean =>
  a !== undefined && FIELDS.every((f) => a[f] === b[f]);
