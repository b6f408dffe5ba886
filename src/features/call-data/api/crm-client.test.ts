import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  crmAuthorization,
  CrmError,
  lookupCrm,
  parseCrmAnswer,
  type CrmFailure,
} from './crm-client';

const REQUEST = { conversationId: 'c1', participantId: 'p1', attributes: { tier: 'Gold' } };

/** A fetch that answers after `delayMs` unless aborted first (like the browser's). */
function fakeFetch(answer: () => Response, delayMs = 0) {
  const calls: RequestInit[] = [];
  const impl = (_url: string | URL | Request, init?: RequestInit) => {
    calls.push(init ?? {});
    return new Promise<Response>((resolve, reject) => {
      const timer = setTimeout(() => resolve(answer()), delayMs);
      init?.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  };
  return { impl: impl as typeof fetch, calls };
}

async function failure(promise: Promise<unknown>): Promise<CrmFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CrmError) return error.failure;
    throw error;
  }
  throw new Error('expected a CrmError');
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('lookupCrm', () => {
  it('posts the call and its attributes with the agent’s bearer token, no cookies, and returns the attributes', async () => {
    const f = fakeFetch(() => Response.json({ attributes: { 'crm.tier': 'Gold' }, extra: 1 }));
    const result = lookupCrm('https://crm.example.com/lookup', REQUEST, {
      fetch: f.impl,
      bearer: { accessToken: 'tok-1', origin: 'https://crm.example.com' },
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(await result).toEqual({ 'crm.tier': 'Gold' });
    expect(f.calls[0]).toMatchObject({ method: 'POST', credentials: 'omit', redirect: 'error' });
    expect(f.calls[0]!.headers).toMatchObject({ authorization: 'Bearer tok-1' });
    expect(JSON.parse(String(f.calls[0]!.body))).toEqual(REQUEST);
  });

  it('sends no token to a URL off the configured CRM’s origin', async () => {
    const f = fakeFetch(() => Response.json({ attributes: {} }));
    const result = lookupCrm('https://elsewhere.example/lookup', REQUEST, {
      fetch: f.impl,
      bearer: { accessToken: 'tok-1', origin: 'https://crm.example.com' },
    });
    await vi.advanceTimersByTimeAsync(0);
    await result;
    expect(f.calls[0]!.headers).not.toHaveProperty('authorization');
  });

  it('tells a refused token (401) and an agent not on the call (403) from other failures', async () => {
    for (const [status, kind] of [
      [401, 'unauthorized'],
      [403, 'forbidden'],
    ] as const) {
      const f = fakeFetch(() => Response.json({ error: 'no' }, { status }));
      const failed = failure(lookupCrm('http://crm', REQUEST, { fetch: f.impl }));
      await vi.advanceTimersByTimeAsync(0);
      expect(await failed).toEqual({ kind });
    }
  });

  it('gives up after the timeout', async () => {
    const f = fakeFetch(() => Response.json({ attributes: {} }), 15_000);
    const result = failure(lookupCrm('http://crm', REQUEST, { fetch: f.impl, timeoutMs: 10_000 }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await result).toEqual({ kind: 'timeout', ms: 10_000 });
  });

  it('tells a cancel from a timeout, and reports HTTP failures with their status', async () => {
    const controller = new AbortController();
    const slow = fakeFetch(() => Response.json({ attributes: {} }), 5000);
    const cancelled = failure(
      lookupCrm('http://crm', REQUEST, { fetch: slow.impl, signal: controller.signal }),
    );
    controller.abort();
    expect(await cancelled).toEqual({ kind: 'cancelled' });
    const broken = fakeFetch(() => Response.json({ error: 'crm_failure' }, { status: 500 }));
    const failed = failure(lookupCrm('http://crm', REQUEST, { fetch: broken.impl }));
    await vi.advanceTimersByTimeAsync(0);
    expect(await failed).toEqual({ kind: 'status', status: 500 });
  });

  it('reports an unreachable CRM as a network failure', async () => {
    const down = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(await failure(lookupCrm('http://crm', REQUEST, { fetch: down }))).toEqual({
      kind: 'network',
    });
  });
});

describe('crmAuthorization', () => {
  const bearer = (origin: string) => ({ accessToken: 'tok', origin });

  it('gives the token to the configured origin over https, or over http on this machine', () => {
    expect(
      crmAuthorization('https://crm.example.com/a?b=1', bearer('https://crm.example.com')),
    ).toEqual({ authorization: 'Bearer tok' });
    expect(crmAuthorization('http://127.0.0.1:8787/crm', bearer('http://127.0.0.1:8787'))).toEqual({
      authorization: 'Bearer tok',
    });
  });

  it('never to another origin, in clear text off this machine, or without a token', () => {
    expect(
      crmAuthorization('https://crm.example.com.evil/x', bearer('https://crm.example.com')),
    ).toEqual({});
    expect(
      crmAuthorization('https://crm.example.com:444/x', bearer('https://crm.example.com')),
    ).toEqual({});
    expect(crmAuthorization('http://crm.example.com/x', bearer('http://crm.example.com'))).toEqual(
      {},
    );
    expect(crmAuthorization('not a url', bearer('https://crm.example.com'))).toEqual({});
    expect(
      crmAuthorization('https://crm.example.com/x', {
        accessToken: undefined,
        origin: 'https://crm.example.com',
      }),
    ).toEqual({});
    expect(crmAuthorization('https://crm.example.com/x', undefined)).toEqual({});
  });
});

describe('parseCrmAnswer', () => {
  it('accepts string values only and keeps odd keys as keys', () => {
    expect(parseCrmAnswer('{"attributes":{"__proto__":"x"}}')).toEqual(
      Object.fromEntries([['__proto__', 'x']]),
    );
    for (const bad of ['', 'null', '{"attributes":[]}', '{"attributes":{"n":2}}', '<html>'])
      expect(() => parseCrmAnswer(bad)).toThrow(CrmError);
  });
});
