/**
 * The Play Prompt flow's protocol (product brief §4) on a frozen clock: the flow checks every 20 ms
 * of the emulator's clock, so it moves on (time, digits, stop, hang-up) only when the test
 * advances the clock, and everything due has happened when `advance` returns.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClock } from '../src/clock.js';
import { PROMPT_IDS } from '../src/seed.js';
import { ALICE, api, signIn, startEmulator } from './harness.js';
import {
  aliceCall,
  callOf,
  eventually,
  START,
  startPlayback,
  type TestCall,
} from './playback-harness.js';

const iso = (ms: number) => new Date(ms).toISOString();
let running: Awaited<ReturnType<typeof startEmulator>>;
const clock = createClock({ startMs: START });
let alice: string;
let call: TestCall;
let t0: number;

beforeAll(async () => {
  running = await startEmulator({ clock, playbackTickMs: 20 });
});
afterAll(() => running.stop());
beforeEach(async () => {
  await running.control.reset();
  alice = await signIn(running.url, ALICE);
  call = await aliceCall(running.control);
  t0 = clock.now();
});

async function session() {
  const { sessions } = await running.control.playback();
  expect(sessions).toHaveLength(1);
  return sessions[0]!;
}

/** Waits for the flow to end; returns the session and the call as Alice reads it. */
async function ended() {
  const done = await eventually(async () => {
    const s = await session();
    expect(s.state).not.toBe('PENDING');
    return s;
  });
  return { session: done, call: await callOf(running.url, alice, call) };
}

const TICK_MS = 20;

/** Advances the clock; the flow's checks that fall due run before this returns. */
function advance(ms: number) {
  clock.advance(ms);
}

const patchAttributes = (pid: string, attributes: Record<string, string>) =>
  api(
    running.url,
    alice,
    'PATCH',
    `/conversations/calls/${call.conversationId}/participants/${pid}/attributes`,
    { attributes },
  );

describe('Play Prompt: playing → completed', () => {
  it('an ivr leg joins, the attributes say playing, then completed; the caller returns', async () => {
    expect((await startPlayback(running.url, alice, call)).status).toBe(200);
    const started = await session();
    const during = await callOf(running.url, alice, call);
    expect(during.leg(started.ivrParticipantId)).toMatchObject({
      purpose: 'ivr',
      state: 'connected',
      name: 'Indianapolis IN',
      address: expect.stringMatching(/^sip:[0-9a-f-]{36}@127\.0\.0\.1;language=en-US;user=ivr$/),
    });
    expect(during.playback).toEqual({
      requestId: 'req-1',
      state: 'playing',
      promptId: PROMPT_IDS.recordingDisclosure,
      startedAt: iso(t0),
      endedAt: '',
      reason: '',
      lastDigit: '',
    });

    advance(3_900);
    expect((await session()).state).toBe('PENDING');
    advance(100);
    const { session: done, call: after } = await ended();
    expect(done).toMatchObject({
      state: 'COMPLETED',
      reason: 'completed',
      endedAt: iso(t0 + 4_000),
    });
    expect(after.playback).toMatchObject({
      state: 'completed',
      reason: 'completed',
      endedAt: iso(t0 + 4_000),
    });
    expect(after.leg(started.ivrParticipantId)).toMatchObject({
      state: 'terminated',
      disconnectType: 'transfer',
    });
    expect(after.customer.state).toBe('connected');
    expect(after.leg(call.agentId)).toMatchObject({ state: 'connected' });
    const rest = await api(
      running.url,
      alice,
      'GET',
      `/conversations/${call.conversationId}/participants/${call.customerId}/secureivrsessions/${done.id}`,
    );
    expect(rest.body).toMatchObject({ state: 'COMPLETED' });
  });

  it('a second playback afterwards starts clean (endedAt, reason, lastDigit emptied)', async () => {
    await startPlayback(running.url, alice, call, { promptId: PROMPT_IDS.transferNotice });
    advance(1_500);
    await ended();
    const again = await startPlayback(running.url, alice, call, { requestId: 'req-2' });
    expect(again.status).toBe(200);
    const { playback } = await callOf(running.url, alice, call);
    expect(playback).toMatchObject({
      requestId: 'req-2',
      state: 'playing',
      endedAt: '',
      reason: '',
    });
  });
});

describe('Play Prompt: loop and maximum duration', () => {
  it('loops until maxDurationSeconds and ends with maxDuration', async () => {
    await startPlayback(running.url, alice, call, {
      promptId: PROMPT_IDS.holdPlease,
      loop: true,
      maxDurationSeconds: 5,
    });
    advance(4_900);
    expect((await session()).state).toBe('PENDING');
    advance(100);
    const { session: done, call: after } = await ended();
    expect(done).toMatchObject({ state: 'COMPLETED', reason: 'maxDuration' });
    expect(after.playback).toMatchObject({
      state: 'completed',
      reason: 'maxDuration',
      endedAt: iso(t0 + 5_000),
    });
  });

  it('caps a prompt longer than maxDurationSeconds even without loop', async () => {
    await startPlayback(running.url, alice, call, {
      promptId: PROMPT_IDS.paymentTerms,
      maxDurationSeconds: 3,
    });
    advance(3_000);
    const { call: after } = await ended();
    expect(after.playback).toMatchObject({ reason: 'maxDuration', endedAt: iso(t0 + 3_000) });
  });
});

