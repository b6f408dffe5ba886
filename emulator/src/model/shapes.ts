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

function commonParticipantFields(p: ParticipantRecord, rendering: Rendering) {
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
    recordingState: 'none',
    securePause: false,
    ani: p.ani,
    dnis: p.dnis,
    monitoredParticipantId: p.monitoredParticipantId,
    coachedParticipantId: p.coachedParticipantId,
    bargedParticipantId: p.bargedParticipantId,
  };
}

/** `GET /api/v2/conversations/calls/{id}` body (contract §2.2, §2.3). */
export function toCallConversation(c: ConversationRecord): Models.CallConversation {
  return {
    id: c.id,
    participants: c.participants.map((p): Models.CallMediaParticipant => ({
      ...commonParticipantFields(p, 'rest'),
      startAlertingTime: p.initialState === 'alerting' ? iso(p.startTime) : undefined,
    })),
    otherMediaUris: [],
    recentTransfers: [],
    recordingState: c.recordingState,
    securePause: false,
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
    securePause: false,
    maxParticipants: 10,
    divisions: [],
    participants: c.participants.map((p) => ({
      ...commonParticipantFields(p, 'event'),
      initialState: p.initialState,
    })),
  };
}

/** Body of `v2.users.{id}.conversations`: flat identity, call state inside `calls[]` (§3.4). */
export function toConversationsTopicBody(
  c: ConversationRecord,
): Models.ConversationEventTopicConversation {
  return {
    id: c.id,
    maxParticipants: 10,
    recordingState: c.recordingState,
    securePause: false,
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
          recordingState: 'none',
          muted: p.muted,
          confined: p.confined,
          held: p.held,
          securePause: false,
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
