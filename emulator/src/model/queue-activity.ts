import {
  isActiveState,
  isEnded,
  type ConversationRecord,
  type ParticipantRecord,
} from './types.js';

/** The three conversation metrics of queue observations and the conversation activity query. */
export const CONVERSATION_METRICS = ['oWaiting', 'oAlerting', 'oInteracting'] as const;
export type ConversationMetric = (typeof CONVERSATION_METRICS)[number];

/**
 * Media types the analytics queries split by: calls, and the non-voice interactions the control
 * plane can put in a queue (queue-interactions.ts). Alphabetical: the order of the observation
 * query's media groups.
 */
export const MEDIA_TYPES = ['callback', 'chat', 'email', 'message', 'voice'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/**
 * One live conversation as the analytics queries see it on one queue: waiting in the queue (no
 * agent yet), alerting an agent, or connected to one (contract §2.13).
 */
export interface QueueActivity {
  metric: ConversationMetric;
  queueId: string;
  conversationId: string;
  /** The session (media leg) the metric is about: the queue's while waiting, else the agent's. */
  sessionId: string;
  userId?: string;
  /** When it entered this metric: queue entry, start of alerting, or connection. */
  date: number;
  mediaType: MediaType;
  direction: string;
  /** Calls only; non-voice interactions carry `addressFrom` / `addressTo` instead. */
  ani?: string;
  dnis?: string;
  addressFrom?: string;
  addressTo?: string;
  participantName?: string;
}

/** The queue a conversation is in: its newest `acd` leg's queue, else the conversation's. */
function queueOf(conversation: ConversationRecord): string | undefined {
  const acd = conversation.participants.filter((p) => p.purpose === 'acd').at(-1);
  return acd?.queueId ?? conversation.queueId;
}

function activityOf(
  conversation: ConversationRecord,
  queueId: string,
  customer: ParticipantRecord | undefined,
  metric: ConversationMetric,
  leg: ParticipantRecord,
  date: number,
): QueueActivity {
  return {
    metric,
    queueId,
    conversationId: conversation.id,
    sessionId: leg.callId,
    userId: metric === 'oWaiting' ? undefined : leg.userId,
    date,
    mediaType: 'voice',
    direction: customer?.direction ?? leg.direction,
    ani: customer?.ani ?? leg.ani,
    dnis: customer?.dnis ?? leg.dnis,
    participantName: customer?.name,
  };
}

/** What one live conversation contributes (nothing once it has ended or left every queue). */
export function activitiesOf(conversation: ConversationRecord): QueueActivity[] {
  const queueId = queueOf(conversation);
  if (!queueId || isEnded(conversation)) return [];
  const customer = conversation.participants.find((p) => p.purpose === 'customer');
  const agents = conversation.participants.filter(
    (p) => p.purpose === 'agent' && isActiveState(p.state),
  );
  const found = agents.flatMap((agent) =>
    agent.state === 'alerting'
      ? [activityOf(conversation, queueId, customer, 'oAlerting', agent, agent.startTime)]
      : agent.state === 'connected'
        ? [
            activityOf(
              conversation,
              queueId,
              customer,
              'oInteracting',
              agent,
              agent.connectedTime ?? agent.startTime,
            ),
          ]
        : [],
  );
  if (found.length > 0) return found;
  const acd = conversation.participants.find((p) => p.purpose === 'acd' && isActiveState(p.state));
  return acd ? [activityOf(conversation, queueId, customer, 'oWaiting', acd, acd.startTime)] : [];
}

/** Every live conversation's activity, oldest first (ties by conversation id). */
export function queueActivities(conversations: readonly ConversationRecord[]): QueueActivity[] {
  return conversations
    .flatMap(activitiesOf)
    .sort((a, b) => a.date - b.date || a.conversationId.localeCompare(b.conversationId));
}
