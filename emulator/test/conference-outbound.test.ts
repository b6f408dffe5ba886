import { describe, expect, it } from 'vitest';
import { SEED_USERS } from '../seed-ids.js';
import { ALICE, api, BOB, signIn } from './harness.js';
import {
  callsSocket,
  shapesEmulator,
  legIn,
  listedCalls,
  restLegs,
} from './call-shapes-helpers.js';

const ALICE_ID = SEED_USERS.alice.id;
const BOB_ID = SEED_USERS.bob.id;
const shapes = shapesEmulator();

const participantPath = (cid: string, pid: string) =>
  `/conversations/calls/${cid}/participants/${pid}`;

describe('conference', () => {
  it('POST /conversations/calls/{cid}/participants adds a number and a second agent; each party can be muted, not held (an ACD call); a party leaves; the call goes on after the agent leaves', async () => {
    const { socket, snapshot } = await callsSocket(shapes.running.url, shapes.alice, ALICE_ID);
    const call = await shapes.running.control.createCall({ agentEmail: ALICE, queue: 'Support' });
    const cid = call.conversationId;
    const agentId = call.agentParticipantId!;
    const added = await api(
      shapes.running.url,
      shapes.alice,
      'POST',
      `/conversations/calls/${cid}/participants`,
      {
        participants: [{ address: '+15550001111' }, { userId: BOB_ID }],
      },
    );
    expect(added.status).toBe(202);
    const ringing = await snapshot(cid, (legs) => legs.some((l) => l.purpose === 'external'));
    const external = ringing.participants.find((l) => l.purpose === 'external')!;
    const bobLeg = ringing.participants.find((l) => (l.user as { id?: string })?.id === BOB_ID)!;
    expect(external).toMatchObject({ state: 'contacting', address: 'tel:+15550001111' });
    expect(bobLeg).toMatchObject({ purpose: 'user', state: 'alerting' });

    await shapes.running.control.ring(cid, external.id, 'answer');
    await shapes.running.control.ring(cid, bobLeg.id, 'answer');
    const four = await snapshot(
      cid,
      (legs) => legs.filter((l) => l.state === 'connected' && l.purpose !== 'acd').length === 4,
    );
    expect(four.participants.filter((l) => l.state === 'connected').map((l) => l.purpose)).toEqual(
      expect.arrayContaining(['customer', 'agent', 'external', 'user']),
    );

    // Alice mutes the external party and Bob through the participant PATCH; on this ACD call she
    // may not hold them (FIDELITY.md K3), though she may hold her own leg.
    for (const leg of [external.id, bobLeg.id]) {
      expect(
        (
          await api(shapes.running.url, shapes.alice, 'PATCH', participantPath(cid, leg), {
            muted: true,
          })
        ).status,
      ).toBe(202);
    }
    const refused = await api(
      shapes.running.url,
      shapes.alice,
      'PATCH',
      participantPath(cid, external.id),
      { held: true },
    );
    expect(refused).toMatchObject({ status: 400, body: { code: 'bad.request' } });
    expect(
      (
        await api(shapes.running.url, shapes.alice, 'PATCH', participantPath(cid, agentId), {
          held: true,
        })
      ).status,
    ).toBe(202);
    const changed = await snapshot(cid, (legs) => legIn(legs, agentId)?.held === true);
    expect(legIn(changed.participants, bobLeg.id)).toMatchObject({ muted: true, held: false });
    expect(legIn(changed.participants, external.id)).toMatchObject({ muted: true, held: false });

    // The external party hangs up: the call goes on.
    await shapes.running.control.leave(cid, external.id);
    const left = await snapshot(cid, (legs) => legIn(legs, external.id)?.state === 'disconnected');
    expect(legIn(left.participants, external.id)).toMatchObject({ disconnectType: 'endpoint' });
    expect(legIn(left.participants, agentId)).toMatchObject({ state: 'connected' });

    // Alice leaves: customer and Bob go on; the call leaves Alice's list, not Bob's.
    const leave = await api(
      shapes.running.url,
      shapes.alice,
      'PATCH',
      participantPath(cid, agentId),
      {
        state: 'disconnected',
      },
    );
    expect(leave.status).toBe(202);
    const gone = await snapshot(cid, (legs) => legIn(legs, agentId)?.state === 'disconnected');
    expect(legIn(gone.participants, agentId)).toMatchObject({ disconnectType: 'client' });
    expect(gone.participants.find((l) => l.purpose === 'customer')).toMatchObject({
      state: 'connected',
    });
    expect(legIn(gone.participants, bobLeg.id)).toMatchObject({ state: 'connected' });
    expect(await listedCalls(shapes.running.url, shapes.alice)).toEqual([]);
    const bob = await signIn(shapes.running.url, BOB);
    expect(await listedCalls(shapes.running.url, bob)).toEqual([cid]);
    // With one party left the call ends.
    await shapes.running.control.leave(cid, bobLeg.id);
    expect(
      (await shapes.running.control.state()).conversations.find((c) => c.id === cid)?.ended,
    ).toBe(true);
    socket.close();
  });

  it('a two-party call still ends for everyone when the agent hangs up', async () => {
    const call = await shapes.running.control.createCall({ agentEmail: ALICE });
    await api(
      shapes.running.url,
      shapes.alice,
      'PATCH',
      participantPath(call.conversationId, call.agentParticipantId!),
      {
        state: 'disconnected',
      },
    );
    const customer = (await restLegs(shapes.running.url, shapes.alice, call.conversationId)).find(
      (l) => l.purpose === 'customer',
    );
    expect(customer).toMatchObject({ state: 'terminated', disconnectType: 'peer' });
  });

  it('a conference on a call the agent placed (no queue): another party can be held and resumed', async () => {
    const { socket, snapshot } = await callsSocket(shapes.running.url, shapes.alice, ALICE_ID);
    const call = await shapes.running.control.placeCall({
      agentEmail: ALICE,
      phoneNumber: '+15550001111',
    });
    const cid = call.conversationId;
    await shapes.running.control.ring(cid, call.remoteParticipantId, 'answer');
    const { participantIds } = await shapes.running.control.addParties(cid, [
      { address: '+15550002222' },
    ]);
    await shapes.running.control.ring(cid, participantIds[0]!, 'answer');
    const path = participantPath(cid, call.remoteParticipantId);
    expect(
      (await api(shapes.running.url, shapes.alice, 'PATCH', path, { held: true })).status,
    ).toBe(202);
    await snapshot(cid, (legs) => legIn(legs, call.remoteParticipantId)?.held === true);
    expect(
      (await api(shapes.running.url, shapes.alice, 'PATCH', path, { held: false })).status,
    ).toBe(202);
    await snapshot(cid, (legs) => legIn(legs, call.remoteParticipantId)?.held === false);
    socket.close();
  });

  it('control plane: another client adds parties', async () => {
    const call = await shapes.running.control.createCall({ agentEmail: ALICE });
    const { participantIds } = await shapes.running.control.addParties(call.conversationId, [
      { userEmail: BOB },
    ]);
    expect(
      legIn(
        await restLegs(shapes.running.url, shapes.alice, call.conversationId),
        participantIds[0]!,
      ),
    ).toMatchObject({
      state: 'alerting',
      user: { id: BOB_ID },
    });
  });
});

