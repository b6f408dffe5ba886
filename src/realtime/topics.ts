/** Topic names (contract §3.3); pure. */
export const userCallsTopic = (userId: string) => `v2.users.${userId}.conversations.calls`;
export const queueCallsTopic = (queueId: string) =>
  `v2.routing.queues.${queueId}.conversations.calls`;
