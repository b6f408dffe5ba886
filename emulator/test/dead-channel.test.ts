/**
 * A dead channel (`{"result":"404"}`, contract §3.2) and raw frames sent through the control
 * plane for tests of malformed or unexpected frames.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALICE, api, BOB, onTopic, RecordingSocket, signIn, startEmulator } from './harness.js';
import { SEED_USERS } from '../seed-ids.js';

const ALICE_ID = SEED_USERS.alice.id;
const callsTopic = `v2.users.${ALICE_ID}.conversations.calls`;

let running: Awaited<ReturnType<typeof startEmulator>>;
beforeAll(async () => {
  running = await startEmulator({ heartbeatMs: 100 });
});
afterAll(() => running.stop());
beforeEach(() => running.control.reset());

async function createChannel(email: string, topics: string[]) {
  const token = await signIn(running.url, email);
  const channel = await api(running.url, token, 'POST', '/notifications/channels');
  const { id, connectUri } = channel.body as { id: string; connectUri: string };
  await api(
    running.url,
    token,
    'PUT',
    `/notifications/channels/${id}/subscriptions`,
    topics.map((t) => ({ id: t })),
  );
  return { token, id, connectUri };
}

async function openChannel(email: string, topics: string[]) {
  const channel = await createChannel(email, topics);
  return { ...channel, socket: await RecordingSocket.open(channel.connectUri) };
}

/** A plain socket that keeps every text frame except heartbeats (frames need not be JSON). */
async function openRawChannel(email: string, topics: string[]) {
  const { connectUri } = await createChannel(email, topics);
  const socket = new WebSocket(connectUri);
  const texts: string[] = [];
  socket.on('message', (data) => {
    const text = data.toString();
    if (!text.includes('WebSocket Heartbeat')) texts.push(text);
  });
  await new Promise((resolve) => socket.once('open', resolve));
  return { socket, texts };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('channelGone', () => {
  it('sends {"result":"404"}, removes the channel, and leaves the socket open and silent', async () => {
    const { token, id, socket } = await openChannel(ALICE, [callsTopic]);
    await socket.next(onTopic('channel.metadata'));
    const result = await running.control.faults({ channelGone: true });
    expect(result.channelsGone).toBe(1);
    const frame = await socket.next((f) => 'result' in f);
    expect(frame).toEqual({ result: '404' });
    expect((await api(running.url, token, 'HEAD', `/notifications/channels/${id}`)).status).toBe(
      404,
    );
    expect((await running.control.state()).channels).toEqual([]);
    socket.frames.length = 0;
    await running.control.createCall({ agentEmail: ALICE });
    socket.send({ message: 'ping' });
    await sleep(350);
    expect(socket.frames).toEqual([]);
    expect(socket.socket.readyState).toBe(WebSocket.OPEN);
    await running.control.reset();
    expect((await socket.closed).reason).toBe('Emulator reset');
  });

  it('leaves channels without a socket alone', async () => {
    const token = await signIn(running.url, ALICE);
    const channel = await api(running.url, token, 'POST', '/notifications/channels');
    expect((await running.control.faults({ channelGone: true })).channelsGone).toBe(0);
    const id = (channel.body as { id: string }).id;
    expect((await api(running.url, token, 'HEAD', `/notifications/channels/${id}`)).status).toBe(
      200,
    );
  });
});

describe('emit', () => {
  it('sends a string as is and an object JSON-encoded to one user’s sockets', async () => {
    const alice = await openRawChannel(ALICE, [callsTopic]);
    const bob = await openRawChannel(BOB, []);
    const malformed = '{"topicName":"v2.users.x.conversations.calls","eventBody":';
    expect(await running.control.emit(malformed, ALICE)).toEqual({ ok: true, sent: 1 });
    const object = { topicName: callsTopic, eventBody: { id: 42, participants: 'none' } };
    expect(await running.control.emit(object, ALICE)).toEqual({ ok: true, sent: 1 });
    await sleep(50);
    expect(alice.texts).toEqual([malformed, JSON.stringify(object)]);
    expect(bob.texts).toEqual([]);
    alice.socket.close();
    bob.socket.close();
  });

  it('without a user, reaches every socket; an unknown user is 400', async () => {
    const alice = await openChannel(ALICE, []);
    const bob = await openChannel(BOB, []);
    expect((await running.control.emit({ topicName: 'v2.unknown.topic' })).sent).toBe(2);
    await expect(bob.socket.next(onTopic('v2.unknown.topic'))).resolves.toBeTruthy();
    await expect(alice.socket.next(onTopic('v2.unknown.topic'))).resolves.toBeTruthy();
    await expect(running.control.emit('x', 'nobody@example.com')).rejects.toThrow(/400/);
    alice.socket.close();
    bob.socket.close();
  });
});
