/**
 * Query keys for call server state: one entry per call (`detail`), plus lists of call ids (the
 * user's calls, a queue's calls). Socket events and REST re-reads are the only writers.
 */
export const callKeys = {
  all: ['calls'] as const,
  details: () => [...callKeys.all, 'detail'] as const,
  detail: (conversationId: string) => [...callKeys.details(), conversationId] as const,
  lists: () => [...callKeys.all, 'list'] as const,
  mine: (userId: string) => [...callKeys.lists(), 'mine', userId] as const,
  queue: (queueId: string) => [...callKeys.lists(), 'queue', queueId] as const,
};
