import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { missingPermissions } from '../errors.js';
import { requireUser } from '../http-helpers.js';
import { ORG, OAUTH_CLIENT, QUEUES, USERS } from '../seed.js';
import { toIso } from '../clock.js';

export function registerUserRoutes(api: FastifyInstance, _ctx: EmulatorContext): void {
  api.get('/tokens/me', async (request) => {
    requireUser(request);
    return {
      organization: { id: ORG.id, name: ORG.name },
      homeOrganization: { id: ORG.id, name: ORG.name },
      authorizedScope: [
        'conversations',
        'notifications',
        'users:readonly',
        'routing:readonly',
        'architect:readonly',
      ],
      OAuthClient: { id: OAUTH_CLIENT.id, name: OAUTH_CLIENT.name },
      dateTokenIdles: toIso(request.accessToken!.expiresAt),
    };
  });

  api.get<{ Querystring: { expand?: string | string[] } }>('/users/me', async (request) => {
    const user = requireUser(request);
    const expand = [request.query.expand ?? []].flat().flatMap((e) => e.split(','));
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      username: user.email,
      title: user.title,
      state: 'active',
      division: { id: ORG.id, name: 'Home', selfUri: `/api/v2/authorization/divisions/${ORG.id}` },
      version: 1,
      selfUri: `/api/v2/users/${user.id}`,
      ...(expand.includes('authorization')
        ? {
            authorization: {
              roles: [],
              unusedRoles: [],
              permissions: [...user.permissions],
              permissionPolicies: [],
            },
          }
        : {}),
    };
  });

  api.get<{ Querystring: { pageSize?: string; pageNumber?: string; name?: string } }>(
    '/routing/queues',
    async (request) => {
      const user = requireUser(request);
      if (!user.permissions.includes('routing:queue:view'))
        throw missingPermissions(['routing:queue:view']);
      const pageSize = Math.min(500, Math.max(1, Number(request.query.pageSize ?? 25) || 25));
      const pageNumber = Math.max(1, Number(request.query.pageNumber ?? 1) || 1);
      const name = request.query.name?.replace(/\*/g, '').toLowerCase();
      const matching = QUEUES.filter((q) => !name || q.name.toLowerCase().includes(name));
      const entities = matching
        .slice((pageNumber - 1) * pageSize, pageNumber * pageSize)
        .map((q) => ({
          id: q.id,
          name: q.name,
          division: { id: ORG.id, name: 'Home' },
          memberCount: USERS.filter((u) => u.queueIds.includes(q.id)).length,
          selfUri: `/api/v2/routing/queues/${q.id}`,
        }));
      return {
        entities,
        pageSize,
        pageNumber,
        total: matching.length,
        pageCount: Math.max(1, Math.ceil(matching.length / pageSize)),
      };
    },
  );
}
