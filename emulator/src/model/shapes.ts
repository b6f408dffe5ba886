import type { Models } from 'purecloud-platform-client-v2';
import { toIso } from '../clock.js';
import { isActiveState, type ConversationRecord, type ParticipantRecord } from './types.js';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : toIso(ms));
const API = '/api/v2';

/** REST bodies and topic events differ in references and in how ended legs are shown. */
type Rendering = 'rest' | 'event';

/** References carry only the id: `{id, selfUri}` in REST, `{id}` in events (contract §2.3a). */
function ref(kind: 'users' | 'routing/queues', id: string | undefined, rendering: Rendering) {
  if (!id) return undefined;
  return rendering === 'rest' ? { id, selfUri: `${API}/${kind}/${id}` } : { id };
}

/** Agent and user legs carry no name; other legs' name is display text (caller id, place, queue). */
const shownName = (p: ParticipantRecord) =>
  p.purpose === 'agent' || p.purpose === 'user' ? undefined : p.name;

/**
 * An ended leg is `terminated` in REST and `disconnected` in call-topic events (the platform
 * shows either in events; FIDELITY.md). Legs still up show their own state.
 */
export function shownState(p: ParticipantRecord, rendering: Rendering): string {
  if (isActiveState(p.state)) return p.state;
  return rendering === 'rest' ? 'terminated' : 'disconnected';
}

/** A live leg carries the call's recording state and secure pause; an ended one `none`. */
const legRecording = (c: ConversationRecord, p: ParticipantRecord) =>
  isActiveState(p.state) ? c.recordingState : 'none';

/** Wrap-up as real legs carry it (contract §2.3a): `code` is an id, no name. */
const wrapupOf = (p: ParticipantRecord) =>
  p.wrapup && { ...p.wrapup, endTime: iso(p.wrapup.endTime) };

/** `errorInfo` in the `ErrorBody` shape real ended legs carry (contract §2.3a). */
const errorInfoOf = (p: ParticipantRecord) =>
  p.errorInfo && {
    ...p.errorInfo,
    messageWithParams: p.errorInfo.message,
    messageParams: {},
    details: [],
    errors: [],
  };

function commonParticipantFields(
  c: ConversationRecord,
  p: ParticipantRecord,
  rendering: Rendering,
) {
  return {
    id: p.id,
    name: shownName(p),
    address: p.address,
    startTime: iso(p.startTime),
    connectedTime: iso(p.connectedTime),
    endTime: iso(p.endTime),
    startHoldTime: iso(p.startHoldTime),
    purpose: p.purpose,
    state: shownState(p, rendering),
    direction: p.direction,
    disconnectType: p.disconnectType,
    held: p.held,
    wrapupRequired: p.wrapupRequired ?? false,
    wrapupPrompt: p.wrapupPrompt,
    wrapupTimeoutMs: p.wrapupTimeoutMs,
    alertingTimeoutMs: p.alertingTimeoutMs,
    user: ref('users', p.userId, rendering),
    queue: ref('routing/queues', p.queueId, rendering),
    attributes: { ...p.attributes },
    provider: 'Edge',
    peer: p.peer,
    conversationRoutingData:
      p.purpose === 'acd'
        ? {
            queue: ref('routing/queues', p.queueId, rendering),
            priority: 0,
            skills: [],
            scoredAgents: [],
          }
        : undefined,
    muted: p.muted,
    confined: p.confined,
    recording: p.recording,
    recordingState: legRecording(c, p),
    securePause: legRecording(c, p) === 'paused',
    ani: p.ani,
    dnis: p.dnis,
    monitoredParticipantId: p.monitoredParticipantId,
    coachedParticipantId: p.coachedParticipantId,
    bargedParticipantId: p.bargedParticipantId,
    consultParticipantId: p.consultParticipantId,
    startAcwTime: iso(p.startAcwTime),
    endAcwTime: iso(p.endAcwTime),
    wrapup: wrapupOf(p),
    errorInfo: errorInfoOf(p),
  };
}

