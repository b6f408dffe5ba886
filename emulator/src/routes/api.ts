import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { delay } from '../clock.js';
import type { EmulatorContext } from '../context.js';
import { ApiError, unauthorized } from '../errors.js';
import { DEFAULT_RATE_LIMIT_PER_MINUTE, rateLimitMessage } from '../rate-limit.js';
import { findUser } from '../seed.js';
import { registerAnalyticsRoutes } from './analytics.js';
import { registerArchitectRoutes } from './architect.js';
import { registerConversationRoutes } from './conversations.js';
import { registerNotificationRoutes } from './notifications.js';
import { registerSecureSessionRoutes } from './secure-sessions.js';
import { registerSupervisionRoutes } from './supervision.js';
import { registerQueueRoutes } from './queues.js';
import { registerUserLookupRoutes } from './user-lookup.js';
import { registerUserRoutes } from './users.js';

/**
 * Everything under /api/v2: bearer auth (401), per-token rate limit (429 with Retry-After and
 * inin-ratelimit-* headers), injected latency (on the emulator's clock) and one-shot failures, then
 * the resource routes.
 */
export function registerApi(app: FastifyInstance, ctx: EmulatorContext): void {
  app.register(
    async (api) => {
      api.addHook('onRequest', async (request, reply) => {
        if (request.method === 'OPTIONS') return;
        if (ctx.faults.latencyMs > 0) await delay(ctx.clock, ctx.faults.latencyMs, 'latency');
        authenticate(ctx, request);
        applyRateLimit(ctx, request, reply);
        const failure = ctx.faults.takeFailure(request.method, request.url);
        if (failure) {
          const retryAfter = failure.retryAfterSeconds ?? 1;
          const is429 = failure.status === 429;
          throw new ApiError(
            failure.status,
            failure.code ?? defaultCode(failure.status),
            failure.message ??
              (is429 ? rateLimitMessage(retryAfter) : `Injected failure (${failure.status}).`),
            is429 ? { 'Retry-After': String(retryAfter) } : {},
          );
        }
      });
      registerUserRoutes(api, ctx);
      registerUserLookupRoutes(api, ctx);
      registerQueueRoutes(api, ctx);
      registerConversationRoutes(api, ctx);
      registerNotificationRoutes(api, ctx);
      registerArchitectRoutes(api);
      registerSecureSessionRoutes(api, ctx);
      registerAnalyticsRoutes(api, ctx);
      registerSupervisionRoutes(api, ctx);
    },
    { prefix: '/api/v2' },
  );
}

function authenticate(ctx: EmulatorContext, request: FastifyRequest): void {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) throw unauthorized('authentication.required');
  const token = ctx.auth.validToken(match[1]);
  const user = token ? findUser(token.userId) : undefined;
  if (!token || !user) throw unauthorized('bad.credentials');
  request.accessToken = token;
  request.user = user;
}

function applyRateLimit(ctx: EmulatorContext, request: FastifyRequest, reply: FastifyReply): void {
  const limit = ctx.faults.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  const decision = ctx.rateLimiter.hit(request.accessToken!.value, limit);
  const headers = {
    'inin-ratelimit-count': String(decision.count),
    'inin-ratelimit-allowed': String(decision.limit),
    'inin-ratelimit-reset': String(decision.resetSeconds),
  };
  reply.headers(headers);
  if (!decision.allowed) {
    throw new ApiError(
      429,
      'too.many.requests.retry.after',
      rateLimitMessage(decision.resetSeconds),
      { ...headers, 'Retry-After': String(decision.resetSeconds) },
    );
  }
}

function defaultCode(status: number): string {
  const codes: Record<number, string> = {
    400: 'bad.request',
    401: 'bad.credentials',
    403: 'missing.any.permissions',
    404: 'not.found',
    409: 'conflict',
    429: 'too.many.requests.retry.after',
    500: 'internal.server.error',
    503: 'service.unavailable',
    504: 'request.timeout',
  };
  return codes[status] ?? 'internal.server.error';
}
