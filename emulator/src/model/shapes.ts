import type { Models } from 'purecloud-platform-client-v2';
import { toIso } from '../clock.js';
import { findQueue, findUser } from '../seed.js';
import type { ConversationRecord, ParticipantRecord } from './types.js';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : toIso(ms));
const API = '/api/v2';

function ref(kind: 'users' | 'routing/queues', id: string | undefined, withSelfUri: boolean) {
  if (!id) return undefined;
  const name = kind === 'users' ? findUser(id)?.name : findQueue(id)?.name;
  return withSelfUri ? { id, name, selfUri: `${API}/${kind}/${id}` } : { id, name };
}

function commonParticipantFields(p: ParticipantRecord) {
  return {
    id: p.id,
    name: p.name,
    address: p.address,
    startTime: iso(p.startTime),
    connectedTime: iso(p.connectedTime),
    endTime: iso(p.endTime),
    startHoldTime: iso(p.startHoldTime),
    purpose: p.purpose,
    state: p.state,
    direction: p.direction,
    disconnectType: p.disconnectType,
    held: p.held,
    wrapupRequired: false,
    attributes: { ...p.attributes },
    provider: 'Edge',
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
      ...commonParticipantFields(p),
      startAlertingTime: p.initialState === 'alerting' ? iso(p.startTime) : undefined,
      user: ref('users', p.userId, true),
      queue: ref('routing/queues', p.queueId, true),
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
      ...commonParticipantFields(p),
      initialState: p.initialState,
      user: ref('users', p.userId, false),
      queue: ref('routing/queues', p.queueId, false),
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
      name: p.name,
      queueId: p.queueId,
      purpose: p.purpose,
      address: p.address,
      wrapupRequired: false,
      attributes: { ...p.attributes },
      monitoredParticipantId: p.monitoredParticipantId,
      coachedParticipantId: p.coachedParticipantId,
      bargedParticipantId: p.bargedParticipantId,
      calls: [
        {
          id: p.callId,
          state: p.state,
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
