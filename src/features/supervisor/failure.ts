import type { PlatformError } from '../../platform/errors';

/**
 * The platform's failures reach the view as `PlatformError`s already (the supervision API group
 * and `changeParticipant` reject through the request budget, which normalises them). This only
 * types them, without the view's chunk importing the error module at run time (shared with
 * other chunks, it would be split out of the agent panel's entry). Anything else, e.g. the
 * registry's topic limit, reads as `invalid` with its message.
 */
export function asPlatformError(error: unknown): PlatformError {
  if (typeof error === 'object' && error !== null && 'kind' in error && 'details' in error)
    return error as PlatformError;
  const message = error instanceof Error ? error.message : String(error);
  return Object.assign(new Error(message), {
    name: 'PlatformError',
    kind: 'invalid',
    details: {},
    status: undefined,
    code: error instanceof Error && 'code' in error ? String(error.code) : undefined,
    retryAfterMs: undefined,
    correlationId: undefined,
  }) as unknown as PlatformError;
}
