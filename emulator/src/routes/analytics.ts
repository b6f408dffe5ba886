import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../context.js';
import { ApiError, missingPermissions } from '../errors.js';
import { parseBody, requireUser } from '../http-helpers.js';
import { activityResults } from '../model/activity-results.js';
import { allPredicates, filterSchema, type Filter } from '../model/analytics-filter.js';
import { observationResults, SUPPORTED_OBSERVATION_METRICS } from '../model/analytics-results.js';
import { interactionActivities } from '../model/queue-interactions.js';
import { queueActivities, type QueueActivity } from '../model/queue-activity.js';
import { QUEUES, type SeedUser } from '../seed.js';

export const QUEUE_OBSERVATION_PERMISSION = 'analytics:queueObservation:view';

/** JAVA `QueueObservationQuery` enums (contract §2.13). */
const OBSERVATION_METRICS = [
  'oActiveUsers',
  'oAlerting',
  'oInteracting',
  'oLongestInteracting',
  'oLongestWaiting',
  'oMemberUsers',
  'oOffQueueUsers',
  'oOnQueueUsers',
  'oUserPresences',
  'oUserRoutingStatuses',
  'oWaiting',
] as const;
const DETAIL_METRICS = OBSERVATION_METRICS.filter((m) => !m.startsWith('oLongest')) as [
  string,
  ...string[],
];
const ACTIVITY_METRICS = [
  'oAlerting',
  'oInteracting',
  'oLongestInteracting',
  'oLongestWaiting',
  'oWaiting',
] as const;
const ACTIVITY_DIMENSIONS = [
  'activeRouting',
  'addressFrom',
  'addressTo',
  'agentScore',
  'ani',
  'conversationId',
  'convertedFrom',
  'convertedTo',
  'direction',
  'dnis',
  'mediaType',
  'participantName',
  'queueId',
  'requestedLanguageId',
  'requestedRouting',
  'requestedRoutingSkillId',
  'routingPriority',
  'scoredAgentId',
  'sessionId',
  'teamId',
  'usedRouting',
  'userId',
] as const;

const queueObservationQuery = z.object({
  filter: filterSchema(['queueId', 'mediaType'] as const),
  metrics: z.array(z.enum(OBSERVATION_METRICS)).min(1),
  detailMetrics: z.array(z.enum(DETAIL_METRICS)).optional(),
});

const conversationActivityQuery = z.object({
  metrics: z
    .array(z.object({ metric: z.enum(ACTIVITY_METRICS), details: z.boolean().optional() }).strict())
    .min(1),
  groupBy: z.array(z.enum(ACTIVITY_DIMENSIONS)),
  filter: filterSchema(ACTIVITY_DIMENSIONS).optional(),
  order: z.enum(['asc', 'desc', 'unordered']).optional(),
});

const activityPage = z.object({
  pageSize: z.coerce.number().int().min(1).max(1000).default(100),
  pageNumber: z.coerce.number().int().min(1).default(1),
});

const notImplemented = (what: string) =>
  new ApiError(501, 'not.implemented', `The emulator does not implement ${what}.`);

function requireObservationPermission(user: SeedUser): void {
  if (!user.permissions.includes(QUEUE_OBSERVATION_PERMISSION))
    throw missingPermissions([QUEUE_OBSERVATION_PERMISSION]);
}

/** Only dimension predicates are modelled (the calls have no metric or property values). */
function requireDimensionPredicates(filter: Filter | undefined): void {
  const other = allPredicates(filter).find((p) => (p.type ?? 'dimension') !== 'dimension');
  if (other) throw notImplemented(`${other.type ?? ''} predicates`);
}

/** Live calls and non-voice interactions, oldest first (ties by conversation id). */
function allActivities(ctx: EmulatorContext): QueueActivity[] {
  return [
    ...queueActivities(ctx.conversations.all()),
    ...interactionActivities(ctx.interactions.all()),
  ].sort((a, b) => a.date - b.date || a.conversationId.localeCompare(b.conversationId));
}

/** Queue observations and the paged conversation activity query (contract §2.13). */
export function registerAnalyticsRoutes(api: FastifyInstance, ctx: EmulatorContext): void {
  api.post('/analytics/queues/observations/query', async (request) => {
    requireObservationPermission(requireUser(request));
    const query = parseBody(queueObservationQuery, request.body);
    const unsupported = [...query.metrics, ...(query.detailMetrics ?? [])].filter(
      (m) => !(SUPPORTED_OBSERVATION_METRICS as readonly string[]).includes(m),
    );
    if (unsupported.length > 0) throw notImplemented(`the metrics ${unsupported.join(', ')}`);
    requireDimensionPredicates(query.filter);
    return observationResults(
      query,
      allActivities(ctx),
      QUEUES.map((q) => q.id),
    );
  });

  api.post<{ Querystring: Record<string, string> }>(
    '/analytics/conversations/activity/query',
    async (request) => {
      requireObservationPermission(requireUser(request));
      const page = parseBody(activityPage, request.query);
      const query = parseBody(conversationActivityQuery, request.body);
      const longest = query.metrics.find((m) => m.metric.startsWith('oLongest'));
      if (longest) throw notImplemented(`the metric ${longest.metric}`);
      requireDimensionPredicates(query.filter);
      return activityResults(query, allActivities(ctx), page);
    },
  );
}
