import { afterEach, describe, expect, it, vi } from 'vitest';
import { toPlatformError } from './errors';
import { FetchHttpClient, type HttpExchange } from './fetch-http-client';

const request = (
  over: Partial<{
    url: string;
    method: string;
    data: unknown;
    params: Record<string, string>;
  }> = {},
) => ({
  url: 'https://api.example.test/api/v2/things',
  method: 'PATCH',
  headers: { 'Content-Type': 'application/json' },
  ...over,
});

afterEach(() => vi.unstubAllGlobals());

describe('FetchHttpClient', () => {
  it('sends JSON with the query, and resolves with the axios-shaped response', async () => {
    const fetch = vi.fn(
      async () =>
        new Response('{"id":"x"}', { status: 200, headers: { 'ININ-Correlation-Id': 'c1' } }),
    );
    vi.stubGlobal('fetch', fetch);
    const response = await new FetchHttpClient().request(
      request({ data: { muted: true }, params: { id: 'a,b', pageSize: '2' } }),
    );
    expect(response).toMatchObject({
      status: 200,
      data: { id: 'x' },
      headers: { 'inin-correlation-id': 'c1' },
    });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://api.example.test/api/v2/things?id=a%2Cb&pageSize=2');
    expect(init).toMatchObject({ method: 'PATCH', body: '{"muted":true}', credentials: 'omit' });
  });

  it('passes a form body through as is (the token request)', async () => {
    const fetch = vi.fn(async () => new Response('', { status: 202 }));
    vi.stubGlobal('fetch', fetch);
    const response = await new FetchHttpClient().request(
      request({ method: 'POST', data: 'grant_type=x&code=y' }),
    );
    expect(response.data).toBeUndefined();
    expect((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body).toBe(
      'grant_type=x&code=y',
    );
  });

  it('rejects a non-2xx with the response, which becomes the PlatformError the SDK path expects', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(
          '{"message":"Retry the request in [7] seconds","code":"too.many.requests.retry.after"}',
          {
            status: 429,
          },
        ),
    );
    const failure: unknown = await new FetchHttpClient()
      .request(request())
      .catch((e: unknown) => e);
    const { response } = failure as {
      response: { status: number; data: unknown; headers: object };
    };
    expect(response.status).toBe(429);
    const error = toPlatformError({
      status: response.status,
      body: response.data,
      headers: response.headers,
    });
    expect(error).toMatchObject({ kind: 'rateLimited', retryAfterMs: 7000 });
  });

  it('reports a network failure and a timeout as network errors', async () => {
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    const offline = await new FetchHttpClient().request(request()).catch((e: unknown) => e);
    expect(toPlatformError(offline).kind).toBe('network');
    vi.stubGlobal(
      'fetch',
      (_url: string, init: RequestInit) =>
        new Promise((_, reject) =>
          init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
    );
    const slow = await new FetchHttpClient(20).request(request()).catch((e: unknown) => e);
    expect(slow).toMatchObject({ code: 'ECONNABORTED' });
    expect(toPlatformError(slow).kind).toBe('network');
  });
});

describe('FetchHttpClient observer (the diagnostics trace)', () => {
  it('tells each finished request: method, URL without query, status, correlation id; never headers or body', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response('{"message":"Retry the request in [3] seconds","code":"too.many.requests"}', {
          status: 429,
          headers: { 'ININ-Correlation-Id': 'corr-9', 'Retry-After': '3' },
        }),
    );
    const seen: HttpExchange[] = [];
    await new FetchHttpClient(undefined, (e) => seen.push(e))
      .request({
        ...request({ url: 'https://api.example.test/api/v2/things/t1?secret=1' }),
        headers: { Authorization: 'Bearer token-abc' },
        params: { name: 'Dana' },
      })
      .catch(() => undefined);
    expect(seen).toEqual([
      {
        method: 'PATCH',
        url: 'https://api.example.test/api/v2/things/t1',
        status: 429,
        durationMs: expect.any(Number) as number,
        correlationId: 'corr-9',
        errorCode: 'too.many.requests',
        retryAfterSeconds: 3,
      },
    ]);
    expect(JSON.stringify(seen)).not.toMatch(/token-abc|Dana|secret|Retry the request/);
  });

  it('tells a request that got no response as status 0, and an observer that throws breaks nothing', async () => {
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    const statuses: number[] = [];
    await new FetchHttpClient(undefined, (e) => statuses.push(e.status))
      .request(request())
      .catch(() => undefined);
    expect(statuses).toEqual([0]);
    vi.stubGlobal('fetch', async () => new Response('{"ok":true}', { status: 200 }));
    const response = await new FetchHttpClient(undefined, () => {
      throw new Error('observer failed');
    }).request(request());
    expect(response.data).toEqual({ ok: true });
  });
});
