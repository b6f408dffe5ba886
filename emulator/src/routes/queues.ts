/**
 * Queues (contract §2.11): `GET /api/v2/routing/queues[?id=…]` and `GET …/queues/{queueId}` need
 * `routing:queue:view` (agents lack it); `GET …/queues/me` lists the caller's own queues with no
 * permission, the way an agent learns a queue's name.
 */
import type { FastifyInstance } from 'fastify';
import type { Models } from 'purecloud-platform-client-v2';
import { z } from 'zod';
import type { EmulatorContext } from '../context.js';
import { assert, missingPermissions, notFound } from '../errors.js';
import { requireUser } from '../http-helpers.js';
import { ALERTING_TIMEOUT_MS, WRAPUP_TIMEOUT_MS } from '../model/inbound-legs.js';
import { ORG, QUEUES, USERS, type SeedQueue, type SeedUser } from '../seed.js';
import { pageOf, pagingQuery, parseQuery, repeated } from './paging.js';

export const QUEUE_VIEW_PERMISSION = 'routing:queue:view';
const CREATED = '2025-03-04T09:15:00.000Z';

const queuesQuery = z.object({
  ...pagingQuery,
  id: repeated,
  name: z.string().optional(),
  sortOrder: z.string().optional(),
  divisionId: repeated,
});

const myQueuesQuery = z.object({
  ...pagingQuery,
  joined: z.enum(['true', 'false']).optional(),
  sortOrder: z.string().optional(),
});

export function toQueue(queue: SeedQueue): Models.Queue {
  const members = USERS.filter((u) => u.queueIds.includes(queue.id)).length;
  return {
    id: queue.id,
    name: queue.name,
    division: { id: ORG.id, name: 'Home', selfUri: `/api/v2/authorization/divisions/${ORG.id}` },
    description: `${queue.name} calls`,
    dateCreated: CREATED,
    memberCount: members,
    userMemberCount: members,
    joinedMemberCount: members,
    mediaSettings: {
      call: {
        alertingTimeoutSeconds: ALERTING_TIMEOUT_MS / 1000,
        serviceLevel: { percentage: 0.8, durationMs: 20_000 },
      },
    },
    acwSettings: { wrapupPrompt: 'OPTIONAL', timeoutMs: WRAPUP_TIMEOUT_MS },
    skillEvaluationMethod: 'BEST',
    autoAnswerOnly: false,
    selfUri: `/api/v2/routing/queues/${queue.id}`,
  };
}

const requireQueueView = (user: SeedUser) => {
  if (!user.permissions.includes(QUEUE_VIEW_PERMISSION))
    throw missingPermissions([QUEUE_VIEW_PERMISSION]);
};

export function registerQueueRoutes(api: FastifyInstance, _ctx: EmulatorContext): void {
  api.get('/routing/queues', async (request) => {
    requireQueueView(requireUser(request));
    const query = parseQuery(queuesQuery, request.query);
    const name = query.name?.replace(/\*/g, '').toLowerCase();
    const matching = QUEUES.filter(
      (q) =>
        (query.id.length === 0 || query.id.includes(q.id)) &&
        (!name || q.name.toLowerCase().includes(name)),
    );
    const echoed = query.id.map((id): [string, string] => ['id', id]);
    return pageOf(matching.map(toQueue), query, '/api/v2/routing/queues', echoed);
  });

  api.get('/routing/queues/me', async (request) => {
    const user = requireUser(request);
    const query = parseQuery(myQueuesQuery, request.query);
    // Every membership of a seeded user is joined.
    const mine = query.joined === 'false' ? [] : QUEUES.filter((q) => user.queueIds.includes(q.id));
    const entities: Models.UserQueue[] = mine.map((q) => ({ ...toQueue(q), joined: true }));
    return pageOf(entities, query, '/api/v2/routing/queues/me');
  });

  api.get<{ Params: { queueId: string } }>('/routing/queues/:queueId', async (request) => {
    requireQueueView(requireUser(request));
    const queue = QUEUES.find((q) => q.id === request.params.queueId);
    assert(queue, () => notFound(`Queue ${request.params.queueId} was not found.`));
    return toQueue(queue);
  });
}
