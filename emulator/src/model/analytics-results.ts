import type { Models } from 'purecloud-platform-client-v2';
import { toIso } from '../clock.js';
import { allUsers } from '../seed.js';
import { matchesFilter, namedValues, type Dimensions, type Filter } from './analytics-filter.js';
import { MEDIA_TYPES, type ConversationMetric, type QueueActivity } from './queue-activity.js';

/**
 * Past this many observations a metric's list is truncated (contract §2.13: "the first half of
 * the list … oldest, the second half the newest"). The platform's limit is not documented.
 */
export const OBSERVATION_DETAIL_LIMIT = 100;

/** Metrics the emulator answers; the rest of the enum (presence, routing status) is not modelled. */
export const SUPPORTED_OBSERVATION_METRICS = [
  'oWaiting',
  'oAlerting',
  'oInteracting',
  'oMemberUsers',
] as const;

export function dimensionsOf(a: QueueActivity): Dimensions {
  return {
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
    routingPriority: '0',
  };
}

function toObservation(a: QueueActivity): Models.ObservationValue {
  return {
    observationDate: toIso(a.date),
    conversationId: a.conversationId,
    sessionId: a.sessionId,
    routingPriority: 0,
    participantName: a.participantName,
    userId: a.userId,
    direction: a.direction,
    ani: a.ani,
    dnis: a.dnis,
    addressFrom: a.addressFrom,
    addressTo: a.addressTo,
    requestedRoutings: ['Standard'],
    usedRouting: a.userId ? 'Standard' : undefined,
  };
}

/** Oldest first; past the limit, the oldest half and the newest half with the middle missing. */
export function truncateObservations<T>(
  oldestFirst: readonly T[],
  limit = OBSERVATION_DETAIL_LIMIT,
): { items: T[]; truncated: boolean } {
  if (oldestFirst.length <= limit) return { items: [...oldestFirst], truncated: false };
  const half = Math.floor(limit / 2);
  return {
    items: [
      ...oldestFirst.slice(0, half),
      ...oldestFirst.slice(oldestFirst.length - (limit - half)),
    ],
    truncated: true,
  };
}

interface ObservationQuery {
  filter: Filter;
  metrics: string[];
  detailMetrics?: string[];
}

function metricData(
  metric: string,
  matching: readonly QueueActivity[],
  queueId: string,
  detailed: boolean,
): Models.ObservationMetricData {
  if (metric === 'oMemberUsers') {
    const members = allUsers().filter((u) => u.queueIds.includes(queueId)).length;
    return { metric, stats: { count: members } };
  }
  const items = matching.filter((a) => a.metric === (metric as ConversationMetric));
  const data: Models.ObservationMetricData = { metric, stats: { count: items.length } };
  if (!detailed) return data;
  const { items: shown, truncated } = truncateObservations(items);
  return { ...data, ...(truncated ? { truncated } : {}), observations: shown.map(toObservation) };
}

/** Metrics about the queue's members, not its conversations: no media type. */
const USER_METRICS: ReadonlySet<string> = new Set(['oMemberUsers']);

/**
 * `QueueObservationQueryResponse` split as a captured real response is: per queue, the user
 * metrics under `{queueId}`, then the conversation metrics under one `{mediaType, queueId}`
 * group per media type (the ones the filter names, else every one, zero counts included); a
 * group only when it has a metric asked. `activities` oldest first.
 */
export function observationResults(
  query: ObservationQuery,
  activities: readonly QueueActivity[],
  allQueueIds: readonly string[],
): Models.QueueObservationQueryResponse {
  const named = namedValues(query.filter, 'queueId');
  const queueIds = named.length > 0 ? named : allQueueIds;
  const namedMedia = namedValues(query.filter, 'mediaType');
  const mediaTypes = namedMedia.length > 0 ? namedMedia : MEDIA_TYPES;
  const detail = new Set(query.detailMetrics ?? []);
  const userMetrics = query.metrics.filter((m) => USER_METRICS.has(m));
  const conversationMetrics = query.metrics.filter((m) => !USER_METRICS.has(m));
  return {
    results: queueIds.flatMap((queueId) => [
      ...(userMetrics.length > 0
        ? [{ group: { queueId }, data: userMetrics.map((m) => metricData(m, [], queueId, false)) }]
        : []),
      ...(conversationMetrics.length > 0 ? mediaTypes : []).map((mediaType) => {
        const matching = activities.filter(
          (a) =>
            a.queueId === queueId &&
            a.mediaType.toLowerCase() === mediaType.toLowerCase() &&
            matchesFilter(query.filter, dimensionsOf(a)),
        );
        return {
          group: { mediaType, queueId },
          data: conversationMetrics.map((m) => metricData(m, matching, queueId, detail.has(m))),
        };
      }),
    ]),
  };
}
