import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ALICE,
  api,
  BOB,
  RecordingSocket,
  onTopic,
  SAM,
  signIn,
  startEmulator,
} from './harness.js';
import { QUEUE_IDS, SEED_USERS } from '../seed-ids.js';
import { createClock } from '../src/clock.js';
import { DEFAULT_PHONE } from '../src/model/supervisor-phones.js';

const ALICE_ID = SEED_USERS.alice.id;
const SAM_ID = SEED_USERS.sam.id;
const SUPPORT = QUEUE_IDS.support;
const MODES = ['monitor', 'coach', 'barge'] as const;
const FIELD = {
  monitor: 'monitoredParticipantId',
  coach: 'coachedParticipantId',
  barge: 'bargedParticipantId',
} as const;

let running: Awaited<ReturnType<typeof startEmulator>>;
let sam: string;
const clock = createClock({ startMs: Date.parse('2026-11-21T09:00:00Z') });
/** Sam's phone answers by itself (the default) once this much of the clock has passed. */
const answered = () => clock.advance(DEFAULT_PHONE.autoAnswerMs);

beforeAll(async () => {
  running = await startEmulator({ clock });
});
afterAll(() => running.stop());
beforeEach(async () => {
  await running.control.reset();
  sam = await signIn(running.url, SAM);
});

type Participant = Record<string, unknown> & { id: string; purpose: string };

async function aliceCall() {
  const call = await running.control.createCall({ agentEmail: ALICE, queue: 'Support' });
  const agentId = call.participants.filter((p) => p.purpose === 'agent').at(-1)!.id;
  return { conversationId: call.conversationId, agentId };
}

const supervise = (token: string, cid: string, pid: string, mode: string) =>
  api(running.url, token, 'POST', `/conversations/calls/${cid}/participants/${pid}/${mode}`);

async function samLegs(conversationId: string): Promise<Participant[]> {
  const state = await running.control.state();
  const call = state.conversations.find((c) => c.id === conversationId)!;
  return (call.participants as unknown as Participant[]).filter(
    (p) => (p.user as { id?: string } | undefined)?.id === SAM_ID,
  );
}

async function openChannel(token: string, topics: string[]) {
  const channel = await api(running.url, token, 'POST', '/notifications/channels');
  const { id, connectUri } = channel.body as { id: string; connectUri: string };
  const sub = await api(
    running.url,
    token,
    'PUT',
    `/notifications/channels/${id}/subscriptions`,
    topics.map((t) => ({ id: t })),
  );
  expect(sub.status).toBe(200);
  return RecordingSocket.open(connectUri);
}

