/**
 * Which response headers a browser may read (`Access-Control-Expose-Headers`), decided per
 * response: the `hideRateLimitHeaders` fault leaves out `Retry-After` and `inin-ratelimit-*`
 * (still sent, but unreadable cross-origin), as the platform may do (contract §4.2).
 */
import type { FastifyInstance } from 'fastify';
import type { Faults } from './faults.js';

export const ALWAYS_EXPOSED_HEADERS = ['ININ-Correlation-Id'] as const;
export const RATE_LIMIT_HEADERS = [
  'Retry-After',
  'inin-ratelimit-count',
  'inin-ratelimit-allowed',
  'inin-ratelimit-reset',
] as const;

export function exposedHeaders(faults: Pick<Faults, 'hideRateLimitHeaders'>): string {
  return (
    faults.hideRateLimitHeaders
      ? [...ALWAYS_EXPOSED_HEADERS]
      : [...ALWAYS_EXPOSED_HEADERS, ...RATE_LIMIT_HEADERS]
  ).join(', ');
}

/**
 * Call before registering routes; replaces a static `exposedHeaders` list on the CORS plugin. Only
 * on responses the CORS plugin allowed (a loopback origin): others carry no CORS header at all.
 */
export function registerExposedHeaders(app: FastifyInstance, faults: Faults): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('Access-Control-Allow-Origin')) return payload;
    reply.header('Access-Control-Expose-Headers', exposedHeaders(faults));
    return payload;
  });
}
