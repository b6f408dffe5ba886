/**
 * Non-voice interactions in queues (issue 18, shape 8): opt-in through the control plane, counted
 * under their own media type in both analytics queries, and published on the queue's all-media
 * and per-media topics, never on the calls topics.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMULATOR_CONTROL_HEADER, EMULATOR_CONTROL_VALUE } from '../control-header.js';
import { createClock } from '../src/clock.js';
import { QUEUE_IDS, SEED_USERS } from '../seed-ids.js';
import {
  ALICE,
  api,
  BOB,
  onTopic,
  RecordingSocket,
  SAM,
  signIn,
  startEmulator,
} from './harness.js';

const SUPPORT = QUEUE_IDS.support;
const ACTIVITY = '/analytics/conversations/activity/query?pageSize=100&pageNumber=1';
const OBSERVATIONS = '/analytics/queues/observations/query';
const METRICS = ['oWaiting', 'oAlerting', 'oInteracting'];
const ALL_TOPIC = `v2.routing.queues.${SUPPORT}.conversations`;
const CHATS_TOPIC = `${ALL_TOPIC}.chats`;
const CALLS_TOPIC = `${ALL_TOPIC}.calls`;

type Entity = Record<string, unknown> & { conversationId: string; mediaType: string };
type Frame = Record<string, unknown>;
type Leg = Record<string, unknown> & { id: string; purpose: string; state?: string };

const clock = createClock({ startMs: Date.parse('2026-11-21T09:00:00Z') });
let running: Awaited<ReturnType<typeof startEmulator>>;
let sam: string;

beforeAll(async () => {
  running = await startEmulator({ clock });
});
afterAll(() => running.stop());
beforeEach(async () => {
  await running.control.reset();
  sam = await signIn(running.url, SAM);
});

async function activityEntities(filter?: unknown): Promise<Entity[]> {
  const response = await api(running.url, sam, 'POST', ACTIVITY, {
    metrics: METRICS.map((metric) => ({ metric, details: true })),
    groupBy: ['queueId'],
    filter: filter ?? { type: 'or', predicates: [{ dimension: 'queueId', value: SUPPORT }] },
  });
  expect(response.status).toBe(200);
  const results = (response.body?.results ?? []) as { entities?: Entity[] }[];
  return results.flatMap((r) => r.entities ?? []);
}

/** A chat waiting, an email alerting Bob, a callback with Alice, a message waiting; one call. */
async function mixedQueue() {
  const call = await running.control.createCall({ agentEmail: ALICE, queue: 'Support' });
  clock.advance(1_000);
  const chat = await running.control.createInteraction({ mediaType: 'chat', queue: 'Support' });
  const email = await running.control.createInteraction({
    mediaType: 'email',
    queue: 'Support',
    state: 'alerting',
    agentEmail: BOB,
  });
  const callback = await running.control.createInteraction({
    mediaType: 'callback',
    queue: SUPPORT,
    state: 'interacting',
    agentEmail: ALICE,
  });
  const message = await running.control.createInteraction({
    mediaType: 'message',
    queue: 'Support',
    address: '+15550104242',
  });
  return { call, chat, email, callback, message };
}

