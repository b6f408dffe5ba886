import type { Models } from 'purecloud-platform-client-v2';
import { toIso } from '../clock.js';
import { findQueue, findUser } from '../seed.js';
import { shownState } from './shapes.js';
import { isEnded, type ConversationRecord, type ParticipantRecord } from './types.js';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : toIso(ms));
const API = '/api/v2';

/**
 * The generic participant's `name`: unlike the calls resources, it carries the user's full name
 * on agent and user legs (contract §2.3a, medium confidence); other legs keep their display text.
 */
function genericName(p: ParticipantRecord): string | undefined {
  if (p.purpose === 'agent' || p.purpose === 'user')
    return p.userId ? findUser(p.userId)?.name : undefined;
  return p.name;
}

function toCall(p: ParticipantRecord): Models.Call {
  return {
    id: p.callId,
    state: shownState(p, 'rest'),
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
    startAlertingTime: p.initialState === 'alerting' ? iso(p.startTime) : undefined,
    connectedTime: iso(p.connectedTime),
    disconnectedTime: iso(p.endTime),
    provider: 'Edge',
    peerId: p.peer,
    self: { addressNormalized: p.address },
    other: { addressNormalized: p.purpose === 'customer' ? p.dnis : p.ani },
  };
}

function toParticipant(p: ParticipantRecord): Models.Participant {
  return {
    id: p.id,
    startTime: iso(p.startTime),
    endTime: iso(p.endTime),
    connectedTime: iso(p.connectedTime),
    name: genericName(p),
    userUri: p.userId ? `${API}/users/${p.userId}` : undefined,
    userId: p.userId,
    queueId: p.queueId,
    queueName: p.queueId ? findQueue(p.queueId)?.name : undefined,
    purpose: p.purpose,
    address: p.address,
    ani: p.ani,
    dnis: p.dnis,
    wrapupRequired: p.wrapupRequired ?? false,
    wrapupPrompt: p.wrapupPrompt,
    wrapupTimeoutMs: p.wrapupTimeoutMs,
    alertingTimeoutMs: p.alertingTimeoutMs,
    monitoredParticipantId: p.monitoredParticipantId,
    coachedParticipantId: p.coachedParticipantId,
    bargedParticipantId: p.bargedParticipantId,
    attributes: { ...p.attributes },
    calls: [toCall(p)],
  };
}

/**
 * `GET /api/v2/conversations/{cid}` body (`Models.Conversation`, contract §2.3): flat identity
 * (`userId`, `queueId`, `queueName`, `name`) and the call state inside `participants[].calls[]`.
 * The generic resource spells `recordingState` in upper case.
 */
export function toGenericConversation(c: ConversationRecord): Models.Conversation {
  const ended = isEnded(c);
  const endTimes = c.participants.flatMap((p) => (p.endTime === undefined ? [] : [p.endTime]));
  return {
    id: c.id,
    startTime: toIso(c.startTime),
    endTime: ended && endTimes.length > 0 ? toIso(Math.max(...endTimes)) : undefined,
    participants: c.participants.map(toParticipant),
    maxParticipants: 10,
    recordingState: c.recordingState.toUpperCase(),
    securePause: false,
    divisions: [],
    recentTransfers: [],
    selfUri: `${API}/conversations/${c.id}`,
  };
}
