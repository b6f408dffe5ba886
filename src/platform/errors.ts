/** Every failure from the platform reaches callers as one type with a `kind`. */
export type PlatformErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'rateLimited'
  | 'server'
  | 'network'
  | 'invalid';

export class PlatformError extends Error {
  readonly name = 'PlatformError';

  constructor(
    readonly kind: PlatformErrorKind,
    message: string,
    readonly details: {
      status?: number;
      code?: string;
      correlationId?: string;
      retryAfterMs?: number;
    } = {},
  ) {
    super(message);
  }

  get status() {
    return this.details.status;
  }
  get code() {
    return this.details.code;
  }
  get retryAfterMs() {
    return this.details.retryAfterMs;
  }
  get correlationId() {
    return this.details.correlationId;
  }
}

function kindForStatus(status: number): PlatformErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rateLimited';
  if (status >= 500) return 'server';
  if (status === 0) return 'network';
  return 'invalid';
}

type Headers = Record<string, unknown> | undefined;

function header(headers: Headers, name: string): string | undefined {
  if (!headers) return undefined;
  const getter = (headers as { get?: (n: string) => unknown }).get;
  const value = typeof getter === 'function' ? getter.call(headers, name) : undefined;
  const found =
    value ?? Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  return typeof found === 'string' || typeof found === 'number' ? String(found) : undefined;
}

/** `Rate limit exceeded the maximum. Retry the request in [12] seconds` (contract §4.2). */
const RETRY_IN_MESSAGE = /\[(\d+)\]\s*seconds/i;

/**
 * The longest wait a 429 may ask for. A larger hint (a misread header, a hostile proxy) would
 * otherwise stall every request of the widget, or overflow the browser's timers (past ~24.8 days
 * a timeout fires at once: a retry storm).
 */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

const bounded = (ms: number): number =>
  Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)) : MAX_RETRY_AFTER_MS;

/**
 * How long a 429 asks to wait: Retry-After in seconds (or an HTTP date); else, when the browser
 * may not read that header (CORS), the seconds in the message text; else the rate-limit reset;
 * else one second. Never more than `MAX_RETRY_AFTER_MS`.
 */
export function retryAfterMs(headers: Headers, now = Date.now(), message?: string): number {
  const retryAfter = header(headers, 'retry-after');
  if (retryAfter !== undefined && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter);
    if (!Number.isNaN(seconds)) return bounded(seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return bounded(date - now);
  }
  const inMessage = message ? RETRY_IN_MESSAGE.exec(message)?.[1] : undefined;
  if (inMessage !== undefined) return bounded(Number(inMessage) * 1000);
  const reset = Number(header(headers, 'inin-ratelimit-reset'));
  return Number.isFinite(reset) && reset > 0 ? bounded(reset * 1000) : 1000;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Normalises what the SDK rejects with (an extended response, an ErrorBody, an axios error
 * without a response, or an Error) into a PlatformError. Never copies tokens or headers wholesale.
 */
export function toPlatformError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  if (
    isObject(error) &&
    typeof error.status === 'number' &&
    ('body' in error || 'headers' in error)
  ) {
    const body = isObject(error.body) ? error.body : {};
    const headers = isObject(error.headers) ? error.headers : undefined;
    const status = error.status;
    const kind = kindForStatus(status);
    return new PlatformError(
      kind,
      typeof body.message === 'string' ? body.message : `HTTP ${status}`,
      {
        status,
        code: typeof body.code === 'string' ? body.code : undefined,
        correlationId:
          header(headers, 'inin-correlation-id') ??
          (typeof body.contextId === 'string' ? body.contextId : undefined),
        retryAfterMs:
          kind === 'rateLimited'
            ? retryAfterMs(
                headers,
                Date.now(),
                typeof body.message === 'string' ? body.message : undefined,
              )
            : undefined,
      },
    );
  }
  if (isObject(error) && typeof error.status === 'number' && typeof error.code === 'string') {
    return new PlatformError(kindForStatus(error.status), String(error.message ?? error.code), {
      status: error.status,
      code: error.code,
    });
  }
  if (
    isObject(error) &&
    (error.isAxiosError === true || error.code === 'ERR_NETWORK' || error.code === 'ECONNABORTED')
  ) {
    return new PlatformError('network', 'The Genesys Cloud service could not be reached.', {
      status: 0,
    });
  }
  if (error instanceof Error) return new PlatformError('invalid', error.message);
  return new PlatformError('invalid', 'Unexpected error.');
}
