/**
 * The sample CRM (not Genesys): a lookup by the caller's number that a browser may call, for an
 * agent on the call only (the agent's bearer token, verified against the emulator), made slow or
 * failing through the control plane.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CRM_CUSTOMERS } from '../src/crm/crm-data.js';
import { ALICE, BOB, signIn, startEmulator } from './harness.js';

const ORIGIN = 'http://127.0.0.1:5173';

let running: Awaited<ReturnType<typeof startEmulator>>;
beforeAll(async () => {
  running = await startEmulator();
});
afterAll(() => running.stop());
let token: string;
beforeEach(async () => {
  await running.control.reset();
  token = await signIn(running.url, ALICE);
});

async function callFrom(ani: string) {
  const call = await running.control.createCall({ agentEmail: ALICE, ani });
  const participantId = call.participants.find((p) => p.purpose === 'customer')!.id;
  return { conversationId: call.conversationId, participantId };
}

const lookup = (body: unknown, bearer: string | null = token) =>
  fetch(`${running.url}/__emulator/crm/lookup`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: ORIGIN,
      ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
    },
    body: JSON.stringify(body),
  });

describe('lookup', () => {
  it('finds a seeded customer by the caller’s number, with Architect typed keys', async () => {
    const call = await callFrom('tel:+15555550123');
    const { attributes } = await running.control.crmLookup({ ...call, attributes: {} }, token);
    const seeded = CRM_CUSTOMERS['+15555550123']!;
    expect(attributes).toEqual({
      'crm.caseId': seeded.caseId,
      'crm.tier': seeded.tier,
      'crm.openCases': `number:${seeded.openCases}`,
      'crm.lastContact': `date:${seeded.lastContact}`,
    });
    expect(attributes['crm.lastContact']).toBe('date:2026-10-02');
  });

  it('gives an unknown number the same made-up record every time', async () => {
    const first = await running.control.crmLookup(await callFrom('tel:+19995550777'), token);
    const second = await running.control.crmLookup(await callFrom('tel:+19995550777'), token);
    expect(first).toEqual(second);
    expect(first.attributes['crm.caseId']).toMatch(/^CS-\d{6}$/);
    expect(first.attributes['crm.openCases']).toMatch(/^number:[0-4]$/);
    expect(first.attributes['crm.lastContact']).toMatch(/^date:2026-\d{2}-\d{2}$/);
    const other = await running.control.crmLookup(await callFrom('tel:+19995550778'), token);
    expect(other.attributes['crm.caseId']).not.toBe(first.attributes['crm.caseId']);
  });

  it('answers 404 with a JSON error for an unknown call or participant, 400 for a bad body', async () => {
    const call = await callFrom('tel:+15555550123');
    const unknown = await lookup({ conversationId: 'nope', participantId: call.participantId });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ status: 404, error: 'not_found' });
    const noParticipant = await lookup({ ...call, participantId: 'nope' });
    expect(noParticipant.status).toBe(404);
    const bad = await lookup({ conversationId: 3 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ status: 400, error: 'bad_request' });
  });

  it('lets the widget’s origin call it from a browser with its bearer (CORS preflight and response)', async () => {
    const preflight = await fetch(`${running.url}/__emulator/crm/lookup`, {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'authorization',
    );
    const response = await lookup(await callFrom('tel:+15555550123'));
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });
});

describe('who may look up', () => {
  it('answers 401 without a bearer token, with a token it never issued, and with an expired one', async () => {
    const call = await callFrom('tel:+15555550123');
    const none = await lookup(call, null);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="sample-crm"');
    expect(await none.json()).toMatchObject({ status: 401, error: 'unauthorized' });
    expect((await lookup(call, 'made-up-token')).status).toBe(401);
    const basic = await fetch(`${running.url}/__emulator/crm/lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${token}` },
      body: JSON.stringify(call),
    });
    expect(basic.status).toBe(401);
    await running.control.faults({ expireTokens: true });
    const expired = await lookup(call);
    expect(expired.status).toBe(401);
    expect(await expired.json()).not.toHaveProperty('attributes');
  });

  it('answers 403 to an agent who is not on the call, even with a live token', async () => {
    const call = await callFrom('tel:+15555550123');
    const bob = await signIn(running.url, BOB);
    const refused = await lookup(call, bob);
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 403, error: 'forbidden' });
    expect(body).not.toHaveProperty('attributes');
  });

  it('answers 200 to the agent on the call, also after the agent’s leg ended (after-call work)', async () => {
    const call = await callFrom('tel:+15555550123');
    expect((await lookup(call)).status).toBe(200);
    await running.control.hangup(call.conversationId, 'agent');
    const after = await lookup(call);
    expect(after.status).toBe(200);
    expect(((await after.json()) as { attributes: object }).attributes).toHaveProperty(
      'crm.caseId',
    );
  });
});

describe('control', () => {
  it('makes the CRM slow until reset (a wait on the emulator clock)', async () => {
    const call = await callFrom('tel:+15555550123');
    expect(await running.control.crm({ latencyMs: 120_000 })).toEqual({
      latencyMs: 120_000,
      status: null,
    });
    let answered = false;
    const slow = lookup(call).then((response) => {
      answered = true;
      return response;
    });
    await expect
      .poll(async () => (await running.control.clock()).pending.map((w) => w.label))
      .toEqual(['crm latency']);
    expect(answered).toBe(false);
    await running.control.advanceClock(120_000);
    expect((await slow).status).toBe(200);
    await running.control.reset();
    token = await signIn(running.url, ALICE);
    const again = await callFrom('tel:+15555550123');
    // After the reset the lookup waits on nothing: it answers with the clock never advanced.
    expect((await lookup(again)).status).toBe(200);
    expect((await running.control.clock()).pending).toEqual([]);
  });

  it('makes the CRM fail with a status until cleared', async () => {
    const call = await callFrom('tel:+15555550123');
    await running.control.crm({ status: 503 });
    const failed = await lookup(call);
    expect(failed.status).toBe(503);
    expect(await failed.json()).toMatchObject({ status: 503, error: 'crm_failure' });
    expect((await running.control.state()).faults.crm).toEqual({ latencyMs: 0, status: 503 });
    await running.control.crm({ status: null });
    expect((await lookup(call)).status).toBe(200);
    await expect(running.control.crm({ status: 200 })).rejects.toThrow(/400/);
    await expect(running.control.crm({ latencyMs: -1 })).rejects.toThrow(/400/);
  });
});
