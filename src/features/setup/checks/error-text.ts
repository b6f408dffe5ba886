import { toPlatformError } from '../../../platform/errors';

/**
 * A failure as a short technical reference for the admin and for support: the HTTP status and
 * the platform's error code (`403 missing.any.permissions`), or the kind of failure when there
 * was no answer (`network`). Never the platform's message text, which may quote data.
 *
 * @example
 * errorText(new PlatformError('forbidden', '…', { status: 403, code: 'missing.any.permissions' }));
 * // '403 missing.any.permissions'
 */
export function errorText(error: unknown): string {
  const failure = toPlatformError(error);
  if (failure.status)
    return failure.code ? `${failure.status} ${failure.code}` : `${failure.status}`;
  return failure.kind;
}
