import { describe, expect, it } from 'vitest';
import { SEED_USERS } from '../seed-ids.js';
import { ACW_TIMEOUT_MS } from '../src/model/wrapup.js';
import { ALICE, api, BOB, signIn } from './harness.js';
import {
  callsSocket,
  shapesEmulator,
  legIn,
  listedCalls,
  restLegs,
} from './call-shapes-helpers.js';

const ALICE_ID = SEED_USERS.alice.id;
const shapes = shapesEmulator();

const participantPath = (cid: string, pid: string) =>
  `/conversations/calls/${cid}/participants/${pid}`;

describe('after-call work (opt-in per call)', () => {
  it('the ended agent leg is in ACW and the call stays listed until wrap-up is applied', async () => {
    const { socket, snapshot } = await callsSocket(shapes.running.url, shapes.alice, ALICE_ID);
    const call = await shapes.running.control.createCall({ agentEmail: ALICE, wrapup: 'required' });
    const cid = call.conversationId;
    const agentId = call.agentParticipantId!;
    await shapes.running.control.hangup(cid, 'customer');
    const ended = await snapshot(cid, (legs) => legIn(legs, agentId)?.state === 'disconnected');
    const leg = legIn(ended.participants, agentId)!;
    expect(leg).toMatchObject({
      disconnectType: 'peer',
      wrapupRequired: true,
      wrapupPrompt: 'mandatory',
      wrapupTimeoutMs: ACW_TIMEOUT_MS,
      startAcwTime: leg.endTime,
    });
    expect(leg).not.toHaveProperty('endAcwTime');
    expect(await listedCalls(shapes.running.url, shapes.alice)).toEqual([cid]);

    // A mandatory prompt needs a code.
    const noCode = await api(
      shapes.running.url,
      shapes.alice,
      'PATCH',
      participantPath(cid, agentId),
      {
        wrapup: { notes: 'x' },
      },
    );
    expect(noCode.status).toBe(400);
    expect(noCode.body?.code).toBe('conversation.error.wrapup.code.required');
    // The clock shapes.running on does not end a mandatory wrap-up.
    shapes.clock.advance(ACW_TIMEOUT_MS * 2);
    expect(await listedCalls(shapes.running.url, shapes.alice)).toEqual([cid]);

    const applied = await api(
      shapes.running.url,
      shapes.alice,
      'PATCH',
      participantPath(cid, agentId),
      {
        wrapup: { code: 'c0de', notes: 'resolved' },
      },
    );
    expect(applied.status).toBe(202);
    const done = await snapshot(cid, (legs) => legIn(legs, agentId)?.endAcwTime !== undefined);
    expect(legIn(done.participants, agentId)).toMatchObject({
      wrapup: { code: 'c0de', notes: 'resolved', endTime: expect.any(String) },
    });
    expect(await listedCalls(shapes.running.url, shapes.alice)).toEqual([]);
    socket.close();
  });

  it('the wrap-up POST on the communication ends ACW; an optional prompt times out on the clock', async () => {
    const first = await shapes.running.control.createCall({
      agentEmail: ALICE,
      wrapup: 'required',
    });
    await shapes.running.control.hangup(first.conversationId, 'agent');
    const leg = legIn(
      await restLegs(shapes.running.url, shapes.alice, first.conversationId),
      first.agentParticipantId!,
    )!;
    const state = await shapes.running.control.state();
    expect(
      state.conversations
        .find((c) => c.id === first.conversationId)
        ?.participants.find((p) => p.id === leg.id),
    ).toMatchObject({ disconnectType: 'client', wrapupRequired: true });
    const wrongComm = await api(
      shapes.running.url,
      shapes.alice,
      'POST',
      `${participantPath(first.conversationId, leg.id)}/communications/nope/wrapup`,
      { code: 'x' },
    );
    expect(wrongComm.status).toBe(404);
    // The communication id is the leg's call id, as on the generic conversations topic.
    const conv = await api(
      shapes.running.url,
      shapes.alice,
      'GET',
      `/conversations/${first.conversationId}`,
    );
    const generic = (conv.body?.participants as { id: string; calls: { id: string }[] }[]).find(
      (p) => p.id === leg.id,
    )!;
    const post = await api(
      shapes.running.url,
      shapes.alice,
      'POST',
      `${participantPath(first.conversationId, leg.id)}/communications/${generic.calls[0]!.id}/wrapup`,
      { code: 'done' },
    );
    expect(post.status).toBe(202);
    expect(await listedCalls(shapes.running.url, shapes.alice)).toEqual([]);

    const second = await shapes.running.control.createCall({
      agentEmail: ALICE,
      wrapup: 'optional',
    });
    await shapes.running.control.hangup(second.conversationId, 'customer');
    expect(await listedCalls(shapes.running.url, shapes.alice)).toEqual([second.conversationId]);
    shapes.clock.advance(ACW_TIMEOUT_MS);
    expect(await listedCalls(shapes.running.url, shapes.alice)).toEqual([]);
    const timedOut = legIn(
      await restLegs(shapes.running.url, shapes.alice, second.conversationId),
      second.agentParticipantId!,
    )!;
    expect(timedOut.endAcwTime).toEqual(expect.any(String));
    expect(timedOut).not.toHaveProperty('wrapup');
  });

  it('by default an ended call has no ACW and leaves the list at once', async () => {
    const call = await shapes.running.control.createCall({ agentEmail: ALICE });
    await shapes.running.control.hangup(call.conversationId, 'customer');
    const leg = legIn(
      await restLegs(shapes.running.url, shapes.alice, call.conversationId),
      call.agentParticipantId!,
    )!;
    expect(leg).not.toHaveProperty('startAcwTime');
    expect(await listedCalls(shapes.running.url, shapes.alice)).toEqual([]);
  });

  it('attribute writes from anyone who was on the call are accepted after the call ended', async () => {
    const call = await shapes.running.control.createCall({ agentEmail: ALICE });
    const customer = call.participants.find((p) => p.purpose === 'customer')!.id;
    await shapes.running.control.hangup(call.conversationId, 'customer');
    const path = `${participantPath(call.conversationId, customer)}/attributes`;
    const response = await api(shapes.running.url, shapes.alice, 'PATCH', path, {
      attributes: { outcome: 'sale' },
    });
    expect(response.status).toBe(202);
    expect(
      (await shapes.running.control.participant(call.conversationId, 'customer')).attributes,
    ).toMatchObject({ outcome: 'sale' });
    const bob = await signIn(shapes.running.url, BOB);
    expect(
      (await api(shapes.running.url, bob, 'PATCH', path, { attributes: { a: 'b' } })).status,
    ).toBe(403);
  });
});