describe('monitor, coach and barge', () => {
  for (const mode of MODES) {
    it(`${mode}: 201 with no body; Sam joins as a user leg pointing at the agent`, async () => {
      const { conversationId, agentId } = await aliceCall();
      const response = await supervise(sam, conversationId, agentId, mode);
      expect(response.status).toBe(201);
      expect(response.body).toBeNull();
      expect((await samLegs(conversationId))[0]?.state).toBe('alerting');
      answered();
      const [leg, ...more] = await samLegs(conversationId);
      expect(more).toEqual([]);
      expect(leg).toMatchObject({
        purpose: 'user',
        state: 'connected',
        direction: 'outbound',
        [FIELD[mode]]: agentId,
      });
      expect(leg).not.toHaveProperty('name');
      for (const other of MODES.filter((m) => m !== mode))
        expect(leg).not.toHaveProperty(FIELD[other]);
    });

    it(`${mode}: an agent gets 403 naming ${mode}'s permission`, async () => {
      const { conversationId, agentId } = await aliceCall();
      const bob = await signIn(running.url, BOB);
      const response = await supervise(bob, conversationId, agentId, mode);
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'missing.any.permissions' });
      expect(response.body?.message).toContain(`conversation:call:${mode}`);
      expect(await samLegs(conversationId)).toEqual([]);
    });
  }

  it('publishes the change on the queue topic and on the user topics of everyone on the call', async () => {
    const alice = await signIn(running.url, ALICE);
    const aliceTopic = `v2.users.${ALICE_ID}.conversations.calls`;
    const samTopic = `v2.users.${SAM_ID}.conversations.calls`;
    const queueTopic = `v2.routing.queues.${SUPPORT}.conversations.calls`;
    const aliceSocket = await openChannel(alice, [aliceTopic]);
    const samSocket = await openChannel(sam, [samTopic, queueTopic]);
    const { conversationId, agentId } = await aliceCall();
    const hasCoach = (f: Record<string, unknown>) =>
      (f.eventBody as { participants: Participant[] }).participants.some(
        (p) => p.coachedParticipantId === agentId,
      );
    expect((await supervise(sam, conversationId, agentId, 'coach')).status).toBe(201);
    const onQueue = await samSocket.next((f) => onTopic(queueTopic)(f) && hasCoach(f));
    const onSam = await samSocket.next((f) => onTopic(samTopic)(f) && hasCoach(f));
    const onAlice = await aliceSocket.next((f) => onTopic(aliceTopic)(f) && hasCoach(f));
    // One participant model on the queue and user call topics (contract §3.3).
    expect(onQueue.eventBody).toEqual(onAlice.eventBody);
    expect(onSam.eventBody).toEqual(onAlice.eventBody);
    const leg = (onQueue.eventBody as { participants: Participant[] }).participants.at(-1)!;
    expect(leg).toMatchObject({ purpose: 'user', user: { id: SAM_ID }, state: 'alerting' });
    aliceSocket.close();
    samSocket.close();
  });

  it('a second action switches the same leg; repeating one changes nothing', async () => {
    const { conversationId, agentId } = await aliceCall();
    await supervise(sam, conversationId, agentId, 'monitor');
    const [first] = await samLegs(conversationId);
    expect((await supervise(sam, conversationId, agentId, 'coach')).status).toBe(201);
    const [switched, ...more] = await samLegs(conversationId);
    expect(more).toEqual([]);
    expect(switched).toMatchObject({ id: first!.id, coachedParticipantId: agentId });
    expect(switched).not.toHaveProperty('monitoredParticipantId');
    expect((await supervise(sam, conversationId, agentId, 'coach')).status).toBe(201);
    expect(await samLegs(conversationId)).toEqual([switched]);
  });

  it('400 own conversation when the supervisor is on the call in another role', async () => {
    const call = await running.control.createCall({ agentEmail: SAM, queue: 'Support' });
    const samAgentLeg = call.participants.filter((p) => p.purpose === 'agent').at(-1)!.id;
    const response = await supervise(sam, call.conversationId, samAgentLeg, 'monitor');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'conversation.error.monitor.own.conversation' });
  });

  it('400 on an ended call, 404 for an unknown participant or call, 400 for a non-agent leg', async () => {
    const { conversationId, agentId } = await aliceCall();
    const customerId = (await running.control.participant(conversationId, 'customer')).id;
    const onCustomer = await supervise(sam, conversationId, customerId, 'monitor');
    expect(onCustomer.status).toBe(400);
    const unknownPid = await supervise(sam, conversationId, SAM_ID, 'monitor');
    expect(unknownPid.status).toBe(404);
    const unknownCall = await supervise(sam, SAM_ID, agentId, 'barge');
    expect(unknownCall.status).toBe(404);
    await running.control.hangup(conversationId);
    const ended = await supervise(sam, conversationId, agentId, 'barge');
    expect(ended.status).toBe(400);
    expect(ended.body).toMatchObject({ code: 'conversation.error.call.disconnected' });
  });

  it('a supervisor who hangs up leaves alone; the call goes on', async () => {
    const { conversationId, agentId } = await aliceCall();
    await supervise(sam, conversationId, agentId, 'barge');
    const [leg] = await samLegs(conversationId);
    const hangUp = await api(
      running.url,
      sam,
      'PATCH',
      `/conversations/calls/${conversationId}/participants/${leg!.id}`,
      { state: 'disconnected' },
    );
    expect(hangUp.status).toBe(202);
    const state = await running.control.state();
    const call = state.conversations.find((c) => c.id === conversationId)!;
    expect(call.ended).toBe(false);
    expect(call.participants.find((p) => p.id === agentId)?.state).toBe('connected');
    expect(call.participants.find((p) => p.id === leg!.id)).toMatchObject({
      state: 'terminated',
      disconnectType: 'client',
    });
  });

  it('the control plane’s agent hang-up ends the call, not just the barging supervisor', async () => {
    const { conversationId, agentId } = await aliceCall();
    await supervise(sam, conversationId, agentId, 'barge');
    await running.control.hangup(conversationId, 'agent');
    const state = await running.control.state();
    const call = state.conversations.find((c) => c.id === conversationId)!;
    expect(call.ended).toBe(true);
    expect(call.participants.find((p) => p.id === agentId)?.disconnectType).toBe('client');
    const [leg] = await samLegs(conversationId);
    expect(leg).toMatchObject({ state: 'terminated', disconnectType: 'peer' });
  });
});

describe('GET /conversations/{cid} (generic)', () => {
  it('shows a supervisor the call with names, queue names and calls[]', async () => {
    const { conversationId, agentId } = await aliceCall();
    await running.control.setParticipant(conversationId, agentId, {
      muted: true,
      actor: 'genesys-ui',
    });
    const response = await api(running.url, sam, 'GET', `/conversations/${conversationId}`);
    expect(response.status).toBe(200);
    const body = response.body as {
      id: string;
      startTime: string;
      recordingState: string;
      participants: (Participant & { calls: Record<string, unknown>[] })[];
    };
    expect(body).toMatchObject({ id: conversationId, recordingState: 'NONE' });
    expect(body.startTime).toEqual(expect.any(String));
    const agent = body.participants.find((p) => p.id === agentId)!;
    expect(agent).toMatchObject({
      purpose: 'agent',
      userId: ALICE_ID,
      name: 'Alice Agent',
      queueId: SUPPORT,
      queueName: 'Support',
    });
    expect(agent.calls).toEqual([
      expect.objectContaining({ state: 'connected', muted: true, held: false }),
    ]);
    expect(agent).not.toHaveProperty('user');
    expect(agent).not.toHaveProperty('state');
    const ivr = body.participants.find((p) => p.purpose === 'ivr');
    expect(ivr?.calls[0]?.state).toBe('terminated');
  });

  it('is open to participants of the call and needs conversation:communication:view otherwise', async () => {
    const { conversationId } = await aliceCall();
    const alice = await signIn(running.url, ALICE);
    expect((await api(running.url, alice, 'GET', `/conversations/${conversationId}`)).status).toBe(
      200,
    );
    const bob = await signIn(running.url, BOB);
    const denied = await api(running.url, bob, 'GET', `/conversations/${conversationId}`);
    expect(denied.status).toBe(403);
    expect(denied.body?.message).toContain('conversation:communication:view');
    expect((await api(running.url, sam, 'GET', `/conversations/${SAM_ID}`)).status).toBe(404);
  });
});
