/**
 * The 429 message text (contract §4.2) and the fault that hides the rate-limit headers from the
 * browser: CORS stops exposing them, so a client must read the seconds from the message.
 * Driven with `app.inject` (no listening socket).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMULATOR_CONTROL_HEADER, EMULATOR_CONTROL_VALUE } from '../control-header.js';
import { createEmulator, type Emulator } from '../src/server.js';
import { SEED_USERS } from '../seed-ids.js';

const ALICE_ID = SEED_USERS.alice.id;
const ORIGIN = 'http://127.0.0.1:5173';
const CONTROL = { [EMULATOR_CONTROL_HEADER]: EMULATOR_CONTROL_VALUE };

let emulator: Emulator;
let token: string;
beforeAll(async () => {
  emulator = createEmulator({ seed: 11 });
  await emulator.app.ready();
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await emulator.app.inject({ method: 'POST', url: '/__emulator/reset', headers: CONTROL });
  token = emulator.ctx.auth.issueToken(ALICE_ID, 'lcp-local').value;
});

const faults = (body: Record<string, unknown>) =>
  emulator.app.inject({
    method: 'POST',
    url: '/__emulator/faults',
    payload: body,
    headers: CONTROL,
  });
const me = () =>
  emulator.app.inject({
    method: 'GET',
    url: '/api/v2/users/me',
    headers: { authorization: `Bearer ${token}`, origin: ORIGIN },
  });
const exposed = (headers: Record<string, unknown>) =>
  String(headers['access-control-expose-headers'] ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase());

describe('429', () => {
  it('says how many seconds to wait in the current message text', async () => {
    await faults({ rateLimitPerMinute: 1 });
    expect((await me()).statusCode).toBe(200);
    const limited = await me();
    expect(limited.statusCode).toBe(429);
    const body = limited.json<{ message: string; code: string }>();
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(body.message).toBe(
      `Rate limit exceeded the maximum. Retry the request in [${retryAfter}] seconds`,
    );
    expect(body.code).toBe('too.many.requests.retry.after');
  });

  it('a failNext 429 carries the same text with its retryAfterSeconds', async () => {
    await faults({
      failNext: { method: 'GET', path: '/api/v2/users/me', status: 429, retryAfterSeconds: 12 },
    });
    const limited = await me();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('12');
    expect(limited.json<{ message: string }>().message).toBe(
      'Rate limit exceeded the maximum. Retry the request in [12] seconds',
    );
  });
});

describe('hideRateLimitHeaders', () => {
  it('exposes Retry-After and inin-ratelimit-* by default', async () => {
    const response = await me();
    expect(exposed(response.headers)).toEqual([
      'inin-correlation-id',
      'retry-after',
      'inin-ratelimit-count',
      'inin-ratelimit-allowed',
      'inin-ratelimit-reset',
    ]);
  });

  it('while on, sends the headers but does not expose them, on 200s and on 429s', async () => {
    expect((await faults({ hideRateLimitHeaders: true, rateLimitPerMinute: 1 })).statusCode).toBe(
      200,
    );
    const ok = await me();
    expect(exposed(ok.headers)).toEqual(['inin-correlation-id']);
    expect(ok.headers['inin-ratelimit-allowed']).toBe('1');
    const limited = await me();
    expect(limited.statusCode).toBe(429);
    expect(exposed(limited.headers)).toEqual(['inin-correlation-id']);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.json<{ message: string }>().message).toMatch(
      /Retry the request in \[\d+\] seconds$/,
    );
    const state = await emulator.app.inject({
      method: 'GET',
      url: '/__emulator/state',
      headers: CONTROL,
    });
    expect(
      state.json<{ faults: { hideRateLimitHeaders: boolean } }>().faults.hideRateLimitHeaders,
    ).toBe(true);
  });

  it('is cleared by reset and can be turned off', async () => {
    await faults({ hideRateLimitHeaders: true });
    await faults({ hideRateLimitHeaders: false });
    expect(exposed((await me()).headers)).toContain('retry-after');
    await faults({ hideRateLimitHeaders: true });
    await emulator.app.inject({ method: 'POST', url: '/__emulator/reset', headers: CONTROL });
    token = emulator.ctx.auth.issueToken(ALICE_ID, 'lcp-local').value;
    expect(exposed((await me()).headers)).toContain('retry-after');
    expect((await faults({ hideRateLimitHeaders: 'yes' })).statusCode).toBe(400);
  });
});
