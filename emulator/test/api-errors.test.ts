import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALICE, api, SAM, signIn, startEmulator } from './harness.js';

let running: Awaited<ReturnType<typeof startEmulator>>;
let alice: string;
beforeAll(async () => {
  running = await startEmulator();
});
afterAll(() => running.stop());
beforeEach(async () => {
  await running.control.reset();
  alice = await signIn(running.url, ALICE);
});

async function aliceCall() {
  const call = await running.control.createCall({ agentEmail: ALICE });
  const agent = call.participants.find((p) => p.purpose === 'agent')!.id;
  return {
    ...call,
    agent,
    path: `/conversations/calls/${call.conversationId}/participants/${agent}`,
  };
}

describe('401', () => {
  it('without a bearer token: authentication.required, in the ErrorBody shape', async () => {
    const response = await api(running.url, null, 'GET', '/users/me');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({
      status: 401,
      code: 'authentication.required',
      errors: [],
      details: [],
    });
    expect(response.body?.contextId).toBe(response.headers.get('inin-correlation-id'));
  });

  it('with an unknown or expired token: bad.credentials', async () => {
    expect((await api(running.url, 'not-a-token', 'GET', '/users/me')).body?.code).toBe(
      'bad.credentials',
    );
    await running.control.faults({ expireTokens: true });
    const expired = await api(running.url, alice, 'GET', '/users/me');
    expect(expired.status).toBe(401);
    expect(expired.body?.code).toBe('bad.credentials');
  });

  it('tokens expire on the emulator clock after their lifetime', async () => {
    await running.control.advanceClock(86_400_000 + 1);
    expect((await api(running.url, alice, 'GET', '/users/me')).status).toBe(401);
  });
});

describe('403', () => {
  it('missing.any.permissions for an agent listing queues', async () => {
    const response = await api(running.url, alice, 'GET', '/routing/queues');
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'missing.any.permissions' });
    expect(response.body?.message).toContain('routing:queue:view');
    const sam = await signIn(running.url, SAM);
    const queues = await api(running.url, sam, 'GET', '/routing/queues');
    expect((queues.body?.entities as { name: string }[]).map((q) => q.name)).toEqual([
      'Support',
      'Sales',
    ]);
  });

  it('not.active.participant when a supervisor changes a call they are not on', async () => {
    const { path } = await aliceCall();
    const sam = await signIn(running.url, SAM);
    const response = await api(running.url, sam, 'PATCH', path, { muted: true });
    expect(response.status).toBe(403);
    expect(response.body?.code).toBe('conversation.error.forbidden.not.active.participant');
  });
});

describe('404', () => {
  it('unknown conversation, unknown participant, unknown route', async () => {
    const { conversationId } = await aliceCall();
    expect(
      (
        await api(
          running.url,
          alice,
          'GET',
          '/conversations/calls/00000000-0000-4000-8000-000000000000',
        )
      ).status,
    ).toBe(404);
    const unknownPid = await api(
      running.url,
      alice,
      'PATCH',
      `/conversations/calls/${conversationId}/participants/nope`,
      { muted: true },
    );
    expect(unknownPid.status).toBe(404);
    const route = await api(running.url, alice, 'GET', '/conversations/videos');
    expect(route.status).toBe(404);
    expect(route.body).toMatchObject({ code: 'not.found', status: 404 });
  });
});

