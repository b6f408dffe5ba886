import type { FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { badRequest, unauthorized } from './errors.js';
import type { SeedUser } from './seed.js';

/** Parses with zod and turns the first problem into a Genesys 400 `invalid.value`. */
export function parseBody<T>(schema: ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'body';
  const message = `Invalid value for ${field}: ${issue?.message ?? 'invalid'}.`;
  throw badRequest(
    message,
    body === undefined || body === null ? 'bad.request' : 'invalid.value',
    field,
  );
}

/** The signed-in user of an /api request (auth ran in the API plugin's onRequest hook). */
export function requireUser(request: FastifyRequest): SeedUser {
  if (!request.user) throw unauthorized('authentication.required');
  return request.user;
}

/** Base URLs as seen by the caller, so that connectUri and selfUris work on any port. */
export function originOf(request: FastifyRequest): { http: string; ws: string } {
  const host = request.headers.host ?? '127.0.0.1';
  return { http: `http://${host}`, ws: `ws://${host}` };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
