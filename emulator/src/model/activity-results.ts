import type { Models } from 'purecloud-platform-client-v2';
import { toIso } from '../clock.js';
import { matchesFilter, type Filter } from './analytics-filter.js';
import { dimensionsOf } from './analytics-results.js';
import type { QueueActivity } from './queue-activity.js';

export interface ActivityQuery {
  metrics: { metric: string; details?: boolean }[];
  groupBy: string[];
  filter?: Filter;
  order?: 'asc' | 'desc' | 'unordered';
}

function toEntity(a: QueueActivity): Models.ConversationActivityEntityData {
  return {
    activityDate: toIso(a.date),
    metric: a.metric,
    conversationId: a.conversationId,
    queueId: a.queueId,
    userId: a.userId,
    sessionId: a.sessionId,
    mediaType: a.mediaType,
    direction: a.direction,
    ani: a.ani,
    dnis: a.dnis,
    addressFrom: a.addressFrom,
    addressTo: a.addressTo,
    participantName: a.participantName,
    routingPriority: 0,
    requestedRoutings: ['Standard'],
    usedRouting: a.userId ? 'Standard' : undefined,
  };
}

function groupOf(a: QueueActivity, groupBy: readonly string[]): Record<string, string> {
  const dims = dimensionsOf(a);
  const group: Record<string, string> = {};
  for (const dimension of groupBy) {
    const value = dims[dimension];
    if (value !== undefined) group[dimension] = value;
  }
  return group;
}

/**
 * `ConversationActivityResponse` for one page: counts per group and metric over everything that
 * matches; `entities` (metrics asked with `details: true`) ordered by `activityDate` and cut to
 * the page, each under its group. No total: a page shorter than `pageSize` is the last.
 */
export function activityResults(
  query: ActivityQuery,
  activities: readonly QueueActivity[],
  page: { pageSize: number; pageNumber: number },
): Models.ConversationActivityResponse {
  const wanted = new Set(query.metrics.map((m) => m.metric));
  const detailed = new Set(query.metrics.filter((m) => m.details).map((m) => m.metric));
  const matching = activities.filter(
    (a) => wanted.has(a.metric) && matchesFilter(query.filter, dimensionsOf(a)),
  );
  const groups = new Map<string, { group: Record<string, string>; members: QueueActivity[] }>();
  for (const activity of matching) {
    const group = groupOf(activity, query.groupBy);
    const key = JSON.stringify(group);
    const entry = groups.get(key) ?? { group, members: [] };
    entry.members.push(activity);
    groups.set(key, entry);
  }
  const ordered = matching.filter((a) => detailed.has(a.metric));
  if (query.order === 'desc') ordered.reverse();
  const start = (page.pageNumber - 1) * page.pageSize;
  const onPage = new Set(ordered.slice(start, start + page.pageSize));
  return {
    results: [...groups.values()].map(({ group, members }) => {
      const entities = members.filter((a) => onPage.has(a));
      if (query.order === 'desc') entities.reverse();
      return {
        group,
        data: query.metrics.map(({ metric }) => ({
          metric,
          count: members.filter((a) => a.metric === metric).length,
        })),
        ...(entities.length > 0 ? { entities: entities.map(toEntity) } : {}),
      };
    }),
    entityIdDimension: 'conversationId',
  };
}