describe('outbound call placed by the agent', () => {
  it('POST /conversations/calls: agent leg first, the dialled number contacting, then connected', async () => {
    const { socket, snapshot } = await callsSocket(shapes.running.url, shapes.alice, ALICE_ID);
    const created = await api(shapes.running.url, shapes.alice, 'POST', '/conversations/calls', {
      phoneNumber: '+15550100200',
    });
    expect(created.status).toBe(200);
    const cid = (created.body as { id: string }).id;
    expect(created.body).toEqual({ id: cid, selfUri: `/api/v2/conversations/calls/${cid}` });
    const first = await snapshot(cid, () => true);
    const [agent, remote] = first.participants;
    expect(agent).toMatchObject({
      purpose: 'user',
      direction: 'outbound',
      state: 'connected',
      user: { id: ALICE_ID },
    });
    expect(agent).not.toHaveProperty('queue');
    expect(remote).toMatchObject({
      purpose: 'external',
      direction: 'outbound',
      state: 'contacting',
      address: 'tel:+15550100200',
      name: '+15550100200',
    });
    expect(await listedCalls(shapes.running.url, shapes.alice)).toEqual([cid]);
    await shapes.running.control.ring(cid, remote!.id, 'answer');
    const answered = await snapshot(cid, (legs) => legIn(legs, remote!.id)?.state === 'connected');
    expect(legIn(answered.participants, remote!.id)?.connectedTime).toEqual(expect.any(String));
    socket.close();
  });

  it('never answered: the remote leg ends system with errorInfo, the agent leg peer, the call ends', async () => {
    const call = await shapes.running.control.placeCall({
      agentEmail: ALICE,
      phoneNumber: '+15550001111',
    });
    await shapes.running.control.ring(call.conversationId, call.remoteParticipantId, 'noAnswer');
    const legs = await restLegs(shapes.running.url, shapes.alice, call.conversationId);
    expect(legIn(legs, call.remoteParticipantId)).toMatchObject({
      state: 'terminated',
      disconnectType: 'system',
      errorInfo: { code: expect.any(String), message: expect.any(String) },
    });
    expect(legIn(legs, call.agentParticipantId)).toMatchObject({
      state: 'terminated',
      disconnectType: 'peer',
    });
    expect(await listedCalls(shapes.running.url, shapes.alice)).toEqual([]);
  });

  it('refuses a request without a number and fields the emulator does not implement', async () => {
    expect(
      (await api(shapes.running.url, shapes.alice, 'POST', '/conversations/calls', {})).status,
    ).toBe(400);
    const unsupported = await api(
      shapes.running.url,
      shapes.alice,
      'POST',
      '/conversations/calls',
      {
        callUserId: BOB_ID,
      },
    );
    expect(unsupported.status).toBe(501);
  });
});
