import type { ConversationRecord } from '../model/types.js';
import { toCallsTopicBody, toConversationsTopicBody } from '../model/shapes.js';
import type { ChannelRegistry } from './channel-registry.js';

export const userCallsTopic = (userId: string) => `v2.users.${userId}.conversations.calls`;
export const userConversationsTopic = (userId: string) => `v2.users.${userId}.conversations`;
export const queueCallsTopic = (queueId: string) =>
  `v2.routing.queues.${queueId}.conversations.calls`;

/**
 * Turns one conversation change into its topic events: a whole snapshot on each user topic of
 * every user on the call and on the queue topic. Bodies are taken now; sending waits for the
 * current request's reply, as the platform's events follow the 202.
 */
export function publishConversation(
  registry: ChannelRegistry,
  conversation: ConversationRecord,
  correlationId: string,
): void {
  const callsBody = toCallsTopicBody(conversation);
  const conversationsBody = toConversationsTopicBody(conversation);
  const userIds = new Set(conversation.participants.flatMap((p) => (p.userId ? [p.userId] : [])));
  const queueIds = new Set(
    conversation.participants.flatMap((p) => (p.queueId ? [p.queueId] : [])),
  );
  setImmediate(() => {
    for (const userId of userIds) {
      registry.publish(userCallsTopic(userId), callsBody, correlationId);
      registry.publish(userConversationsTopic(userId), conversationsBody, correlationId);
    }
    for (const queueId of queueIds)
      registry.publish(queueCallsTopic(queueId), callsBody, correlationId);
  });
}
