/** Shared steps of the call-shape tests (issue 18): a subscribed user socket and leg lookups. */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createClock, type Clock } from '../src/clock.js';
import { ALICE, api, onTopic, RecordingSocket, signIn, startEmulator } from './harness.js';

export type Leg = Record<string, unknown> & { id: string; purpose: string; state: string };
export type Frame = Record<string, unknown>;

/** A socket of `token`'s user subscribed to their calls topic. */
export async function callsSocket(url: string, token: string, userId: string) {
  const topic = `v2.users.${userId}.conversations.calls`;
  const channel = await api(url, token, 'POST', '/notifications/channels');
  const { id, connectUri } = channel.body as { id: string; connectUri: string };
  await api(url, token, 'PUT', `/notifications/channels/${id}/subscriptions`, [{ id: topic }]);
  const socket = await RecordingSocket.open(connectUri);
  /** The next snapshot of `conversationId` on the topic whose legs satisfy `match`. */
  const snapshot = async (conversationId: string, match: (legs: Leg[]) => boolean) => {
    const frame = await socket.next(
      (f) =>
        onTopic(topic)(f) &&
        (f.eventBody as { id: string }).id === conversationId &&
        match((f.eventBody as { participants: Leg[] }).participants),
    );
    return frame.eventBody as Frame & { participants: Leg[] };
  };
  return { socket, snapshot };
}

export const legIn = (legs: Leg[], id: string) => legs.find((l) => l.id === id);

/** `GET /conversations/calls/{cid}` legs as `token`'s user sees them. */
export async function restLegs(url: string, token: string, cid: string): Promise<Leg[]> {
  const response = await api(url, token, 'GET', `/conversations/calls/${cid}`);
  return (response.body?.participants ?? []) as Leg[];
}

/** The ids of `GET /conversations/calls` for `token`'s user. */
export async function listedCalls(url: string, token: string): Promise<string[]> {
  const response = await api(url, token, 'GET', '/conversations/calls');
  return ((response.body?.entities ?? []) as { id: string }[]).map((e) => e.id);
}

/**
 * One emulator on a frozen clock for a call-shape test file, reset before each test with Alice
 * signed in. Registers the hooks; read `running`, `alice` and `clock` inside tests.
 */
export function shapesEmulator() {
  const clock = createClock({ startMs: Date.parse('2026-11-21T09:00:00Z') });
  const shapes = { clock } as {
    clock: Clock;
    running: Awaited<ReturnType<typeof startEmulator>>;
    alice: string;
  };
  beforeAll(async () => {
    shapes.running = await startEmulator({ clock });
  });
  afterAll(() => shapes.running.stop());
  beforeEach(async () => {
    await shapes.running.control.reset();
    shapes.alice = await signIn(shapes.running.url, ALICE);
  });
  return shapes;
}
