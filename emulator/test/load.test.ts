import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorState } from '../control-client.js';
import { ALICE, api, RecordingSocket, SAM, signIn, startEmulator } from './harness.js';
import { QUEUE_IDS, SEED_USERS } from '../seed-ids.js';

const ALICE_ID = SEED_USERS.alice.id;
const SUPPORT = QUEUE_IDS.support;
const SALES = QUEUE_IDS.sales;
const QUEUE_TOPICS = [SUPPORT, SALES].map((q) => `v2.routing.queues.${q}.conversations.calls`);

let running: Awaited<ReturnType<typeof startEmulator>>;
beforeAll(async () => {
  running = await startEmulator();
});
afterAll(() => running.stop());
beforeEach(() => running.control.reset());

type Participant = EmulatorState['conversations'][number]['participants'][number];
const agentLeg = (participants: Participant[]) =>
  participants.filter((p) => p.purpose === 'agent').at(-1)!;

async function queueSocket(): Promise<RecordingSocket> {
  const sam = await signIn(running.url, SAM);
  const channel = await api(running.url, sam, 'POST', '/notifications/channels');
  const { id, connectUri } = channel.body as { id: string; connectUri: string };
  await api(
    running.url,
    sam,
    'PUT',
    `/notifications/channels/${id}/subscriptions`,
    QUEUE_TOPICS.map((t) => ({ id: t })),
  );
  return RecordingSocket.open(connectUri);
}

async function untilLoadEnds(timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await running.control.loadStatus();
    if (!status.running) return status;
    if (Date.now() > deadline) throw new Error('load did not end in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('POST /__emulator/calls with count', () => {
  it('spreads calls over generated agents and the queues, one live call per agent', async () => {
    const { conversationIds } = await running.control.createCalls({ count: 5 });
    expect(conversationIds).toHaveLength(5);
    const more = await running.control.createCalls({ count: 3 });
    const state = await running.control.state();
    const calls = state.conversations.filter((c) => !c.ended);
    expect(calls.map((c) => c.id)).toEqual([...conversationIds, ...more.conversationIds]);
    const agents = calls.map((c) => agentLeg(c.participants).user!.id);
    expect(new Set(agents).size).toBe(8);
    const names = agents.map((id) => state.users.find((u) => u.id === id)?.name);
    expect(names).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `Agent 00${n}`));
    expect(state.users.find((u) => u.name === 'Agent 001')?.email).toBe('agent001@example.com');
    const queues = calls.map((c) => agentLeg(c.participants).queue?.id);
    expect(queues.filter((q) => q === SUPPORT)).toHaveLength(5);
    expect(queues.filter((q) => q === SALES)).toHaveLength(3);
    expect(calls.every((c) => agentLeg(c.participants).state === 'connected')).toBe(true);
    const callers = calls.map((c) => c.participants.find((p) => p.purpose === 'customer')?.ani);
    expect(new Set(callers).size).toBe(8);
  });

  it('a generated agent signs in and sees their call; reset forgets them', async () => {
    const { conversationIds } = await running.control.createCalls({ count: 1, queue: 'Sales' });
    const token = await signIn(running.url, 'agent001@example.com');
    const calls = await api(running.url, token, 'GET', '/conversations/calls');
    expect((calls.body?.entities as { id: string }[]).map((c) => c.id)).toEqual(conversationIds);
    const ids = (await running.control.state()).users.map((u) => u.id);
    const lookup = await api(running.url, token, 'GET', `/users?id=${ids.at(-1)}`);
    expect((lookup.body?.entities as { name: string }[])[0]?.name).toBe('Agent 001');
    await running.control.reset();
    expect((await running.control.state()).users.map((u) => u.email)).not.toContain(
      'agent001@example.com',
    );
  });

  it('puts every call on one agent when agentEmail is given, and validates count', async () => {
    await running.control.createCalls({ count: 2, agentEmail: ALICE, queue: 'Support' });
    const state = await running.control.state();
    expect(state.conversations.map((c) => agentLeg(c.participants).user?.id)).toEqual([
      ALICE_ID,
      ALICE_ID,
    ]);
    await expect(running.control.createCalls({ count: 0 })).rejects.toThrow(/400/);
    await expect(running.control.createCalls({ count: 3001 })).rejects.toThrow(/400/);
    await expect(running.control.createCalls({ count: 1, queue: 'Nowhere' })).rejects.toThrow(
      /400/,
    );
    const single = await running.control.createCall({ agentEmail: ALICE });
    expect(single.conversationId).toEqual(expect.any(String));
  });

  it('answers the lighter state with only live calls', async () => {
    const { conversationIds } = await running.control.createCalls({ count: 3 });
    await running.control.hangup(conversationIds[1]!);
    const active = await running.control.activeState();
    expect(active.conversations.map((c) => c.id)).toEqual([conversationIds[0], conversationIds[2]]);
    expect((await running.control.state()).conversations).toHaveLength(3);
  });
});

