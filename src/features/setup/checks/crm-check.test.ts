import { afterEach, describe, expect, it, vi } from 'vitest';
import { createScheduler } from '../../../time/scheduler';
import { crmChecks, TEST_LOOKUP, type CrmDeps } from './crm-check';
import { parseCsp } from './csp';

/** The CRM is someone else's service: a scripted `fetch` stands in for it here. */
function crm(answer: (init: RequestInit) => Promise<Response>) {
  const sent: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn((url: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(url), init: init ?? {} });
    return answer(init ?? {});
  }) as unknown as typeof globalThis.fetch;
  return { fetch, sent };
}

const deps = (fetch: typeof globalThis.fetch, over: Partial<CrmDeps> = {}): CrmDeps => ({
  fetch,
  scheduler: createScheduler(),
  accessToken: async () => 'token-1',
  pageUrl: 'https://lcp.example.com/',
  ...over,
});

const status = (code: number) => () => Promise.resolve(new Response('{}', { status: code }));

afterEach(() => vi.useRealTimers());

describe('the CRM check', () => {
  it('sends an authenticated test lookup of a conversation that cannot exist; a 404 is an answer', async () => {
    const { fetch, sent } = crm(status(404));
    const [configured, request] = await crmChecks(
      'https://crm.example.com/lookup?key=s3cret',
      deps(fetch),
    );
    expect(configured).toMatchObject({
      status: 'works',
      facts: { crmOrigin: 'https://crm.example.com' },
    });
    expect(request).toMatchObject({
      status: 'works',
      detail: { id: 'setup.crm.answered', values: { status: 404 } },
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.init).toMatchObject({ method: 'POST', credentials: 'omit', redirect: 'error' });
    expect(sent[0]!.init.headers).toMatchObject({ authorization: 'Bearer token-1' });
    expect(JSON.parse(String(sent[0]!.init.body))).toEqual(TEST_LOOKUP);
    expect(JSON.stringify([configured, request])).not.toContain('s3cret');
  });

  it('never sends the token in clear text to another machine', async () => {
    const { fetch, sent } = crm(status(404));
    await crmChecks('http://crm.example.com/lookup', deps(fetch));
    expect(sent[0]!.init.headers).not.toHaveProperty('authorization');
    await crmChecks('http://127.0.0.1:8787/__emulator/crm/lookup', deps(fetch));
    expect(sent[1]!.init.headers).toHaveProperty('authorization', 'Bearer token-1');
  });

  it('reads 401 as a refused sign-in, 5xx as a failure, no answer as unreachable', async () => {
    const url = 'https://crm.example.com/lookup';
    const [, unauthorized] = await crmChecks(url, deps(crm(status(401)).fetch));
    expect(unauthorized).toMatchObject({
      status: 'willNotWork',
      detail: { id: 'setup.crm.unauthorized' },
      fix: { id: 'setup.crm.unauthorizedFix' },
    });
    const [, failing] = await crmChecks(url, deps(crm(status(503)).fetch));
    expect(failing).toMatchObject({ status: 'willNotWork', detail: { values: { status: 503 } } });
    const [, unreachable] = await crmChecks(
      url,
      deps(crm(() => Promise.reject(new TypeError('Failed to fetch'))).fetch),
    );
    expect(unreachable).toMatchObject({ detail: { id: 'setup.crm.unreachable' } });
  });

  it('gives up after the wait', async () => {
    vi.useFakeTimers();
    const { fetch } = crm(
      (init) =>
        new Promise((_, reject) =>
          init.signal?.addEventListener('abort', () => reject(new DOMException('', 'AbortError'))),
        ),
    );
    const done = crmChecks('https://crm.example.com/lookup', deps(fetch, { timeoutMs: 10_000 }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await done)[1]).toMatchObject({
      status: 'willNotWork',
      detail: { id: 'setup.crm.timeout', values: { seconds: 10 } },
    });
  });

  it('sends nothing when the page’s policy keeps it from the CRM, or none is configured', async () => {
    const { fetch, sent } = crm(status(404));
    const csp = parseCsp("connect-src 'self' https://api.mypurecloud.ie");
    const [, blocked] = await crmChecks('https://crm.example.com/lookup', deps(fetch, { csp }));
    expect(blocked).toMatchObject({ status: 'willNotWork', detail: { id: 'setup.crm.policy' } });
    expect(await crmChecks(undefined, deps(fetch))).toEqual([
      expect.objectContaining({ id: 'crm.configured', status: 'notChecked' }),
    ]);
    expect(sent).toEqual([]);
  });
});
