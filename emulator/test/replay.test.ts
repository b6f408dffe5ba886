/**
 * `POST /__emulator/replay`: a widget's diagnostic trace played back to an agent's widget
 * (frames in order with the emulator's ids, REST reads agreeing, recorded failures on the same
 * requests), and refused whole, with a clear reason, when malformed or oversized.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QUEUE_IDS, SEED_USERS } from '../seed-ids.js';
import { createClock } from '../src/clock.js';
import { ALICE, api, onTopic, RecordingSocket, signIn, startEmulator } from './harness.js';
import { callSnapshot, frame, PATCH_AGENT, postReplay, traceOf } from './replay-helpers.js';

const ALICE_ID = SEED_USERS.alice.id;
const CALLS_TOPIC = `v2.users.${ALICE_ID}.conversations.calls`;

type Running = Awaited<ReturnType<typeof startEmulator>>;
type Leg = Record<string, unknown> & { id: string; purpose: string };

async function aliceSocket(running: Running, token: string) {
  const channel = await api(running.url, token, 'POST', '/notifications/channels');
  const { id, connectUri } = channel.body as { id: string; connectUri: string };
  await api(running.url, token, 'PUT', `/notifications/channels/${id}/subscriptions`, [
    { id: CALLS_TOPIC },
  ]);
  return RecordingSocket.open(connectUri);
}

const legOf = (call: { participants: Leg[] }, purpose: string) =>
  call.participants.filter((p) => p.purpose === purpose).at(-1)!;

describe('replay', () => {
  let running: Running;
  let alice: string;
  beforeAll(async () => {
    running = await startEmulator();
  });
  afterAll(() => running.stop());
  beforeEach(async () => {
    await running.control.reset();
    alice = await signIn(running.url, ALICE);
  });

  it('plays the frames in order to the agent, with the emulator’s ids, and REST reads agree', async () => {
    const socket = await aliceSocket(running, alice);
    const result = await running.control.replay(
      traceOf([
        frame(0, callSnapshot(), 'corr-1'),
        frame(4000, callSnapshot({ muted: true }), 'corr-2'),
        frame(9000, callSnapshot({ muted: true, held: true }), 'corr-3'),
      ]),
      { pace: 'instant' },
    );
    expect(result).toMatchObject({ state: 'done', played: 3, total: 3, frames: 3, failures: 0 });
    expect(result.agent).toEqual({ email: ALICE, id: ALICE_ID });
    const cid = result.ids['conversation-1']!;
    expect(result.ids).toMatchObject({ 'user-1': ALICE_ID, 'queue-1': QUEUE_IDS.support });
    // The recorded frames, in their order, as recorded (with the emulator's ids).
    const recorded = [];
    for (const id of ['corr-1', 'corr-2', 'corr-3'])
      recorded.push(
        await socket.next(
          (f) =>
            f.topicName === CALLS_TOPIC &&
            (f.metadata as { CorrelationId: string }).CorrelationId === id,
        ),
      );
    const bodies = recorded.map((f) => f.eventBody as { id: string; participants: Leg[] });
    expect(bodies.map((b) => b.id)).toEqual([cid, cid, cid]);
    expect(bodies.map((b) => [legOf(b, 'agent').muted, legOf(b, 'agent').held])).toEqual([
      [false, false],
      [true, false],
      [true, true],
    ]);
    expect(legOf(bodies[2]!, 'agent')).toMatchObject({
      id: result.ids['participant-3'],
      user: { id: ALICE_ID },
      queue: { id: QUEUE_IDS.support },
      address: 'sip:number-4',
    });
    expect(legOf(bodies[2]!, 'customer')).toMatchObject({
      name: 'name-1',
      attributes: { 'key-1': '***' },
    });
    socket.close();

    const call = (await api(running.url, alice, 'GET', `/conversations/calls/${cid}`)).body as {
      participants: Leg[];
    };
    expect(call.participants.map((p) => p.purpose)).toEqual(['customer', 'acd', 'agent']);
    expect(legOf(call, 'agent')).toMatchObject({ muted: true, held: true, state: 'connected' });
    const listing = (await api(running.url, alice, 'GET', '/conversations/calls')).body as {
      entities: { id: string }[];
    };
    expect(listing.entities.map((c) => c.id)).toEqual([cid]);
  });

  it('moves the trace’s times to now: played instantly, its last moment is the emulator’s now', async () => {
    const before = Date.now();
    const { ids } = await running.control.replay(
      traceOf([frame(0, callSnapshot()), frame(60_000, callSnapshot({ held: true }))]),
      { pace: 'instant' },
    );
    const call = (
      await api(running.url, alice, 'GET', `/conversations/calls/${ids['conversation-1']}`)
    ).body as { participants: Leg[] };
    // Recorded held at 10:00:09, 51 s before the trace's last entry (10:01:00).
    const heldAt = Date.parse(legOf(call, 'agent').startHoldTime as string);
    expect(heldAt).toBeGreaterThanOrEqual(before - 51_000);
    expect(heldAt).toBeLessThanOrEqual(Date.now() - 51_000);
  });

  it('arms each recorded REST failure as a one-shot fault on the same request', async () => {
    const { ids, failures, skipped } = await running.control.replay(
      traceOf([
        frame(0, callSnapshot()),
        {
          ...PATCH_AGENT,
          t: 500,
          status: 429,
          code: 'too.many.requests.retry.after',
          retryAfterSeconds: 7,
        },
        { ...PATCH_AGENT, t: 600 },
        { t: 700, type: 'rest', method: 'GET', path: '/api/v2/users/me', status: 0, ms: 16000 },
        { t: 800, type: 'rest', method: 'POST', path: '/oauth/token', status: 400, ms: 9 },
        { t: 900, type: 'link', status: 'reconnecting', attempt: 1 },
      ]),
      { pace: 'instant' },
    );
    expect(failures).toBe(1);
    expect(skipped).toEqual([
      { entry: 3, reason: 'no response was recorded (network error or timeout)' },
      { entry: 4, reason: '/oauth/token is not a Platform API request' },
    ]);
    const path = `/conversations/calls/${ids['conversation-1']}/participants/${ids['participant-3']}`;
    const refused = await api(running.url, alice, 'PATCH', path, { muted: true });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('7');
    expect(refused.body).toMatchObject({ code: 'too.many.requests.retry.after' });
    expect((await api(running.url, alice, 'PATCH', path, { muted: true })).status).toBe(202);
  });

  it('refuses a trace for an agent the emulator does not have', async () => {
    const response = await postReplay(running, {
      trace: traceOf([]),
      agentEmail: 'nobody@example.com',
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('No seeded user nobody@example.com.');
  });
});

describe('replay at the trace’s pace (frozen clock)', () => {
  const clock = createClock({ startMs: Date.parse('2026-03-02T12:00:00Z') });
  let running: Running;
  let alice: string;
  beforeAll(async () => {
    running = await startEmulator({ clock });
  });
  afterAll(() => running.stop());
  beforeEach(async () => {
    await running.control.reset();
    alice = await signIn(running.url, ALICE);
  });

  const slowTrace = () =>
    traceOf([
      frame(0, callSnapshot(), 'first'),
      frame(8000, callSnapshot({ muted: true }), 'second'),
      { ...PATCH_AGENT, t: 9000, status: 503 },
    ]);

  it('plays each step when the emulator’s clock reaches it (twice as fast with speed 2)', async () => {
    const socket = await aliceSocket(running, alice);
    const started = await running.control.replay(slowTrace(), { speed: 2 });
    expect(started).toMatchObject({
      state: 'playing',
      played: 1,
      total: 3,
      endsAt: '2026-03-02T12:00:04.500Z',
    });
    await socket.next(onTopic(CALLS_TOPIC));
    expect(
      (await running.control.clock()).pending.filter((w) => w.label === 'replay'),
    ).toHaveLength(2);
    expect((await running.control.state()).faults.failNext).toEqual([]);
    await running.control.advanceClock(4000);
    const second = await socket.next(
      (f) => (f.metadata as { CorrelationId: string }).CorrelationId === 'second',
    );
    expect(legOf(second.eventBody as { participants: Leg[] }, 'agent').muted).toBe(true);
    expect(await running.control.replayStatus()).toMatchObject({ state: 'playing', played: 2 });
    await running.control.advanceClock(500);
    expect(await running.control.replayStatus()).toMatchObject({ state: 'done', played: 3 });
    expect((await running.control.state()).faults.failNext).toEqual([
      expect.objectContaining({ method: 'PATCH', status: 503 }),
    ]);
    socket.close();
  });

  it('a reset stops it: nothing of the trace plays afterwards', async () => {
    await running.control.replay(slowTrace());
    await running.control.reset();
    expect(await running.control.replayStatus()).toMatchObject({ state: 'cancelled', played: 1 });
    expect((await running.control.clock()).pending.map((w) => w.label)).not.toContain('replay');
    await running.control.advanceClock(10_000);
    const state = await running.control.state();
    expect(state.conversations).toEqual([]);
    expect(state.faults.failNext).toEqual([]);
  });
});