describe('Play Prompt: stop, DTMF, hang-up, errors', () => {
  it('ends with agentStop when the stop attribute names this request', async () => {
    await startPlayback(running.url, alice, call);
    await patchAttributes(call.customerId, { 'lcp.playback.stopRequested': 'old-request' });
    advance(1_000);
    expect((await session()).state).toBe('PENDING');
    await patchAttributes(call.customerId, { 'lcp.playback.stopRequested': 'req-1' });
    expect((await session()).state).toBe('PENDING'); // read at the flow's next check
    advance(TICK_MS);
    const { session: done, call: after } = await ended();
    expect(done).toMatchObject({ state: 'COMPLETED', reason: 'agentStop' });
    expect(after.playback).toMatchObject({
      state: 'stopped',
      reason: 'agentStop',
      endedAt: iso(t0 + 1_000 + TICK_MS),
    });
    expect(after.leg(done.ivrParticipantId)).toMatchObject({ state: 'terminated' });
  });

  it('a digit with a rule switches the prompt and restarts its timing', async () => {
    await startPlayback(running.url, alice, call, {
      dtmf: { '1': PROMPT_IDS.holdPlease, '9': '' },
    });
    advance(1_000);
    await running.control.dtmf(call.conversationId, '5');
    advance(TICK_MS);
    expect((await callOf(running.url, alice, call)).playback.lastDigit).toBe('5');
    expect((await callOf(running.url, alice, call)).playback.promptId).toBe(
      PROMPT_IDS.recordingDisclosure,
    );
    await running.control.dtmf(call.conversationId, '1');
    advance(TICK_MS);
    const switchedAt = t0 + 1_000 + 2 * TICK_MS;
    expect((await callOf(running.url, alice, call)).playback).toMatchObject({
      promptId: PROMPT_IDS.holdPlease,
      state: 'playing',
      startedAt: iso(switchedAt),
      lastDigit: '1',
    });
    expect((await session()).promptId).toBe(PROMPT_IDS.holdPlease);
    // Hold_please lasts 2 s from the switch; the first prompt's 4 s no longer count.
    advance(2_000 - TICK_MS);
    expect((await session()).state).toBe('PENDING');
    advance(TICK_MS);
    const { call: after } = await ended();
    expect(after.playback).toMatchObject({ reason: 'completed', endedAt: iso(switchedAt + 2_000) });
  });

  it('a digit whose rule is empty ends the playback with dtmf', async () => {
    await startPlayback(running.url, alice, call, { dtmf: { '9': '' } });
    await running.control.dtmf(call.conversationId, '9');
    advance(TICK_MS);
    const { session: done, call: after } = await ended();
    expect(done).toMatchObject({ state: 'COMPLETED', reason: 'dtmf' });
    expect(after.playback).toMatchObject({ state: 'stopped', reason: 'dtmf', lastDigit: '9' });
  });

  it('digits pressed before the flow started are not read', async () => {
    await running.control.dtmf(call.conversationId, '1');
    await startPlayback(running.url, alice, call, { dtmf: { '1': PROMPT_IDS.holdPlease } });
    advance(100);
    const { playback } = await callOf(running.url, alice, call);
    expect(playback).toMatchObject({ promptId: PROMPT_IDS.recordingDisclosure, lastDigit: '' });
  });

  it('a customer hang-up ends it with hangup, the session FAILED and the call ended', async () => {
    await startPlayback(running.url, alice, call);
    advance(500);
    await running.control.hangup(call.conversationId, 'customer');
    advance(TICK_MS);
    const { session: done, call: after } = await ended();
    expect(done).toMatchObject({ state: 'FAILED', reason: 'hangup' });
    expect(after.playback).toMatchObject({
      state: 'stopped',
      reason: 'hangup',
      endedAt: iso(t0 + 500),
    });
    expect(after.customer).toMatchObject({ state: 'terminated', disconnectType: 'endpoint' });
    expect(after.leg(done.ivrParticipantId)).toMatchObject({ state: 'terminated' });
    const state = await running.control.state();
    expect(state.conversations.find((c) => c.id === call.conversationId)!.ended).toBe(true);
  });

  it('a prompt with no transcoded audio makes the flow fail with error', async () => {
    const response = await startPlayback(running.url, alice, call, {
      promptId: PROMPT_IDS.holidayHours,
    });
    expect(response.status).toBe(200);
    const { session: done, call: after } = await ended();
    expect(done).toMatchObject({ state: 'FAILED', reason: 'error' });
    expect(after.playback).toMatchObject({ state: 'failed', reason: 'error' });
    expect(after.leg(done.ivrParticipantId)).toMatchObject({ state: 'terminated' });
  });
});

describe('Play Prompt in leg-only mode', () => {
  it('sets no attributes: only the ivr leg joins and leaves; stop is still read', async () => {
    expect(await running.control.setPlaybackMode('legOnly')).toEqual({ mode: 'legOnly' });
    await startPlayback(running.url, alice, call, { dtmf: { '1': PROMPT_IDS.holdPlease } });
    const started = await session();
    expect(started.mode).toBe('legOnly');
    await running.control.dtmf(call.conversationId, '1');
    advance(500);
    const during = await callOf(running.url, alice, call);
    expect(during.leg(started.ivrParticipantId)).toMatchObject({ state: 'connected' });
    expect(during.playback).toEqual({});
    await patchAttributes(call.customerId, { 'lcp.playback.stopRequested': 'req-1' });
    advance(TICK_MS);
    const { session: done, call: after } = await ended();
    expect(done).toMatchObject({ state: 'COMPLETED', reason: 'agentStop' });
    expect(after.playback).toEqual({ stopRequested: 'req-1' });
    expect(after.leg(started.ivrParticipantId)).toMatchObject({ state: 'terminated' });
  });

  it('reset restores attributes mode', async () => {
    await running.control.setPlaybackMode('legOnly');
    await running.control.reset();
    expect((await running.control.playback()).mode).toBe('attributes');
    await expect(running.control.setPlaybackMode('loud' as 'legOnly')).rejects.toThrow(/400/);
  });
});
