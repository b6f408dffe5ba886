import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClock } from '../src/clock.js';
import { ALICE, api, RecordingSocket, onTopic, SAM, signIn, startEmulator } from './harness.js';
import { QUEUE_IDS, SEED_USERS } from '../seed-ids.js';

const ALICE_ID = SEED_USERS.alice.id;
const SUPPORT = QUEUE_IDS.support;
const callsTopic = `v2.users.${ALICE_ID}.conversations.calls`;
const conversationsTopic = `v2.users.${ALICE_ID}.conversations`;

let running: Awaited<ReturnType<typeof startEmulator>>;
const clock = createClock({ startMs: Date.parse('2026-11-21T09:00:00Z') });

beforeAll(async () => {
  // Tokens outlive the 24 h channel life here so that channel expiry is seen on its own.
  running = await startEmulator({ heartbeatMs: 150, clock, tokenTtlSeconds: 7 * 86_400 });
});
afterAll(() => running.stop());
beforeEach(() => running.control.reset());

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
  return { id, connectUri, socket: await RecordingSocket.open(connectUri) };
}

type Body = { id: string; participants: Record<string, unknown>[] };
const bodyOf = (frame: Record<string, unknown>) => frame.eventBody as Body;
const agentOf = (frame: Record<string, unknown>) =>
  bodyOf(frame).participants.find((p) => p.purpose === 'agent')!;

describe('events', () => {
  it('publishes a whole snapshot after each PATCH', async () => {
    const token = await signIn(running.url, ALICE);
    const { socket } = await openChannel(token, [callsTopic]);
    const { conversationId, participants } = await running.control.createCall({
      agentEmail: ALICE,
      autoAnswer: false,
    });
    const pid = participants.find((p) => p.purpose === 'agent')!.id;
    const path = `/conversations/calls/${conversationId}/participants/${pid}`;
    expect(agentOf(await socket.next(onTopic(callsTopic)))).toMatchObject({ state: 'alerting' });

    const steps: [unknown, Record<string, unknown>][] = [
      [{ state: 'connected' }, { state: 'connected' }],
      [{ muted: true }, { muted: true }],
      [{ held: true }, { held: true, muted: true }],
      [
        { held: false, muted: false },
        { held: false, muted: false },
      ],
    ];
    for (const [patch, expected] of steps) {
      const response = await api(running.url, token, 'PATCH', path, patch);
      expect(response.status).toBe(202);
      const frame = await socket.next(onTopic(callsTopic));
      expect(frame.metadata).toEqual({
        CorrelationId: response.headers.get('inin-correlation-id'),
      });
      expect(bodyOf(frame).participants).toHaveLength(4);
      expect(agentOf(frame)).toMatchObject(expected);
    }

    const customer = participants.find((p) => p.purpose === 'customer')!.id;
    await api(
      running.url,
      token,
      'PATCH',
      `/conversations/calls/${conversationId}/participants/${customer}/attributes`,
      {
        attributes: { note: 'VIP' },
      },
    );
    const attrFrame = await socket.next(onTopic(callsTopic));
    expect(
      bodyOf(attrFrame).participants.find((p) => p.purpose === 'customer')!.attributes,
    ).toEqual({ note: 'VIP' });

    await running.control.hangup(conversationId);
    const ended = await socket.next(onTopic(callsTopic));
    expect(agentOf(ended)).toMatchObject({ state: 'disconnected', disconnectType: 'peer' });
    expect(typeof agentOf(ended).endTime).toBe('string');
    const list = await api(running.url, token, 'GET', '/conversations/calls');
    expect(list.body?.entities).toEqual([]);
    socket.close();
  });

  it('sends no event when a PATCH changes nothing', async () => {
    const token = await signIn(running.url, ALICE);
    const { socket } = await openChannel(token, [callsTopic]);
    const { conversationId, participants } = await running.control.createCall({
      agentEmail: ALICE,
    });
    const pid = participants.find((p) => p.purpose === 'agent')!.id;
    await socket.next((f) => f.topicName === callsTopic && agentOf(f).state === 'connected');
    socket.frames.length = 0;
    await api(
      running.url,
      token,
      'PATCH',
      `/conversations/calls/${conversationId}/participants/${pid}`,
      { muted: false },
    );
    await api(
      running.url,
      token,
      'PATCH',
      `/conversations/calls/${conversationId}/participants/${pid}`,
      { held: true },
    );
    const next = await socket.next(onTopic(callsTopic));
    expect(agentOf(next)).toMatchObject({ held: true, muted: false });
    socket.close();
  });

  it('gives each topic its own body shape', async () => {
    const alice = await signIn(running.url, ALICE);
    const sam = await signIn(running.url, SAM);
    const queueTopic = `v2.routing.queues.${SUPPORT}.conversations.calls`;
    const agentSide = await openChannel(alice, [callsTopic, conversationsTopic]);
    const supervisorSide = await openChannel(sam, [queueTopic]);
    await running.control.createCall({ agentEmail: ALICE, queue: 'Support' });

    const calls = await agentSide.socket.next(onTopic(callsTopic));
    expect(calls.version).toBe('2');
    expect(agentOf(calls)).toMatchObject({ user: { id: ALICE_ID }, queue: { id: SUPPORT } });
    expect(agentOf(calls).user).toEqual({ id: ALICE_ID });
    expect(agentOf(calls)).not.toHaveProperty('name');

    const generic = await agentSide.socket.next(onTopic(conversationsTopic));
    const genericAgent = bodyOf(generic).participants.find((p) => p.purpose === 'agent')!;
    expect(genericAgent).toMatchObject({ userId: ALICE_ID, queueId: SUPPORT });
    expect(genericAgent.calls).toEqual([
      expect.objectContaining({ state: 'alerting', muted: false, held: false }),
    ]);

    const queued = await supervisorSide.socket.next(onTopic(queueTopic));
    expect(bodyOf(queued).participants.map((p) => p.purpose)).toEqual([
      'customer',
      'ivr',
      'acd',
      'agent',
    ]);
    agentSide.socket.close();
    supervisorSide.socket.close();
  });
});