describe('recording state and secure pause', () => {
  it('PATCH /conversations/calls/{cid} {recordingState} pauses (securePause) and resumes; REST and socket agree', async () => {
    const { socket, snapshot } = await callsSocket(shapes.running.url, shapes.alice, ALICE_ID);
    const call = await shapes.running.control.createCall({ agentEmail: ALICE, recording: true });
    const cid = call.conversationId;
    await snapshot(cid, (legs) => legIn(legs, call.agentParticipantId!)?.state === 'connected');
    const paused = await api(
      shapes.running.url,
      shapes.alice,
      'PATCH',
      `/conversations/calls/${cid}`,
      {
        recordingState: 'PAUSED',
      },
    );
    expect(paused.status).toBe(202);
    const frame = await snapshot(cid, (legs) => legs.some((l) => l.securePause === true));
    expect(frame).toMatchObject({ recordingState: 'paused', securePause: true });
    expect(legIn(frame.participants, call.agentParticipantId!)).toMatchObject({
      recordingState: 'paused',
      securePause: true,
    });
    const rest = await api(shapes.running.url, shapes.alice, 'GET', `/conversations/calls/${cid}`);
    expect(rest.body).toMatchObject({ recordingState: 'paused', securePause: true });

    const resumed = await api(
      shapes.running.url,
      shapes.alice,
      'PUT',
      `/conversations/calls/${cid}/recordingstate`,
      { recordingState: 'active' },
    );
    expect(resumed.status).toBe(202);
    expect(resumed.body).toBe('active' as unknown as Record<string, unknown>);
    const back = await snapshot(
      cid,
      (legs) => legIn(legs, call.agentParticipantId!)?.recordingState === 'active',
    );
    expect(back).toMatchObject({ recordingState: 'active', securePause: false });
    socket.close();
  });

  it('needs conversation:recording:pauseOthers, and a recording to pause', async () => {
    const bobCall = await shapes.running.control.createCall({ agentEmail: BOB, recording: true });
    const bob = await signIn(shapes.running.url, BOB);
    const refused = await api(
      shapes.running.url,
      bob,
      'PUT',
      `/conversations/calls/${bobCall.conversationId}/recordingstate`,
      { recordingState: 'paused' },
    );
    expect(refused.status).toBe(403);
    expect(refused.body?.code).toBe('missing.any.permissions');
    const plain = await shapes.running.control.createCall({ agentEmail: ALICE });
    const nothing = await api(
      shapes.running.url,
      shapes.alice,
      'PATCH',
      `/conversations/calls/${plain.conversationId}`,
      { recordingState: 'paused' },
    );
    expect(nothing.status).toBe(400);
  });

  it('control plane: another client pauses the recording', async () => {
    const call = await shapes.running.control.createCall({ agentEmail: ALICE, recording: true });
    expect(await shapes.running.control.setRecording(call.conversationId, 'paused')).toEqual({
      recordingState: 'paused',
      securePause: true,
    });
    const state = await shapes.running.control.state();
    expect(state.conversations.find((c) => c.id === call.conversationId)).toMatchObject({
      recordingState: 'paused',
      securePause: true,
    });
  });
});