describe('400', () => {
  it('malformed JSON, wrong types, empty changes and non-string attributes', async () => {
    const { path, conversationId } = await aliceCall();
    const malformed = await api(running.url, alice, 'PATCH', path, '{"muted": tru');
    expect(malformed.status).toBe(400);
    expect(malformed.body?.code).toBe('bad.request');
    const wrongType = await api(running.url, alice, 'PATCH', path, { muted: 'yes' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toMatchObject({
      code: 'invalid.value',
      details: [{ fieldName: 'muted' }],
    });
    expect((await api(running.url, alice, 'PATCH', path, {})).status).toBe(400);
    expect((await api(running.url, alice, 'PATCH', path, { state: 'parked' })).body?.code).toBe(
      'invalid.value',
    );
    const customer = (await running.control.participant(conversationId, 'customer')).id;
    const attrs = await api(
      running.url,
      alice,
      'PATCH',
      `/conversations/calls/${conversationId}/participants/${customer}/attributes`,
      {
        attributes: { count: 3 },
      },
    );
    expect(attrs.status).toBe(400);
    expect(attrs.body?.code).toBe('invalid.value');
  });

  it('cannot hold an alerting call, nor change a disconnected one', async () => {
    const call = await running.control.createCall({ agentEmail: ALICE, autoAnswer: false });
    const agent = call.participants.find((p) => p.purpose === 'agent')!.id;
    const path = `/conversations/calls/${call.conversationId}/participants/${agent}`;
    expect((await api(running.url, alice, 'PATCH', path, { held: true })).body?.code).toBe(
      'conversation.error.hold.alerting',
    );
    await running.control.hangup(call.conversationId);
    expect((await api(running.url, alice, 'PATCH', path, { muted: true })).body?.code).toBe(
      'conversation.error.call.disconnected',
    );
  });

  it('a body over 512000 bytes is refused with 413', async () => {
    const { conversationId } = await aliceCall();
    const customer = (await running.control.participant(conversationId, 'customer')).id;
    const big = await api(
      running.url,
      alice,
      'PATCH',
      `/conversations/calls/${conversationId}/participants/${customer}/attributes`,
      {
        attributes: { blob: 'x'.repeat(520_000) },
      },
    );
    expect(big.status).toBe(413);
    expect(big.body?.code).toBe('request.entity.too.large');
  });
});

describe('429', () => {
  it('limits requests per token per minute with Retry-After and inin-ratelimit-* headers', async () => {
    await running.control.faults({ rateLimitPerMinute: 3 });
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 4; i += 1) {
      last = await api(running.url, alice, 'GET', '/users/me');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last!.body?.code).toBe('too.many.requests.retry.after');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.headers.get('inin-ratelimit-allowed')).toBe('3');
    expect(last!.headers.get('inin-ratelimit-count')).toBe('3');
    expect(Number(last!.headers.get('inin-ratelimit-reset'))).toBeLessThanOrEqual(60);
    await running.control.advanceClock(60_000);
    expect((await api(running.url, alice, 'GET', '/users/me')).status).toBe(200);
  });

  it('defaults to 300 requests per minute per token', async () => {
    const first = await api(running.url, alice, 'GET', '/users/me');
    expect(first.headers.get('inin-ratelimit-allowed')).toBe('300');
  });
});

describe('faults and cross-cutting headers', () => {
  it('failNext fails exactly the next matching request', async () => {
    const { path } = await aliceCall();
    await running.control.faults({
      failNext: {
        method: 'PATCH',
        path: '/api/v2/conversations/calls/*/participants/*',
        status: 429,
        retryAfterSeconds: 2,
      },
    });
    const failed = await api(running.url, alice, 'PATCH', path, { muted: true });
    expect(failed.status).toBe(429);
    expect(failed.headers.get('retry-after')).toBe('2');
    expect((await api(running.url, alice, 'PATCH', path, { muted: true })).status).toBe(202);
  });

  it('answers CORS preflights and exposes the Genesys headers', async () => {
    const preflight = await fetch(`${running.url}/api/v2/conversations/calls/x/participants/y`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:5173',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
    const real = await fetch(`${running.url}/api/v2/users/me`, {
      headers: { origin: 'http://127.0.0.1:5173', authorization: `Bearer ${alice}` },
    });
    expect(real.headers.get('access-control-expose-headers')).toContain('Retry-After');
    expect(real.headers.get('inin-correlation-id')).toMatch(/^[\w-]+$/);
  });
});