describe('POST /__emulator/load', () => {
  it('does exactly eventsPerSecond × seconds actions and the state matches the events', async () => {
    await running.control.createCalls({ count: 20 });
    const socket = await queueSocket();
    const accepted = await running.control.startLoad({ eventsPerSecond: 40, seconds: 1, seed: 9 });
    expect(accepted).toMatchObject({ running: true, seed: 9, performed: 0 });
    const done = await untilLoadEnds();
    expect(done).toMatchObject({ running: false, performed: 40, failed: 0, skipped: 0 });
    expect(Object.values(done.byAction).reduce((a, b) => a + b, 0)).toBe(40);
    await new Promise((r) => setTimeout(r, 100));
    // At least one queue event per action (starts publish two).
    expect(socket.frames.length).toBeGreaterThanOrEqual(40);
    const lastEvent = new Map<string, { participants: Participant[] }>();
    for (const frame of socket.frames) {
      const body = frame.eventBody as { id: string; participants: Participant[] };
      lastEvent.set(body.id, body);
    }
    const state = await running.control.activeState();
    expect(state.conversations).toHaveLength(20 + done.byAction.start - done.byAction.end);
    for (const call of state.conversations) {
      const seen = lastEvent.get(call.id);
      if (!seen) continue;
      const truth = agentLeg(call.participants);
      expect(agentLeg(seen.participants)).toMatchObject({ muted: truth.muted, held: truth.held });
    }
    socket.close();
  });

  it('repeats the same actions from the same state with the same seed', async () => {
    const run = async () => {
      await running.control.reset();
      await running.control.createCalls({ count: 10 });
      await running.control.startLoad({ eventsPerSecond: 100, seconds: 1, seed: 42 });
      const status = await untilLoadEnds();
      const state = await running.control.state();
      return {
        byAction: status.byAction,
        calls: state.conversations.map((c) => ({
          ended: c.ended,
          agent: agentLeg(c.participants).user?.id,
          muted: agentLeg(c.participants).muted,
          held: agentLeg(c.participants).held,
          note: c.participants.find((p) => p.purpose === 'customer')?.attributes?.['load.note'],
        })),
      };
    };
    const first = await run();
    expect(first.byAction.mute + first.byAction.hold).toBeGreaterThan(0);
    expect(await run()).toEqual(first);
  });

  it('stops on request (and on reset) and validates its settings', async () => {
    await running.control.createCalls({ count: 5 });
    await running.control.startLoad({ eventsPerSecond: 100, seconds: 60 });
    await new Promise((r) => setTimeout(r, 200));
    const stopped = await running.control.stopLoad();
    expect(stopped.running).toBe(false);
    expect(stopped.performed).toBeGreaterThan(0);
    expect(stopped.skipped).toBe(6000 - stopped.performed - stopped.failed);
    await new Promise((r) => setTimeout(r, 100));
    expect((await running.control.loadStatus()).performed).toBe(stopped.performed);
    await running.control.startLoad({ eventsPerSecond: 100, seconds: 60 });
    await running.control.reset();
    expect((await running.control.loadStatus()).running).toBe(false);
    await expect(running.control.startLoad({ eventsPerSecond: 201, seconds: 1 })).rejects.toThrow(
      /400/,
    );
    await expect(running.control.startLoad({ eventsPerSecond: 1, seconds: 601 })).rejects.toThrow(
      /400/,
    );
  });
});

describe('scale', () => {
  // How fast this goes is a figure for `npm run bench` (supervisor probe), not a test's business.
  it('500 calls with 20 events/s over sockets: every action done, every call and event there', async () => {
    const socket = await queueSocket();
    const { conversationIds } = await running.control.createCalls({ count: 500 });
    expect(conversationIds).toHaveLength(500);
    await running.control.startLoad({ eventsPerSecond: 20, seconds: 2, seed: 1 });
    const done = await untilLoadEnds();
    const state = await running.control.activeState();
    expect(done).toMatchObject({ performed: 40, failed: 0, skipped: 0 });
    expect(state.conversations.length).toBe(500 + done.byAction.start - done.byAction.end);
    // Each new call is published as it rings and as it connects, then the actions' events.
    await expect.poll(() => socket.frames.length).toBeGreaterThanOrEqual(1040);
    socket.close();
  }, 30_000);
});
