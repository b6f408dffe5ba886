import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClock } from '../src/clock.js';
import { MAIN_MENU_FLOW_ID, PLAY_PROMPT_FLOW_ID, PROMPT_IDS } from '../src/seed.js';
import { ALICE, api, BOB, signIn, startEmulator } from './harness.js';
import {
  aliceCall,
  callOf,
  sessionsPath,
  START,
  startPlayback,
  userData,
  type TestCall,
} from './playback-harness.js';
import { SEED_USERS } from '../seed-ids.js';

let running: Awaited<ReturnType<typeof startEmulator>>;
let alice: string;
let call: TestCall;

beforeAll(async () => {
  running = await startEmulator({ clock: createClock({ startMs: START }), playbackTickMs: 20 });
});
afterAll(() => running.stop());
beforeEach(async () => {
  await running.control.reset();
  alice = await signIn(running.url, ALICE);
  call = await aliceCall(running.control);
});

describe('secure IVR sessions', () => {
  it('POST answers 200 with a PENDING SecureSession', async () => {
    const response = await startPlayback(running.url, alice, call);
    expect(response.status).toBe(200);
    const session = response.body as { id: string };
    expect(session).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      flow: {
        id: PLAY_PROMPT_FLOW_ID,
        name: 'Play Prompt',
        selfUri: `/api/v2/flows/${PLAY_PROMPT_FLOW_ID}`,
      },
      userData: userData(),
      state: 'PENDING',
      sourceParticipantId: call.agentId,
      disconnect: false,
      selfUri: `/api/v2${sessionsPath(call)}/${session.id}`,
    });
  });

  it('GET lists them as {entities} only and reads one by id', async () => {
    const created = (await startPlayback(running.url, alice, call)).body as { id: string };
    const listing = await api(running.url, alice, 'GET', sessionsPath(call));
    expect(listing.status).toBe(200);
    expect(Object.keys(listing.body!)).toEqual(['entities']);
    expect(listing.body).toMatchObject({ entities: [{ id: created.id, state: 'PENDING' }] });
    const one = await api(running.url, alice, 'GET', `${sessionsPath(call)}/${created.id}`);
    expect(one.body).toMatchObject({ id: created.id, flow: { id: PLAY_PROMPT_FLOW_ID } });
    const missing = await api(running.url, alice, 'GET', `${sessionsPath(call)}/nope`);
    expect(missing.status).toBe(404);
    const empty = await api(running.url, alice, 'GET', sessionsPath(call, call.agentId));
    expect(empty.body).toEqual({ entities: [] });
  });

  it('GET answers 403 not.authorized to someone who was never on the call', async () => {
    const bob = await signIn(running.url, BOB);
    const response = await api(running.url, bob, 'GET', sessionsPath(call));
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'not.authorized' });
  });

  it('accepts an empty sourceParticipantId, as several public apps send', async () => {
    const response = await startPlayback(running.url, alice, call, {}, { sourceParticipantId: '' });
    expect(response.status).toBe(200);
  });
});

