import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.js';
import { requireUser } from '../http-helpers.js';
import { ORG, OAUTH_CLIENT } from '../seed.js';
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
        'analytics:readonly',
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
}
