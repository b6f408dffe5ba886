/**
 * The flow's changes as a subscribed agent sees them on a real notifications socket, and the
 * stop check's interval under fake interval timers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../src/clock.js';
import { PROMPT_IDS } from '../src/seed.js';
import { createEmulator } from '../src/server.js';
import { ALICE, api, onTopic, RecordingSocket, signIn, startEmulator } from './harness.js';
import { aliceCall, START, startPlayback } from './playback-harness.js';
import { SEED_USERS } from '../seed-ids.js';

const ALICE_ID = SEED_USERS.alice.id;
const callsTopic = `v2.users.${ALICE_ID}.conversations.calls`;

type Participant = {
  id: string;
  purpose: string;
  state: string;
  attributes: Record<string, string>;
};
type Frame = Record<string, unknown>;
const participantsOf = (frame: Frame) =>
  (frame.eventBody as { participants: Participant[] }).participants;

describe('events over the notifications socket', () => {
  const clock = createClock({ startMs: START });
  let running: Awaited<ReturnType<typeof startEmulator>>;
  beforeAll(async () => {
    running = await startEmulator({ clock, playbackTickMs: 20 });
  });
  afterAll(() => running.stop());

  it('publishes the leg joining, each attribute write, and the leg leaving, in order', async () => {
    const alice = await signIn(running.url, ALICE);
    const call = await aliceCall(running.control);
    const channel = await api(running.url, alice, 'POST', '/notifications/channels');
    const { id, connectUri } = channel.body as { id: string; connectUri: string };
    await api(running.url, alice, 'PUT', `/notifications/channels/${id}/subscriptions`, [
      { id: callsTopic },
    ]);
    const socket = await RecordingSocket.open(connectUri);

    await startPlayback(running.url, alice, call, { promptId: PROMPT_IDS.holdPlease });
    const ivrId = (await running.control.playback()).sessions[0]!.ivrParticipantId;
    clock.advance(2_000);
    const isLeft = (f: Frame) =>
      f.topicName === callsTopic &&
      participantsOf(f).some((p) => p.id === ivrId && p.state === 'disconnected');
    const last = await socket.next(isLeft);
    const frames = [...socket.frames.filter(onTopic(callsTopic)), last];
    const summary = frames.map((f) => {
      const parts = participantsOf(f);
      return {
        ivr: parts.find((p) => p.id === ivrId)?.state,
        playback: parts.find((p) => p.id === call.customerId)!.attributes['lcp.playback.state'],
      };
    });
    expect(summary).toEqual([
      { ivr: 'connected', playback: undefined },
      { ivr: 'connected', playback: 'playing' },
      { ivr: 'connected', playback: 'completed' },
      { ivr: 'disconnected', playback: 'completed' },
    ]);
    expect(frames.every((f) => f.version === '2')).toBe(true);
    socket.close();
  });
});

describe('the stop check interval', () => {
  it('defaults to 250 ms, well inside the brief\'s "at least once a second"', async () => {
    const emulator = createEmulator();
    expect(emulator.ctx.playback.tickMs).toBe(250);
    await emulator.close();
  });

  it('a stop request ends the playback at the next check, not before', async () => {
    const clock = createClock({ startMs: START });
    const running = await startEmulator({ clock, playbackTickMs: 1_000 });
    try {
      const alice = await signIn(running.url, ALICE);
      const call = await aliceCall(running.control);
      await startPlayback(running.url, alice, call);
      await api(
        running.url,
        alice,
        'PATCH',
        `/conversations/calls/${call.conversationId}/participants/${call.customerId}/attributes`,
        { attributes: { 'lcp.playback.stopRequested': 'req-1' } },
      );
      const [session] = running.emulator.ctx.playback.all();
      clock.advance(999);
      expect(session!.state).toBe('PENDING');
      clock.advance(1);
      expect(session!.state).toBe('COMPLETED');
      expect(session!.run.ended?.reason).toBe('agentStop');
    } finally {
      await running.stop();
    }
  });
});
