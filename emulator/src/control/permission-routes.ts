/**
 * Role permissions taken away and given back (control plane, not a Genesys path), so that tests
 * can run the widget in an org where a user lacks one permission: `GET` and
 * `POST /__emulator/users/{email or id}/permissions` with `{revoke?, restore?}`.
 *
 * A taken permission is gone from everything the API does for that user from the next request
 * on, with the tokens they already hold: `GET /api/v2/users/me?expand=authorization` no longer
 * lists it, and every route that checks it refuses (403) as it would for a user whose role lacks
 * it (FIDELITY P1). The seeded users themselves never change; `/__emulator/reset` gives every
 * permission back.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../context.js';
import { assert, badRequest, notFound } from '../errors.js';
import { parseBody } from '../http-helpers.js';
import { findUser, findUserByEmail, type SeedUser } from '../seed.js';

const PERMISSION = z
  .string()
  .regex(/^[A-Za-z*]+(:[A-Za-z*]+){2}$/, 'a permission such as architect:flow:view');

const permissionChange = z
  .object({
    /** Taken away from the user until restored or reset. */
    revoke: z.array(PERMISSION).max(100).optional(),
    /** Given back (only permissions the user's seeded roles grant). */
    restore: z.array(PERMISSION).max(100).optional(),
  })
  .strict();

/** Per emulator: user id → the permissions taken from them. */
const revokedByEmulator = new WeakMap<EmulatorContext, Map<string, Set<string>>>();

function revokedOf(ctx: EmulatorContext): Map<string, Set<string>> {
  let revoked = revokedByEmulator.get(ctx);
  if (!revoked) {
    revoked = new Map();
    revokedByEmulator.set(ctx, revoked);
  }
  return revoked;
}

/** The user as the API sees them now: their seeded permissions minus those taken away. */
function effectiveUser(user: SeedUser, revoked: ReadonlySet<string> | undefined): SeedUser {
  if (!revoked || revoked.size === 0) return user;
  return { ...user, permissions: user.permissions.filter((p) => !revoked.has(p)) };
}

const findSeeded = (idOrEmail: string) =>
  idOrEmail.includes('@') ? findUserByEmail(idOrEmail) : findUser(idOrEmail);

export function registerPermissionRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const revoked = revokedOf(ctx);

  // After the API's own authentication (an onRequest hook of /api/v2), before any route reads
  // `request.user`: the user without what was taken away.
  app.addHook('preValidation', async (request) => {
    if (request.user) request.user = effectiveUser(request.user, revoked.get(request.user.id));
  });
  // The control plane's reset gives every permission back (reset itself lives in server.ts),
  // once it has been done: a reset the control plane refused changes nothing here either.
  app.addHook('onSend', async (request, reply, payload) => {
    if (
      request.method === 'POST' &&
      request.routeOptions.url === '/__emulator/reset' &&
      reply.statusCode < 300
    )
      revoked.clear();
    return payload;
  });

  const target = (request: FastifyRequest<{ Params: { user: string } }>) => {
    const user = findSeeded(request.params.user);
    assert(user, () => notFound(`No seeded user ${request.params.user}.`));
    return user;
  };
  const view = (user: SeedUser) => ({
    userId: user.id,
    email: user.email,
    permissions: effectiveUser(user, revoked.get(user.id)).permissions,
    revoked: [...(revoked.get(user.id) ?? [])].sort(),
  });

  app.get<{ Params: { user: string } }>('/__emulator/users/:user/permissions', async (request) =>
    view(target(request)),
  );

  app.post<{ Params: { user: string } }>('/__emulator/users/:user/permissions', async (request) => {
    const user = target(request);
    const change = parseBody(permissionChange, request.body ?? {});
    const unknown = [...(change.revoke ?? []), ...(change.restore ?? [])].filter(
      (p) => !user.permissions.includes(p),
    );
    assert(unknown.length === 0, () =>
      badRequest(
        `${user.email} has no seeded permission ${unknown.join(', ')}: only a permission their roles grant can be taken or given back.`,
        'invalid.value',
        'revoke',
      ),
    );
    const taken = revoked.get(user.id) ?? new Set<string>();
    for (const permission of change.revoke ?? []) taken.add(permission);
    for (const permission of change.restore ?? []) taken.delete(permission);
    if (taken.size > 0) revoked.set(user.id, taken);
    else revoked.delete(user.id);
    return view(user);
  });
}