describe('refusals start nothing', () => {
  /** Asserts the error, then that no (further) session, ivr leg or attribute appeared. */
  async function expectRefused(
    response: Awaited<ReturnType<typeof api>>,
    status: number,
    code: string,
    fieldName?: string,
    sessionsBefore = 0,
  ) {
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ status, code, contextId: expect.any(String) });
    if (fieldName) expect(response.body!.details).toEqual([{ errorCode: code, fieldName }]);
    expect((await running.control.playback()).sessions).toHaveLength(sessionsBefore);
    const { participants, playback } = await callOf(running.url, alice, call);
    const liveIvr = participants.filter((p) => p.purpose === 'ivr' && p.state === 'connected');
    expect(liveIvr).toHaveLength(sessionsBefore);
    if (sessionsBefore === 0) expect(playback).toEqual({});
  }

  it('an unknown flow id: 400 invalid.value on flowId', async () => {
    const response = await startPlayback(running.url, alice, call, {}, { flowId: 'no-such-flow' });
    await expectRefused(response, 400, 'invalid.value', 'flowId');
  });

  it('a flow that is not a secure call flow: 400 invalid.value on flowId', async () => {
    const response = await startPlayback(
      running.url,
      alice,
      call,
      {},
      { flowId: MAIN_MENU_FLOW_ID },
    );
    await expectRefused(response, 400, 'invalid.value', 'flowId');
  });

  it.each([
    ['not JSON', '{"v":1,'],
    ['another version', userData({ v: 2 })],
    ['maxDurationSeconds above 600', userData({ maxDurationSeconds: 601 })],
    ['maxDurationSeconds 0', userData({ maxDurationSeconds: 0 })],
    ['no requestId', JSON.stringify({ v: 1, promptId: PROMPT_IDS.holdPlease, loop: false })],
    ['a DTMF key that is not a digit', userData({ dtmf: { x: PROMPT_IDS.holdPlease } })],
  ])('userData that is %s: 400 invalid.value on userData', async (_why, data) => {
    const response = await startPlayback(running.url, alice, call, {}, { userData: data });
    await expectRefused(response, 400, 'invalid.value', 'userData');
    expect(String(response.body!.message)).toMatch(/^userData is not a Play Prompt request/);
  });

  it("an ended call: 403, the agent's own leg has ended too", async () => {
    await running.control.hangup(call.conversationId, 'customer');
    const response = await startPlayback(running.url, alice, call);
    await expectRefused(response, 403, 'conversation.error.forbidden.not.active.participant');
  });

  it('a customer leg that has ended while the agent is still up: 400', async () => {
    const conversation = running.emulator.ctx.conversations.get(call.conversationId)!;
    const customer = conversation.participants.find((p) => p.id === call.customerId)!;
    customer.state = 'disconnected';
    const response = await startPlayback(running.url, alice, call);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'conversation.error.call.disconnected' });
    expect((await running.control.playback()).sessions).toEqual([]);
  });

  it('a participant that is not the customer: 400 bad.request', async () => {
    const response = await api(running.url, alice, 'POST', sessionsPath(call, call.agentId), {
      flowId: PLAY_PROMPT_FLOW_ID,
      userData: userData(),
    });
    await expectRefused(response, 400, 'bad.request');
  });

  it('a session already running on the customer: 409 conflict', async () => {
    expect((await startPlayback(running.url, alice, call)).status).toBe(200);
    const second = await startPlayback(running.url, alice, call, { requestId: 'req-2' });
    await expectRefused(second, 409, 'conflict', undefined, 1);
    const { playback } = await callOf(running.url, alice, call);
    expect(playback.requestId).toBe('req-1');
  });

  it('a caller who is not an active participant: 403', async () => {
    const bob = await signIn(running.url, BOB);
    const response = await startPlayback(running.url, bob, call);
    await expectRefused(response, 403, 'conversation.error.forbidden.not.active.participant');
  });

  it('no body, an unknown sourceParticipantId, disconnect: true', async () => {
    const empty = await api(running.url, alice, 'POST', sessionsPath(call));
    await expectRefused(empty, 400, 'bad.request');
    const source = await startPlayback(running.url, alice, call, {}, { sourceParticipantId: 'x' });
    await expectRefused(source, 400, 'invalid.value', 'sourceParticipantId');
    const disconnect = await startPlayback(running.url, alice, call, {}, { disconnect: true });
    await expectRefused(disconnect, 501, 'not.implemented');
  });

  it('a call a supervisor is monitoring: 400', async () => {
    const conversation = running.emulator.ctx.conversations.get(call.conversationId)!;
    const agent = conversation.participants.find((p) => p.id === call.agentId)!;
    conversation.participants.push({
      ...agent,
      id: 'sam-monitoring',
      purpose: 'user',
      userId: SEED_USERS.sam.id,
      monitoredParticipantId: agent.id,
    });
    const response = await startPlayback(running.url, alice, call);
    expect(response.status).toBe(400);
    expect(String(response.body!.message)).toContain('monitoring');
    expect((await running.control.playback()).sessions).toEqual([]);
  });

  it('unknown conversation or participant: 404', async () => {
    const unknownCall = { ...call, conversationId: 'nope' };
    expect((await startPlayback(running.url, alice, unknownCall)).status).toBe(404);
    const unknownPid = await api(running.url, alice, 'POST', sessionsPath(call, 'nope'), {
      flowId: PLAY_PROMPT_FLOW_ID,
      userData: userData(),
    });
    expect(unknownPid.status).toBe(404);
  });
});
