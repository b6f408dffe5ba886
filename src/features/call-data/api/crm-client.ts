import { CRM_TIMEOUT_MS } from '../limits';

/**
 * The external system the panel enriches a call from. Not a Genesys API: it is called with
 * `fetch` (never through the SDK), without cookies, and with the agent's Genesys access token as
 * `Authorization: Bearer …` so that the CRM can tell an agent from anyone (deploy/crm-backend.md:
 * it verifies the token with the region's API and that the user is on the conversation).
 *
 * Contract: `POST <url>` with JSON `{conversationId, participantId, attributes}` (the customer's
 * attributes, without this panel's own `lcp.*` keys) → 2xx JSON `{attributes: {key: string}}`,
 * the attributes to write back; 401 when the token is missing or not valid, 403 when the agent is
 * not on the conversation. Any other answer is a failure and nothing is written.
 */
export interface CrmRequest {
  conversationId: string;
  participantId: string;
  attributes: Record<string, string>;
}

export type CrmFailure =
  | { kind: 'timeout'; ms: number }
  | { kind: 'cancelled' }
  | { kind: 'network' }
  /** 401: the CRM did not accept the agent's token (none, expired, or not Genesys's). */
  | { kind: 'unauthorized' }
  /** 403: the CRM found the agent is not on this conversation. */
  | { kind: 'forbidden' }
  | { kind: 'status'; status: number }
  | { kind: 'invalid' };

export class CrmError extends Error {
  readonly name = 'CrmError';
  constructor(readonly failure: CrmFailure) {
    super(`CRM lookup failed: ${failure.kind}`);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{attributes: {key: string}}` with own keys only (a `__proto__` key stays a key). */
export function parseCrmAnswer(text: string): Record<string, string> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new CrmError({ kind: 'invalid' });
  }
  const attributes = isRecord(body) ? body.attributes : undefined;
  if (!isRecord(attributes)) throw new CrmError({ kind: 'invalid' });
  const entries = Object.entries(attributes);
  if (entries.some(([, value]) => typeof value !== 'string'))
    throw new CrmError({ kind: 'invalid' });
  return Object.fromEntries(entries as [string, string][]);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The `Authorization` header for a CRM request: the agent's token, only to the configured CRM's
 * origin, and only over https (or plain http to this machine, where the emulator's sample CRM
 * runs). Anything else gets no token: it never leaves for another origin or in clear text.
 *
 * @example
 * crmAuthorization('https://crm.example.com/lookup', { accessToken, origin: 'https://crm.example.com' });
 * // { authorization: 'Bearer …' }
 */
export function crmAuthorization(
  url: string,
  bearer: CrmBearer | undefined,
): { authorization: string } | Record<string, never> {
  if (!bearer?.accessToken) return {};
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return {};
  }
  const secure =
    target.protocol === 'https:' || (target.protocol === 'http:' && LOOPBACK.has(target.hostname));
  return secure && target.origin === bearer.origin
    ? { authorization: `Bearer ${bearer.accessToken}` }
    : {};
}

/** The agent's token and the one origin it may be sent to (the configured CRM's). */
export interface CrmBearer {
  accessToken: string | undefined;
  origin: string;
}

export interface LookupOptions {
  /** The caller cancels (the agent pressed Cancel, or the panel went away). */
  signal?: AbortSignal;
  /** Sent as `Authorization: Bearer …` when the URL is on `origin` (crmAuthorization). */
  bearer?: CrmBearer;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * Asks the CRM for the call's data. Gives up after `timeoutMs` (10 s), counting the whole answer,
 * body included. Every failure is a `CrmError` with a `failure.kind`.
 *
 * @example
 * const attributes = await lookupCrm(url, { conversationId, participantId, attributes: {} });
 */
export async function lookupCrm(
  url: string,
  request: CrmRequest,
  options: LookupOptions = {},
): Promise<Record<string, string>> {
  const timeoutMs = options.timeoutMs ?? CRM_TIMEOUT_MS;
  const controller = new AbortController();
  const state = { timedOut: false };
  const timer = setTimeout(() => {
    state.timedOut = true;
    controller.abort();
  }, timeoutMs);
  const cancel = () => controller.abort();
  options.signal?.addEventListener('abort', cancel);
  try {
    if (options.signal?.aborted) throw new CrmError({ kind: 'cancelled' });
    const response = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...crmAuthorization(url, options.bearer),
      },
      body: JSON.stringify(request),
      signal: controller.signal,
      credentials: 'omit',
      // A redirect could carry the token elsewhere: it is a failure instead.
      redirect: 'error',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
    const text = await response.text();
    if (response.status === 401) throw new CrmError({ kind: 'unauthorized' });
    if (response.status === 403) throw new CrmError({ kind: 'forbidden' });
    if (!response.ok) throw new CrmError({ kind: 'status', status: response.status });
    return parseCrmAnswer(text);
  } catch (error) {
    if (error instanceof CrmError) throw error;
    if (state.timedOut) throw new CrmError({ kind: 'timeout', ms: timeoutMs });
    if (options.signal?.aborted) throw new CrmError({ kind: 'cancelled' });
    throw new CrmError({ kind: 'network' });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}