describe('channel health', () => {
  it('sends a heartbeat and answers ping with pong', async () => {
    const token = await signIn(running.url, ALICE);
    const { socket } = await openChannel(token, [callsTopic]);
    const heartbeat = await socket.next(onTopic('channel.metadata'));
    expect(heartbeat.eventBody).toEqual({ message: 'WebSocket Heartbeat' });
    socket.send({ message: 'ping' });
    const pong = await socket.next((f) => (f.eventBody as { message?: string }).message === 'pong');
    expect(pong.topicName).toBe('channel.metadata');
    socket.close();
  });

  it('a second connection to a channel drops the first', async () => {
    const token = await signIn(running.url, ALICE);
    const first = await openChannel(token, [callsTopic]);
    const second = await RecordingSocket.open(first.connectUri);
    const closed = await first.socket.closed;
    expect(closed.reason).toMatch(/newer connection/);
    await running.control.createCall({ agentEmail: ALICE });
    await expect(second.next(onTopic(callsTopic))).resolves.toBeTruthy();
    second.close();
  });

  it('evicts the oldest unconnected channel when a user opens a 21st', async () => {
    const token = await signIn(running.url, ALICE);
    const ids: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const created = await api(running.url, token, 'POST', '/notifications/channels');
      ids.push((created.body as { id: string }).id);
      clock.advance(1000);
    }
    const connected = await RecordingSocket.open(
      `ws://${new URL(running.url).host}/channels/${ids[0]}`,
    );
    const twentyFirst = await api(running.url, token, 'POST', '/notifications/channels');
    expect(twentyFirst.status).toBe(200);
    const listed = await api(running.url, token, 'GET', '/notifications/channels');
    const remaining = (listed.body!.entities as { id: string }[]).map((c) => c.id);
    expect(remaining).toHaveLength(20);
    expect(remaining).toContain(ids[0]);
    expect(remaining).not.toContain(ids[1]);
    expect(
      (await api(running.url, token, 'HEAD', `/notifications/channels/${ids[1]}`)).status,
    ).toBe(404);
    connected.close();
  });

  it('expires a channel after 24 h on the emulator clock unless re-subscribed', async () => {
    const token = await signIn(running.url, ALICE);
    const kept = await openChannel(token, [callsTopic]);
    const lapsed = await openChannel(token, [callsTopic]);
    await running.control.advanceClock(20 * 3_600_000);
    await api(running.url, token, 'POST', `/notifications/channels/${kept.id}/subscriptions`, [
      { id: conversationsTopic },
    ]);
    await running.control.advanceClock(5 * 3_600_000);
    const closed = await lapsed.socket.closed;
    expect(closed.reason).toBe('Channel expired');
    expect(
      (await api(running.url, token, 'HEAD', `/notifications/channels/${lapsed.id}`)).status,
    ).toBe(404);
    expect(
      (await api(running.url, token, 'HEAD', `/notifications/channels/${kept.id}`)).status,
    ).toBe(200);
    await expect(RecordingSocket.open(lapsed.connectUri)).rejects.toThrow(/404/);
    kept.socket.close();
  });

  it('warns with v2.system.socket_closing, then closes the socket', async () => {
    const token = await signIn(running.url, ALICE);
    const { socket, id } = await openChannel(token, [callsTopic]);
    await running.control.faults({ socketClosing: 200 });
    const warning = await socket.next(onTopic('v2.system.socket_closing'));
    expect(warning.eventBody).toMatchObject({ channelId: id });
    // The deadline is on the emulator's (frozen) clock: the socket stays open until it passes.
    const { pending } = await running.control.clock();
    expect(pending).toEqual([
      { label: 'socket closing', due: new Date(clock.now() + 200).toISOString() },
    ]);
    await running.control.advanceClock(199);
    expect(socket.socket.readyState).toBe(socket.socket.OPEN);
    await running.control.advanceClock(1);
    const closed = await socket.closed;
    expect(closed.code).toBe(1001);
  });

  it('drops sockets abruptly and closes channels of expired tokens', async () => {
    const token = await signIn(running.url, ALICE);
    const first = await openChannel(token, [callsTopic]);
    await running.control.faults({ dropSockets: true });
    expect((await first.socket.closed).code).toBe(1006);
    const second = await openChannel(token, [callsTopic]);
    await running.control.faults({ expireTokens: true });
    expect((await second.socket.closed).reason).toBe('Token expired');
  });

  it('refuses more than 1000 topics on a channel', async () => {
    const token = await signIn(running.url, ALICE);
    const channel = await api(running.url, token, 'POST', '/notifications/channels');
    const id = (channel.body as { id: string }).id;
    const topic = (i: number) => ({
      id: `v2.conversations.00000000-0000-4000-8000-${String(i).padStart(12, '0')}.transcription`,
    });
    const thousand = Array.from({ length: 1000 }, (_, i) => topic(i));
    expect(
      (
        await api(
          running.url,
          token,
          'PUT',
          `/notifications/channels/${id}/subscriptions`,
          thousand,
        )
      ).status,
    ).toBe(200);
    const more = await api(
      running.url,
      token,
      'POST',
      `/notifications/channels/${id}/subscriptions`,
      [topic(1000)],
    );
    expect(more.status).toBe(400);
    expect(more.body?.message).toMatch(/at most 1000 topics/);
    const listed = await api(
      running.url,
      token,
      'GET',
      `/notifications/channels/${id}/subscriptions`,
    );
    expect(listed.body?.entities).toHaveLength(1000);
  });
});