/** `GET /api/v2/conversations/calls/{id}` body (contract §2.2, §2.3). */
export function toCallConversation(c: ConversationRecord): Models.CallConversation {
  return {
    id: c.id,
    participants: c.participants.map((p): Models.CallMediaParticipant => ({
      ...commonParticipantFields(c, p, 'rest'),
      startAlertingTime: p.initialState === 'alerting' ? iso(p.startTime) : undefined,
    })),
    otherMediaUris: [],
    recentTransfers: [],
    recordingState: c.recordingState,
    securePause: c.recordingState === 'paused',
    maxParticipants: 10,
    divisions: [],
    selfUri: `${API}/conversations/calls/${c.id}`,
  };
}

/** Body of `v2.users.{id}.conversations.calls` and `v2.routing.queues.{id}.conversations.calls` (§3.4). */
export function toCallsTopicBody(
  c: ConversationRecord,
): Models.ConversationCallEventTopicCallConversation {
  return {
    id: c.id,
    otherMediaUris: [],
    recordingState: c.recordingState,
    securePause: c.recordingState === 'paused',
    maxParticipants: 10,
    divisions: [],
    participants: c.participants.map((p) => ({
      ...commonParticipantFields(c, p, 'event'),
      initialState: p.initialState,
    })),
  };
}

/** The media item's ACW as recorded frames show it: `{state: "pending", startTime}` (§3.4). */
const afterCallWorkOf = (p: ParticipantRecord) =>
  p.startAcwTime === undefined
    ? undefined
    : {
        state: p.endAcwTime === undefined ? 'pending' : 'complete',
        startTime: iso(p.startAcwTime),
        endTime: iso(p.endAcwTime),
      };

/** Body of `v2.users.{id}.conversations`: flat identity, call state inside `calls[]` (§3.4). */
export function toConversationsTopicBody(
  c: ConversationRecord,
): Models.ConversationEventTopicConversation {
  return {
    id: c.id,
    maxParticipants: 10,
    recordingState: c.recordingState,
    securePause: c.recordingState === 'paused',
    divisions: [],
    participants: c.participants.map((p) => ({
      id: p.id,
      connectedTime: iso(p.connectedTime),
      endTime: iso(p.endTime),
      userId: p.userId,
      name: shownName(p),
      queueId: p.queueId,
      purpose: p.purpose,
      address: p.address,
      wrapupRequired: p.wrapupRequired ?? false,
      wrapupPrompt: p.wrapupPrompt,
      wrapupTimeoutMs: p.wrapupTimeoutMs,
      alertingTimeoutMs: p.alertingTimeoutMs,
      startAcwTime: iso(p.startAcwTime),
      endAcwTime: iso(p.endAcwTime),
      consultParticipantId: p.consultParticipantId,
      wrapup: wrapupOf(p),
      attributes: { ...p.attributes },
      monitoredParticipantId: p.monitoredParticipantId,
      coachedParticipantId: p.coachedParticipantId,
      bargedParticipantId: p.bargedParticipantId,
      calls: [
        {
          id: p.callId,
          state: shownState(p, 'event'),
          initialState: p.initialState,
          direction: p.direction,
          recording: p.recording,
          recordingState: legRecording(c, p),
          muted: p.muted,
          confined: p.confined,
          held: p.held,
          securePause: legRecording(c, p) === 'paused',
          errorInfo: errorInfoOf(p),
          afterCallWorkRequired: p.startAcwTime === undefined ? undefined : p.wrapupRequired,
          afterCallWork: afterCallWorkOf(p),
          disconnectType: p.disconnectType,
          startHoldTime: iso(p.startHoldTime),
          connectedTime: iso(p.connectedTime),
          disconnectedTime: iso(p.endTime),
          self: { addressNormalized: p.address },
          other: { addressNormalized: p.purpose === 'customer' ? p.dnis : p.ani },
          provider: 'Edge',
        },
      ],
    })),
  };
}
