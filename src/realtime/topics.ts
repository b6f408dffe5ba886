/** Topic names (contract §3.3) and their parsing; pure. */
export const userCallsTopic = (userId: string) => `v2.users.${userId}.conversations.calls`;
export const queueCallsTopic = (queueId: string) =>
  `v2.routing.queues.${queueId}.conversations.calls`;

export type TopicScope =
  | { kind: 'userCalls'; userId: string }
  | { kind: 'queueCalls'; queueId: string }
  | { kind: 'heartbeat' }
  | { kind: 'socketClosing' }
  | { kind: 'system'; name: string }
  | { kind: 'unknown' };

const USER_CALLS = /^v2\.users\.([^.]+)\.conversations\.calls$/i;
const QUEUE_CALLS = /^v2\.routing\.queues\.([^.]+)\.conversations\.calls$/i;

export function parseTopic(topicName: string): TopicScope {
  const lower = topicName.toLowerCase();
  if (lower === 'channel.metadata') return { kind: 'heartbeat' };
  if (lower === 'v2.system.socket_closing') return { kind: 'socketClosing' };
  if (lower.startsWith('v2.system.')) return { kind: 'system', name: topicName };
  const user = USER_CALLS.exec(topicName);
  if (user?.[1]) return { kind: 'userCalls', userId: user[1] };
  const queue = QUEUE_CALLS.exec(topicName);
  if (queue?.[1]) return { kind: 'queueCalls', queueId: queue[1] };
  return { kind: 'unknown' };
}
