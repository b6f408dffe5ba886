import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALICE, api, RecordingSocket, onTopic, SAM, signIn, startEmulator } from './harness.js';
import { SEED_USERS } from '../seed-ids.js';
import { createClock } from '../src/clock.js';
import { DEFAULT_PHONE } from '../src/model/supervisor-phones.js';

const SAM_ID = SEED_USERS.sam.id;
const SAM_TOPIC = `v2.users.${SAM_ID}.conversations.calls`;

let running: Awaited<ReturnType<typeof startEmulator>>;
let sam: string;
const clock = createClock({ startMs: Date.parse('2026-11-21T09:00:00Z') });

beforeAll(async () => {
  running = await startEmulator({ clock });
});
afterAll(() => running.stop());
beforeEach(async () => {
  await running.control.reset();
  sam = await signIn(running.url, SAM);
});

type Participant = Record<string, unknown> & { id: string; purpose: string; state: string };
type Frame = Record<string, unknown>;

async function aliceCall() {
  const call = await running.control.createCall({ agentEmail: ALICE, queue: 'Support' });
  return { conversationId: call.conversationId, agentId: call.agentParticipantId! };
}

const supervise = (cid: string, pid: string, mode: string) =>
  api(running.url, sam, 'POST', `/conversations/calls/${cid}/participants/${pid}/${mode}`);

/** Sam's leg as REST shows it (`GET /conversations/calls/{cid}`, Sam being on the call). */
async function samLegOverRest(conversationId: string): Promise<Participant | undefined> {
  const response = await api(running.url, sam, 'GET', `/conversations/calls/${conversationId}`);
  const participants = (response.body?.participants ?? []) as Participant[];
  return participants.find((p) => (p.user as { id?: string } | undefined)?.id === SAM_ID);
}

async function samSocket() {
  const channel = await api(running.url, sam, 'POST', '/notifications/channels');
  const { id, connectUri } = channel.body as { id: string; connectUri: string };
  await api(running.url, sam, 'PUT', `/notifications/channels/${id}/subscriptions`, [
    { id: SAM_TOPIC },
  ]);
  return RecordingSocket.open(connectUri);
}

const samLegIn = (f: Frame, state: string) =>
  onTopic(SAM_TOPIC)(f) &&
  (f.eventBody as { participants: Participant[] }).participants.some(
    (p) => (p.user as { id?: string } | undefined)?.id === SAM_ID && p.state === state,
  );
const samLegOf = (f: Frame) =>
  (f.eventBody as { participants: Participant[] }).participants.find(
    (p) => (p.user as { id?: string } | undefined)?.id === SAM_ID,
  )!;

describe('supervisor legs ring the supervisor’s phone', () => {
  it('monitor rings (alerting) until the phone is answered, then connected; REST and socket agree', async () => {
    await running.control.phone(SAM, { answer: 'manual' });
    const socket = await samSocket();
    const { conversationId, agentId } = await aliceCall();
    expect((await supervise(conversationId, agentId, 'monitor')).status).toBe(201);

    const ringing = samLegOf(await socket.next((f) => samLegIn(f, 'alerting')));
    expect(ringing).toMatchObject({
      purpose: 'user',
      direction: 'outbound',
      monitoredParticipantId: agentId,
      alertingTimeoutMs: DEFAULT_PHONE.alertTimeoutMs,
    });
    expect(ringing).not.toHaveProperty('connectedTime');
    expect(await samLegOverRest(conversationId)).toMatchObject({ state: 'alerting' });
    // A manual phone does not answer by itself, however long the clock runs short of the timeout.
    clock.advance(DEFAULT_PHONE.alertTimeoutMs - 1);
    expect((await samLegOverRest(conversationId))?.state).toBe('alerting');

    const { answered } = await running.control.answerPhone(SAM, conversationId);
    expect(answered).toEqual([ringing.id]);
    const connected = samLegOf(await socket.next((f) => samLegIn(f, 'connected')));
    expect(connected).toMatchObject({ id: ringing.id, monitoredParticipantId: agentId });
    expect(connected.connectedTime).toEqual(expect.any(String));
    expect(await samLegOverRest(conversationId)).toMatchObject({ state: 'connected' });
    socket.close();
  });

  it('by default the phone answers by itself a moment later on the emulator’s clock', async () => {
    const { conversationId, agentId } = await aliceCall();
    await supervise(conversationId, agentId, 'coach');
    expect((await running.control.clock()).pending.map((w) => w.label)).toContain(
      'supervisor phone answers',
    );
    expect((await samLegOverRest(conversationId))?.state).toBe('alerting');
    clock.advance(DEFAULT_PHONE.autoAnswerMs);
    expect(await samLegOverRest(conversationId)).toMatchObject({
      state: 'connected',
      coachedParticipantId: agentId,
    });
  });

  it('an unanswered leg ends as a missed alert: system on timeout, client when declined', async () => {
    await running.control.phone(SAM, { answer: 'manual', alertTimeoutMs: 5_000 });
    const socket = await samSocket();
    const first = await aliceCall();
    await supervise(first.conversationId, first.agentId, 'barge');
    clock.advance(5_000);
    const timedOut = samLegOf(await socket.next((f) => samLegIn(f, 'disconnected')));
    expect(timedOut).toMatchObject({
      disconnectType: 'system',
      bargedParticipantId: first.agentId,
    });
    expect(await samLegOverRest(first.conversationId)).toMatchObject({
      state: 'terminated',
      disconnectType: 'system',
    });
    expect((await running.control.state()).conversations[0]?.ended).toBe(false);

    await running.control.hangup(first.conversationId);
    const second = await aliceCall();
    await supervise(second.conversationId, second.agentId, 'monitor');
    await running.control.leavePhoneUnanswered(SAM, { reason: 'declined' });
    expect(await samLegOverRest(second.conversationId)).toMatchObject({
      state: 'terminated',
      disconnectType: 'client',
    });
    socket.close();
  });

  it('a supervisor without a station gets 400 conversation.error.no.user.station; nothing joins', async () => {
    expect(await running.control.phone(SAM, { station: false })).toMatchObject({ station: false });
    const socket = await samSocket();
    const { conversationId, agentId } = await aliceCall();
    for (const mode of ['monitor', 'coach', 'barge']) {
      const response = await supervise(conversationId, agentId, mode);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'conversation.error.no.user.station' });
    }
    const call = (await running.control.state()).conversations[0]!;
    expect(call.participants.some((p) => p.user?.id === SAM_ID)).toBe(false);
    expect(socket.frames.filter(onTopic(SAM_TOPIC))).toEqual([]);
    await expect(running.control.answerPhone(SAM)).rejects.toThrow(/404/);
    socket.close();
  });

  it('a call that ends while the phone rings takes the leg with it; the phone answers nothing', async () => {
    const { conversationId, agentId } = await aliceCall();
    await supervise(conversationId, agentId, 'monitor');
    await running.control.hangup(conversationId);
    clock.advance(DEFAULT_PHONE.autoAnswerMs);
    const call = (await running.control.state()).conversations[0]!;
    expect(call.participants.find((p) => p.user?.id === SAM_ID)).toMatchObject({
      state: 'terminated',
      disconnectType: 'peer',
    });
  });
});
