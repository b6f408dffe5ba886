/**
 * Playback mode `late` (issue 18, shape 9): the Play Prompt flow's attributes reach the customer
 * only after the flow has ended and its ivr leg has left, one key per change and out of the order
 * they were set; the stop request is read only between repetitions of the prompt.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClock } from '../src/clock.js';
import { LATE_ATTRIBUTES_AFTER_MS } from '../src/playback/play-prompt-flow.js';
import { PROMPT_IDS } from '../src/seed.js';
import { SEED_USERS } from '../seed-ids.js';
import { ALICE, api, RecordingSocket, signIn, startEmulator } from './harness.js';
import { aliceCall, callOf, START, startPlayback, type TestCall } from './playback-harness.js';

const callsTopic = `v2.users.${SEED_USERS.alice.id}.conversations.calls`;
type Participant = { id: string; state: string; attributes: Record<string, string> };
type Frame = Record<string, unknown>;
const participantsOf = (frame: Frame) =>
  (frame.eventBody as { participants: Participant[] }).participants;

const clock = createClock({ startMs: START });
let running: Awaited<ReturnType<typeof startEmulator>>;
let alice: string;

beforeAll(async () => {
  running = await startEmulator({ clock });
});
afterAll(() => running.stop());
beforeEach(async () => {
  await running.control.reset();
  await running.control.setPlaybackMode('late');
  alice = await signIn(running.url, ALICE);
});

async function aliceSocket() {
  const channel = await api(running.url, alice, 'POST', '/notifications/channels');
  const { id, connectUri } = channel.body as { id: string; connectUri: string };
  await api(running.url, alice, 'PUT', `/notifications/channels/${id}/subscriptions`, [
    { id: callsTopic },
  ]);
  return RecordingSocket.open(connectUri);
}

const requestStop = (call: TestCall) =>
  api(
    running.url,
    alice,
    'PATCH',
    `/conversations/calls/${call.conversationId}/participants/${call.customerId}/attributes`,
    { attributes: { 'lcp.playback.stopRequested': 'req-1' } },
  );

describe('playback mode late', () => {
  it('the attributes arrive after the ivr leg has left, one key per event, last set first', async () => {
    const socket = await aliceSocket();
    const call = await aliceCall(running.control);
    await startPlayback(running.url, alice, call, { promptId: PROMPT_IDS.holdPlease });
    const ivrId = (await running.control.playback()).sessions[0]!.ivrParticipantId;
    clock.advance(2_000);
    const left = await socket.next((f) =>
      participantsOf(f).some((p) => p.id === ivrId && p.state === 'disconnected'),
    );
    const customerAt = (f: Frame) => participantsOf(f).find((p) => p.id === call.customerId)!;
    expect(customerAt(left).attributes).toEqual({});
    const before = await callOf(running.url, alice, call);
    expect(before.playback).toEqual({});
    expect((await running.control.playback()).sessions[0]).toMatchObject({
      state: 'COMPLETED',
      reason: 'completed',
    });
    expect((await running.control.clock()).pending.map((w) => w.label)).toContain(
      'late flow attributes',
    );

    clock.advance(LATE_ATTRIBUTES_AFTER_MS);
    const arrivals: string[] = [];
    let seen: Record<string, string> = {};
    while (arrivals.length < 7) {
      const frame = await socket.next(
        (f) => Object.keys(customerAt(f).attributes).length > Object.keys(seen).length,
      );
      const now = customerAt(frame).attributes;
      arrivals.push(...Object.keys(now).filter((k) => !(k in seen)));
      seen = now;
    }
    expect(arrivals.map((k) => k.replace('lcp.playback.', ''))).toEqual([
      'lastDigit',
      'reason',
      'endedAt',
      'startedAt',
      'promptId',
      'state',
      'requestId',
    ]);
    const after = await callOf(running.url, alice, call);
    expect(after.playback).toEqual({
      requestId: 'req-1',
      state: 'completed',
      promptId: PROMPT_IDS.holdPlease,
      startedAt: new Date(START).toISOString(),
      endedAt: new Date(START + 2_000).toISOString(),
      reason: 'completed',
      lastDigit: '',
    });
    socket.close();
  });

  it('a stop request is read only at the end of a repetition, never mid-prompt', async () => {
    const call = await aliceCall(running.control);
    const started = clock.now();
    await startPlayback(running.url, alice, call, {
      promptId: PROMPT_IDS.holdPlease,
      loop: true,
    });
    clock.advance(500);
    expect((await requestStop(call)).status).toBe(202);
    clock.advance(1_499);
    const mid = (await running.control.playback()).sessions[0]!;
    expect(mid).toMatchObject({ state: 'PENDING' });
    expect((await callOf(running.url, alice, call)).leg(mid.ivrParticipantId)?.state).toBe(
      'connected',
    );
    clock.advance(1);
    expect((await running.control.playback()).sessions[0]).toMatchObject({
      state: 'COMPLETED',
      reason: 'agentStop',
      endedAt: new Date(started + 2_000).toISOString(),
    });
    expect((await callOf(running.url, alice, call)).leg(mid.ivrParticipantId)?.state).toBe(
      'terminated',
    );
    clock.advance(LATE_ATTRIBUTES_AFTER_MS);
    expect((await callOf(running.url, alice, call)).playback).toMatchObject({
      state: 'stopped',
      reason: 'agentStop',
    });
  });

  it('a prompt played once never sees the stop: it completes', async () => {
    const call = await aliceCall(running.control);
    await startPlayback(running.url, alice, call, { promptId: PROMPT_IDS.holdPlease });
    clock.advance(250);
    await requestStop(call);
    clock.advance(2_000);
    expect((await running.control.playback()).sessions[0]).toMatchObject({ reason: 'completed' });
  });

  it('a reset drops the delivery still waiting', async () => {
    const call = await aliceCall(running.control);
    await startPlayback(running.url, alice, call, { promptId: PROMPT_IDS.holdPlease });
    clock.advance(2_000);
    await running.control.reset();
    expect((await running.control.clock()).pending.map((w) => w.label)).not.toContain(
      'late flow attributes',
    );
    expect((await running.control.playback()).mode).toBe('attributes');
  });
});
