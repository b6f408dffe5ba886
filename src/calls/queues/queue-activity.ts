import type { ConversationActivity } from '../../platform/supervision';

const METRIC_RANK = { oWaiting: 0, oAlerting: 1, oInteracting: 2 } as const;

/**
 * The queue's calls from the activity query: one summary per call (the furthest along of its
 * metrics: interacting over alerting over waiting), ignoring rows another queue reports.
 */
export function activitiesByCall(
  activities: readonly ConversationActivity[],
  qid: string,
): Map<string, ConversationActivity> {
  const byId = new Map<string, ConversationActivity>();
  for (const a of activities) {
    if (a.queueId && a.queueId !== qid) continue;
    const seen = byId.get(a.conversationId);
    if (!seen || METRIC_RANK[a.metric] > METRIC_RANK[seen.metric]) byId.set(a.conversationId, a);
  }
  return byId;
}
