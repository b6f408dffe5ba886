import { CRM_TIMEOUT_MS } from '../limits';

/**
 * The external system the panel enriches a call from. Not a Genesys API: it is called with
 * `fetch` (never through the SDK), with no credentials and no Genesys token.
 *
 * Contract: `POST <url>` with JSON `{conversationId, participantId, attributes}` (the customer's
 * attributes, without this panel's own `lcp.*` keys) → 2xx JSON `{attributes: {key: string}}`,
 * the attributes to write back. Any other answer is a failure and nothing is written.
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

export interface LookupOptions {
  /** The caller cancels (the agent pressed Cancel, or the panel went away). */
  signal?: AbortSignal;
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
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request),
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
    const text = await response.text();
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