describe('non-voice interactions in queues', () => {
  it('none exist unless the control plane makes them: the default org holds calls alone', async () => {
    await running.control.createCall({ agentEmail: ALICE, queue: 'Support' });
    const entities = await activityEntities();
    expect(entities.map((e) => e.mediaType)).toEqual(['voice']);
    const listed = await fetch(`${running.url}/__emulator/interactions`, {
      headers: { [EMULATOR_CONTROL_HEADER]: EMULATOR_CONTROL_VALUE },
    }).then((r) => r.json());
    expect(listed).toEqual({ interactions: [] });
  });

  it('the activity query lists them with their media type; a voice filter leaves them out', async () => {
    const { call, chat, email, callback, message } = await mixedQueue();
    const entities = await activityEntities();
    const byId = new Map(entities.map((e) => [e.conversationId, e]));
    expect(byId.get(call.conversationId)).toMatchObject({ mediaType: 'voice' });
    expect(byId.get(chat.conversationId)).toMatchObject({ mediaType: 'chat', metric: 'oWaiting' });
    expect(byId.get(email.conversationId)).toMatchObject({
      mediaType: 'email',
      metric: 'oAlerting',
      userId: SEED_USERS.bob.id,
      addressFrom: 'casey.customer@example.net',
      addressTo: 'support@example.com',
    });
    expect(byId.get(callback.conversationId)).toMatchObject({
      mediaType: 'callback',
      metric: 'oInteracting',
      userId: SEED_USERS.alice.id,
    });
    expect(byId.get(message.conversationId)).toMatchObject({
      mediaType: 'message',
      addressFrom: '+15550104242',
    });
    expect(byId.get(chat.conversationId)).not.toHaveProperty('ani');
    const voiceOnly = await activityEntities({
      type: 'and',
      predicates: [
        { dimension: 'queueId', value: SUPPORT },
        { dimension: 'mediaType', value: 'voice' },
      ],
    });
    expect(voiceOnly.map((e) => e.conversationId)).toEqual([call.conversationId]);
    // Not calls: Alice's calls list has her call and not the callback she is on.
    const alice = await signIn(running.url, ALICE);
    const calls = await api(running.url, alice, 'GET', '/conversations/calls');
    const ids = (calls.body?.entities as { id: string }[]).map((c) => c.id);
    expect(ids).toEqual([call.conversationId]);
  });

  it('the observation query: members under {queueId}, counts under {mediaType, queueId}', async () => {
    await mixedQueue();
    const response = await api(running.url, sam, 'POST', OBSERVATIONS, {
      filter: { type: 'or', predicates: [{ dimension: 'queueId', value: SUPPORT }] },
      metrics: ['oMemberUsers', ...METRICS],
    });
    const results = response.body?.results as {
      group: Record<string, string>;
      data: { metric: string; stats: { count: number } }[];
    }[];
    const counts = results.map((r) => [
      r.group,
      Object.fromEntries(r.data.map((d) => [d.metric, d.stats.count])),
    ]);
    expect(counts).toEqual([
      [{ queueId: SUPPORT }, { oMemberUsers: 2 }],
      [
        { mediaType: 'callback', queueId: SUPPORT },
        { oWaiting: 0, oAlerting: 0, oInteracting: 1 },
      ],
      [
        { mediaType: 'chat', queueId: SUPPORT },
        { oWaiting: 1, oAlerting: 0, oInteracting: 0 },
      ],
      [
        { mediaType: 'email', queueId: SUPPORT },
        { oWaiting: 0, oAlerting: 1, oInteracting: 0 },
      ],
      [
        { mediaType: 'message', queueId: SUPPORT },
        { oWaiting: 1, oAlerting: 0, oInteracting: 0 },
      ],
      [
        { mediaType: 'voice', queueId: SUPPORT },
        { oWaiting: 0, oAlerting: 0, oInteracting: 1 },
      ],
    ]);
  });

  it('GET /conversations/{cid} serves them with the media item in its array and no calls', async () => {
    const { email } = await mixedQueue();
    const read = await api(running.url, sam, 'GET', `/conversations/${email.conversationId}`);
    expect(read.status).toBe(200);
    const participants = read.body?.participants as Leg[];
    const bob = participants.find((p) => p.purpose === 'agent')!;
    expect(bob).toMatchObject({ userId: SEED_USERS.bob.id, name: 'Bob Agent', queueId: SUPPORT });
    expect(bob.emails).toEqual([expect.objectContaining({ state: 'alerting' })]);
    expect(participants.some((p) => 'calls' in p)).toBe(false);
    const alice = await signIn(running.url, ALICE);
    const denied = await api(running.url, alice, 'GET', `/conversations/${email.conversationId}`);
    expect(denied.status).toBe(403);
  });

  it('a chat moving on is published on the queue’s all-media and chats topics, not on calls', async () => {
    const channel = await api(running.url, sam, 'POST', '/notifications/channels');
    const { id, connectUri } = channel.body as { id: string; connectUri: string };
    const subscribed = await api(
      running.url,
      sam,
      'PUT',
      `/notifications/channels/${id}/subscriptions`,
      [ALL_TOPIC, CHATS_TOPIC, CALLS_TOPIC].map((t) => ({ id: t })),
    );
    expect(subscribed.status).toBe(200);
    const socket = await RecordingSocket.open(connectUri);
    const chat = await running.control.createInteraction({ mediaType: 'chat', queue: 'Support' });
    const agentIn = (state: string) => (f: Frame) =>
      onTopic(CHATS_TOPIC)(f) &&
      ((f.eventBody as { participants: Leg[] }).participants.some(
        (p) => p.purpose === 'agent' && p.state === state,
      ) as boolean);

    const waiting = await socket.next(onTopic(CHATS_TOPIC));
    expect(waiting.eventBody).toMatchObject({ id: chat.conversationId });
    await running.control.updateInteraction(chat.conversationId, {
      state: 'alerting',
      agentEmail: BOB,
    });
    const alerting = await socket.next(agentIn('alerting'));
    const bobLeg = (alerting.eventBody as { participants: Leg[] }).participants.at(-1)!;
    expect(bobLeg).toMatchObject({ user: { id: SEED_USERS.bob.id }, queue: { id: SUPPORT } });
    await running.control.updateInteraction(chat.conversationId, { state: 'interacting' });
    await socket.next(agentIn('connected'));
    await running.control.updateInteraction(chat.conversationId, { state: 'ended' });
    await socket.next(agentIn('disconnected'));

    const allMedia = await socket.next(
      (f) =>
        onTopic(ALL_TOPIC)(f) &&
        (f.eventBody as { participants: Leg[] }).participants.some((p) => p.purpose === 'agent'),
    );
    const agent = (allMedia.eventBody as { participants: Leg[] }).participants.find(
      (p) => p.purpose === 'agent',
    )!;
    expect(agent).toMatchObject({ userId: SEED_USERS.bob.id, queueId: SUPPORT });
    expect(agent.chats).toEqual([expect.objectContaining({ state: 'alerting' })]);
    expect(agent).not.toHaveProperty('calls');
    expect(socket.frames.filter(onTopic(CALLS_TOPIC))).toEqual([]);
    // Ended: gone from the analytics.
    expect(await activityEntities()).toEqual([]);
    const refused = await fetch(`${running.url}/__emulator/interactions/${chat.conversationId}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [EMULATOR_CONTROL_HEADER]: EMULATOR_CONTROL_VALUE,
      },
      body: JSON.stringify({ state: 'interacting' }),
    });
    expect(refused.status).toBe(400);
    socket.close();
  });
});
