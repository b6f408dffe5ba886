/**
 * Users by id, for name lookups (contract §2.11): `GET /api/v2/users?id=…` (batched, paged) and
 * `GET /api/v2/users/{userId}`. No permission is required. Call legs carry only user ids, so this
 * is how a client learns who is on a call.
 */
import type { FastifyInstance } from 'fastify';
import type { Models } from 'purecloud-platform-client-v2';
import { z } from 'zod';
import type { EmulatorContext } from '../context.js';
import { assert, badRequest, notFound } from '../errors.js';
import { requireUser } from '../http-helpers.js';
import { findUser, ORG, USERS, type SeedUser } from '../seed.js';
import { pageOf, pagingQuery, parseQuery, repeated } from './paging.js';

const USER_STATES = ['active', 'inactive', 'deleted', 'any'] as const;

const usersQuery = z.object({
  ...pagingQuery,
  id: repeated,
  jabberId: repeated,
  state: z.enum(USER_STATES).optional(),
  sortOrder: z.enum(['ASC', 'DESC', 'asc', 'desc']).optional(),
  expand: repeated,
});

/** A seeded user as `User` (every seeded user is active). */
export function toUser(user: SeedUser): Models.User {
  return {
    id: user.id,
    name: user.name,
    division: { id: ORG.id, name: 'Home', selfUri: `/api/v2/authorization/divisions/${ORG.id}` },
    chat: { jabberId: `${user.id.replace(/-/g, '')}@lcpdemo.orgspan.com` },
    email: user.email,
    primaryContactInfo: [{ address: user.email, mediaType: 'EMAIL', type: 'PRIMARY' }],
    addresses: [],
    state: 'active',
    title: user.title,
    username: user.email,
    version: 1,
    acdAutoAnswer: false,
    selfUri: `/api/v2/users/${user.id}`,
  };
}

/** Ids in the order asked (unknown ids are left out), else jabber ids, else everyone. */
function selectUsers(query: z.infer<typeof usersQuery>): SeedUser[] {
  const state = query.state ?? 'active';
  // Seeded users are all active: `inactive` and `deleted` find nobody.
  if (state !== 'active' && state !== 'any') return [];
  if (query.id.length > 0)
    return [...new Set(query.id)].flatMap((id) => {
      const user = findUser(id);
      return user ? [user] : [];
    });
  if (query.jabberId.length > 0)
    return USERS.filter((u) => query.jabberId.includes(toUser(u).chat?.jabberId ?? ''));
  return [...USERS];
}

export function registerUserLookupRoutes(api: FastifyInstance, _ctx: EmulatorContext): void {
  api.get('/users', async (request) => {
    requireUser(request);
    const query = parseQuery(usersQuery, request.query);
    if (query.id.length > 0 && query.jabberId.length > 0)
      throw badRequest('id and jabberId cannot be used together.', 'bad.request', 'jabberId');
    const found = selectUsers(query);
    const echoed: [string, string][] = [
      ...query.id.map((id): [string, string] => ['id', id]),
      ...(query.state ? [['state', query.state] as [string, string]] : []),
    ];
    return pageOf(found.map(toUser), query, '/api/v2/users', echoed);
  });

  api.get<{ Params: { userId: string } }>('/users/:userId', async (request) => {
    requireUser(request);
    const user = findUser(request.params.userId);
    assert(user, () => notFound(`User ${request.params.userId} was not found.`));
    return toUser(user);
  });
}
