/**
 * The sample CRM (not Genesys): a lookup by the caller's number that a browser may call, made
 * slow or failing through the control plane.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CRM_CUSTOMERS } from '../src/crm/crm-data.js';
import { ALICE, startEmulator } from './harness.js';

const ORIGIN = 'http://127.0.0.1:5173';

let running: Awaited<ReturnType<typeof startEmulator>>;
beforeAll(async () => {
  running = await startEmulator();
});
afterAll(() => running.stop());
beforeEach(() => running.control.reset());

async function callFrom(ani: string) {
  const call = await running.control.createCall({ agentEmail: ALICE, ani });
  const participantId = call.participants.find((p) => p.purpose === 'customer')!.id;
  return { conversationId: call.conversationId, participantId };
}

const lookup = (body: unknown) =>
  fetch(`${running.url}/__emulator/crm/lookup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify(body),
  });

describe('lookup', () => {
  it('finds a seeded customer by the caller’s number, with Architect typed keys', async () => {
    const call = await callFrom('tel:+15555550123');
    const { attributes } = await running.control.crmLookup({ ...call, attributes: {} });
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
    const first = await running.control.crmLookup(await callFrom('tel:+19995550777'));
    const second = await running.control.crmLookup(await callFrom('tel:+19995550777'));
    expect(first).toEqual(second);
    expect(first.attributes['crm.caseId']).toMatch(/^CS-\d{6}$/);
    expect(first.attributes['crm.openCases']).toMatch(/^number:[0-4]$/);
    expect(first.attributes['crm.lastContact']).toMatch(/^date:2026-\d{2}-\d{2}$/);
    const other = await running.control.crmLookup(await callFrom('tel:+19995550778'));
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

  it('lets the widget’s origin call it from a browser (CORS preflight and response)', async () => {
    const preflight = await fetch(`${running.url}/__emulator/crm/lookup`, {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const response = await lookup(await callFrom('tel:+15555550123'));
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
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
