/**
 * The real org's data shapes (contract §2.3a): no names on agent/user legs, id-only references,
 * SIP URIs, ended legs `terminated` in REST and `disconnected` in events, missed alerts, ivr legs.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALICE, api, onTopic, RecordingSocket, signIn, startEmulator } from './harness.js';
import { QUEUE_IDS, SEED_USERS } from '../seed-ids.js';

const ALICE_ID = SEED_USERS.alice.id;
const SUPPORT = QUEUE_IDS.support;
const callsTopic = `v2.users.${ALICE_ID}.conversations.calls`;
const conversationsTopic = `v2.users.${ALICE_ID}.conversations`;

type Leg = Record<string, unknown>;
type Call = { id: string; participants: Leg[] };

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

async function getCall(id: string): Promise<Call> {
  const response = await api(running.url, alice, 'GET', `/conversations/calls/${id}`);
  expect(response.status).toBe(200);
  return response.body as unknown as Call;
}

const byPurpose = (call: Call, purpose: string) =>
  call.participants.filter((p) => p.purpose === purpose);

async function subscribe(topics: string[]) {
  const channel = await api(running.url, alice, 'POST', '/notifications/channels');
  const { id, connectUri } = channel.body as { id: string; connectUri: string };
  await api(
    running.url,
    alice,
    'PUT',
    `/notifications/channels/${id}/subscriptions`,
    topics.map((t) => ({ id: t })),
  );
  return RecordingSocket.open(connectUri);
}

describe('legs in REST', () => {
  it('agent legs carry no name and id-only references; other legs keep display names', async () => {
    const { conversationId } = await running.control.createCall({
      agentEmail: ALICE,
      queue: 'Support',
      ani: 'tel:+15550100200',
      customerName: 'Dana Customer',
    });
    const call = await getCall(conversationId);
    expect(call.participants.map((p) => p.purpose)).toEqual(['customer', 'ivr', 'acd', 'agent']);
    const [customer, ivr, acd, agent] = call.participants as [Leg, Leg, Leg, Leg];
    expect(agent).not.toHaveProperty('name');
    expect(agent.user).toEqual({ id: ALICE_ID, selfUri: `/api/v2/users/${ALICE_ID}` });
    expect(agent.queue).toEqual({ id: SUPPORT, selfUri: `/api/v2/routing/queues/${SUPPORT}` });
    expect(customer.name).toBe('Dana Customer');
    expect(customer.queue).toEqual({ id: SUPPORT, selfUri: `/api/v2/routing/queues/${SUPPORT}` });
    expect(acd.name).toBe('Support');
    expect(acd.conversationRoutingData).toMatchObject({ queue: { id: SUPPORT }, priority: 0 });
    expect(ivr.name).toBe('Indianapolis IN');
  });

  it('uses tel: for the customer and SIP URIs for agent, acd and ivr legs', async () => {
    const { conversationId } = await running.control.createCall({
      agentEmail: ALICE,
      queue: 'Support',
      ani: 'tel:+15550100200',
    });
    const [customer, ivr, acd, agent] = (await getCall(conversationId)).participants as [
      Leg,
      Leg,
      Leg,
      Leg,
    ];
    expect(customer).toMatchObject({
      ani: 'tel:+15550100200',
      address: 'tel:+15550100200',
      dnis: 'tel:+18005550100',
      name: '+15550100200',
    });
    expect(agent.ani).toBe('sip:+15550100200@10.47.1.31;user=phone');
    expect(agent.address).toMatch(
      /^sip:[0-9a-f]{24}\+lcpdemo\.orgspan\.com;tgrp=[0-9a-f-]{36};trunk-context=lcpdemo@localhost$/,
    );
    expect(agent.dnis).toBe(agent.address);
    expect(acd.address).toBe(`sip:${SUPPORT}@127.0.0.1;language=en-US;user=acd`);
    expect(ivr.address).toMatch(/^sip:[0-9a-f-]{36}@127\.0\.0\.1;language=en-US;user=ivr$/);
    expect(agent.peer).toBe(acd.peer);
  });

  it('starts with an ivr leg that ended by transfer; ivr: false leaves it out', async () => {
    const { conversationId } = await running.control.createCall({ agentEmail: ALICE });
    const [ivr] = byPurpose(await getCall(conversationId), 'ivr') as [Leg];
    expect(ivr).toMatchObject({ state: 'terminated', disconnectType: 'transfer' });
    expect(Date.parse(ivr.endTime as string)).toBeGreaterThan(Date.parse(ivr.startTime as string));
    const plain = await running.control.createCall({ agentEmail: ALICE, ivr: false });
    expect(plain.participants.map((p) => p.purpose)).toEqual(['customer', 'acd', 'agent']);
  });

  it('adds missed alerts of the same agent before the answered leg', async () => {
    const call = await running.control.createCall({ agentEmail: ALICE, missedAlerts: 3 });
    const agents = byPurpose(await getCall(call.conversationId), 'agent');
    expect(agents).toHaveLength(4);
    const missed = agents.slice(0, 3);
    for (const leg of missed) {
      expect(leg).toMatchObject({
        state: 'terminated',
        wrapupPrompt: 'timeout',
        alertingTimeoutMs: 8000,
        user: { id: ALICE_ID },
      });
      expect(leg).not.toHaveProperty('connectedTime');
      expect(['client', 'system']).toContain(leg.disconnectType);
    }
    expect(missed.map((l) => l.disconnectType)).toEqual(['client', 'system', 'client']);
    const answered = agents[3]!;
    expect(answered).toMatchObject({ state: 'connected', user: { id: ALICE_ID } });
    expect(call.agentParticipantId).toBe(answered.id);
    expect(call.participants.find((p) => p.id === missed[0]!.id)?.state).toBe('terminated');
    await expect(
      running.control.createCall({ agentEmail: ALICE, missedAlerts: 6 }),
    ).rejects.toThrow(/400/);
  });

  it('controls act on the current leg when the agent has missed alerts', async () => {
    const call = await running.control.createCall({ agentEmail: ALICE, missedAlerts: 2 });
    const [firstMissed] = byPurpose(await getCall(call.conversationId), 'agent') as [Leg];
    const stale = await api(
      running.url,
      alice,
      'PATCH',
      `/conversations/calls/${call.conversationId}/participants/${String(firstMissed.id)}`,
      { muted: true },
    );
    expect(stale.body?.code).toBe('conversation.error.call.disconnected');
    await expect(
      running.control.setParticipant(call.conversationId, String(firstMissed.id), {
        muted: true,
        actor: 'genesys-ui',
      }),
    ).rejects.toThrow(/400/);
    const current = await api(
      running.url,
      alice,
      'PATCH',
      `/conversations/calls/${call.conversationId}/participants/${call.agentParticipantId!}`,
      { muted: true },
    );
    expect(current.status).toBe(202);
    expect((await running.control.participant(call.conversationId, 'agent')).id).toBe(
      call.agentParticipantId,
    );
    const listed = await api(running.url, alice, 'GET', '/conversations/calls');
    expect((listed.body?.entities as Call[]).map((c) => c.id)).toEqual([call.conversationId]);
    await running.control.hangup(call.conversationId, 'agent');
    const legs = byPurpose(await getCall(call.conversationId), 'agent');
    expect(legs.map((l) => l.disconnectType)).toEqual(['client', 'system', 'client']);
    expect(legs.every((l) => l.state === 'terminated')).toBe(true);
    expect(byPurpose(await getCall(call.conversationId), 'customer')[0]?.disconnectType).toBe(
      'peer',
    );
  });

  it('shows ended legs as terminated in REST and in the control-plane state', async () => {
    const { conversationId } = await running.control.createCall({ agentEmail: ALICE });
    await running.control.hangup(conversationId);
    const call = await getCall(conversationId);
    expect(call.participants.map((p) => p.state)).toEqual([
      'terminated',
      'terminated',
      'terminated',
      'terminated',
    ]);
    expect(byPurpose(call, 'customer')[0]).toMatchObject({ disconnectType: 'endpoint' });
    expect(byPurpose(call, 'agent')[0]).toMatchObject({ disconnectType: 'peer' });
    const state = await running.control.state();
    const inState = state.conversations.find((c) => c.id === conversationId)!;
    expect(inState.participants.map((p) => p.state)).toEqual(call.participants.map((p) => p.state));
    expect(inState.participants.find((p) => p.purpose === 'agent')).not.toHaveProperty('name');
  });
});

describe('legs in events', () => {
  it('call topic: no agent name, {id} refs, ended legs disconnected', async () => {
    const socket = await subscribe([callsTopic]);
    const { conversationId } = await running.control.createCall({
      agentEmail: ALICE,
      missedAlerts: 1,
    });
    const frame = await socket.next(onTopic(callsTopic));
    const legs = (frame.eventBody as Call).participants;
    expect(legs.map((p) => [p.purpose, p.state])).toEqual([
      ['customer', 'connected'],
      ['ivr', 'disconnected'],
      ['acd', 'connected'],
      ['agent', 'disconnected'],
      ['agent', 'alerting'],
    ]);
    for (const agent of legs.filter((p) => p.purpose === 'agent')) {
      expect(agent).not.toHaveProperty('name');
      expect(agent.user).toEqual({ id: ALICE_ID });
      expect(agent.queue).toEqual({ id: SUPPORT });
    }
    await running.control.hangup(conversationId);
    const ended = await socket.next(
      (f) =>
        f.topicName === callsTopic && (f.eventBody as Call).participants[0]?.state !== 'connected',
    );
    expect(new Set((ended.eventBody as Call).participants.map((p) => p.state))).toEqual(
      new Set(['disconnected']),
    );
    socket.close();
  });

  it('conversations topic: flat userId and queueId, no name on agent legs', async () => {
    const socket = await subscribe([conversationsTopic]);
    await running.control.createCall({ agentEmail: ALICE, customerName: 'Dana Customer' });
    const frame = await socket.next(onTopic(conversationsTopic));
    const legs = (frame.eventBody as Call).participants;
    const agent = legs.find((p) => p.purpose === 'agent')!;
    expect(agent).toMatchObject({ userId: ALICE_ID, queueId: SUPPORT });
    expect(agent).not.toHaveProperty('name');
    expect(legs.find((p) => p.purpose === 'customer')?.name).toBe('Dana Customer');
    const ivr = legs.find((p) => p.purpose === 'ivr')!;
    expect(ivr.calls).toEqual([
      expect.objectContaining({ state: 'disconnected', disconnectType: 'transfer' }),
    ]);
    socket.close();
  });
});
