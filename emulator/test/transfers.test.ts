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

async function aliceCall() {
  const call = await shapes.running.control.createCall({ agentEmail: ALICE, queue: 'Support' });
  const customer = call.participants.find((p) => p.purpose === 'customer')!.id;
  return { cid: call.conversationId, agentId: call.agentParticipantId!, customer };
}
const consultPath = (cid: string, pid: string, tail = 'consult') =>
  `/conversations/calls/${cid}/participants/${pid}/${tail}`;

describe('consult transfer (REST)', () => {
  it('POST …/consult adds a ringing destination, holds and confines the customer; completing ends the agent leg transfer', async () => {
    const { socket, snapshot } = await callsSocket(shapes.running.url, shapes.alice, ALICE_ID);
    const { cid, agentId, customer } = await aliceCall();
    const started = await api(
      shapes.running.url,
      shapes.alice,
      'POST',
      consultPath(cid, customer),
      {
        speakTo: 'DESTINATION',
        destination: { userId: BOB_ID },
      },
    );
    expect(started.status).toBe(200);
    const destId = (started.body as { destinationParticipantId: string }).destinationParticipantId;
    const during = await snapshot(cid, (legs) => legs.some((l) => l.id === destId));
    expect(legIn(during.participants, destId)).toMatchObject({
      purpose: 'user',
      state: 'alerting',
      user: { id: BOB_ID },
    });
    expect(legIn(during.participants, customer)).toMatchObject({
      consultParticipantId: destId,
      held: true,
      confined: true,
    });
    // Bob, the destination, sees the call on his own topic too.
    const bob = await signIn(shapes.running.url, BOB);
    expect(await listedCalls(shapes.running.url, bob)).toEqual([cid]);

    await shapes.running.control.ring(cid, destId, 'answer');
    const both = await api(shapes.running.url, shapes.alice, 'PATCH', consultPath(cid, customer), {
      speakTo: 'BOTH',
    });
    expect(both.status).toBe(200);
    expect(legIn(await restLegs(shapes.running.url, shapes.alice, cid), customer)).toMatchObject({
      held: false,
      confined: false,
    });

    // The consulting agent hangs up: the transfer completes.
    const hangUp = await api(
      shapes.running.url,
      shapes.alice,
      'PATCH',
      `/conversations/calls/${cid}/participants/${agentId}`,
      {
        state: 'disconnected',
      },
    );
    expect(hangUp.status).toBe(202);
    const after = await snapshot(cid, (legs) => legIn(legs, agentId)?.state === 'disconnected');
    expect(legIn(after.participants, agentId)).toMatchObject({ disconnectType: 'transfer' });
    expect(legIn(after.participants, customer)).toMatchObject({ state: 'connected', held: false });
    expect(legIn(after.participants, destId)).toMatchObject({ state: 'connected' });
    expect(await listedCalls(shapes.running.url, shapes.alice)).toEqual([]);
    expect(await listedCalls(shapes.running.url, bob)).toEqual([cid]);
    socket.close();
  });

  it('DELETE …/consult cancels: the destination ends and the customer returns', async () => {
    const { cid, agentId, customer } = await aliceCall();
    const started = await api(
      shapes.running.url,
      shapes.alice,
      'POST',
      consultPath(cid, customer, 'consult/external'),
      {
        speakTo: 'DESTINATION',
        address: '+15550001111',
      },
    );
    expect(started.status).toBe(200);
    const destId = (started.body as { destinationParticipantId: string }).destinationParticipantId;
    expect(legIn(await restLegs(shapes.running.url, shapes.alice, cid), destId)).toMatchObject({
      purpose: 'external',
      state: 'contacting',
      address: 'tel:+15550001111',
    });
    const cancelled = await api(
      shapes.running.url,
      shapes.alice,
      'DELETE',
      consultPath(cid, customer),
    );
    expect(cancelled.status).toBe(204);
    const legs = await restLegs(shapes.running.url, shapes.alice, cid);
    expect(legIn(legs, destId)).toMatchObject({ state: 'terminated', disconnectType: 'client' });
    expect(legIn(legs, customer)).toMatchObject({
      state: 'connected',
      held: false,
      confined: false,
    });
    expect(legIn(legs, agentId)).toMatchObject({ state: 'connected' });
    expect(await listedCalls(shapes.running.url, shapes.alice)).toEqual([cid]);
    // No consult in progress any more.
    const again = await api(shapes.running.url, shapes.alice, 'DELETE', consultPath(cid, customer));
    expect(again.status).toBe(400);
  });

  it('refuses a consult from someone not on the call and a second consult at once', async () => {
    const { cid, customer } = await aliceCall();
    const bob = await signIn(shapes.running.url, BOB);
    const body = { speakTo: 'DESTINATION', destination: { address: '+15550001111' } };
    const notOn = await api(shapes.running.url, bob, 'POST', consultPath(cid, customer), body);
    expect(notOn.status).toBe(403);
    expect(notOn.body?.code).toBe('conversation.error.forbidden.not.active.participant');
    expect(
      (await api(shapes.running.url, shapes.alice, 'POST', consultPath(cid, customer), body))
        .status,
    ).toBe(200);
    expect(
      (await api(shapes.running.url, shapes.alice, 'POST', consultPath(cid, customer), body))
        .status,
    ).toBe(400);
  });

  it('control plane: another client consults a queue and completes', async () => {
    const { cid, agentId } = await aliceCall();
    const { destinationParticipantId } = await shapes.running.control.consult(cid, {
      destination: { queue: 'Sales' },
    });
    expect(await shapes.running.control.participant(cid, 'acd')).toMatchObject({
      id: destinationParticipantId,
      state: 'connected',
    });
    await shapes.running.control.consultAction(cid, 'complete');
    const agent = (await restLegs(shapes.running.url, shapes.alice, cid)).find(
      (l) => l.id === agentId,
    );
    expect(agent).toMatchObject({ state: 'terminated', disconnectType: 'transfer' });
  });
});

describe('blind transfer', () => {
  it('POST …/replace to a queue: the agent leg ends transfer, an acd leg joins, the call leaves Alice', async () => {
    const { socket, snapshot } = await callsSocket(shapes.running.url, shapes.alice, ALICE_ID);
    const { cid, agentId } = await aliceCall();
    const response = await api(
      shapes.running.url,
      shapes.alice,
      'POST',
      consultPath(cid, agentId, 'replace'),
      {
        queueId:
          SEED_USERS &&
          (await shapes.running.control.state()).queues.find((q) => q.name === 'Sales')!.id,
      },
    );
    expect(response.status).toBe(202);
    const after = await snapshot(cid, (legs) => legIn(legs, agentId)?.state === 'disconnected');
    expect(legIn(after.participants, agentId)).toMatchObject({ disconnectType: 'transfer' });
    const acd = after.participants.filter((l) => l.purpose === 'acd').at(-1);
    expect(acd).toMatchObject({ state: 'connected', name: 'Sales' });
    expect(await listedCalls(shapes.running.url, shapes.alice)).toEqual([]);
    socket.close();
  });

  it('needs conversation:communication:blindTransfer', async () => {
    const { cid, agentId } = await aliceCall();
    const user = (await shapes.running.control.state()).users.find((u) => u.id === ALICE_ID)!;
    expect(user.permissions).toContain('conversation:communication:blindTransfer');
    const bad = await api(
      shapes.running.url,
      shapes.alice,
      'POST',
      consultPath(cid, agentId, 'replace'),
      {
        userId: 'no-such-user',
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body?.code).toBe('invalid.value');
  });

  it('control plane: another client transfers the agent to Bob', async () => {
    const { cid, agentId } = await aliceCall();
    const { destinationParticipantId } = await shapes.running.control.blindTransfer(cid, agentId, {
      userEmail: BOB,
    });
    const legs = await restLegs(shapes.running.url, shapes.alice, cid);
    expect(legIn(legs, agentId)).toMatchObject({ state: 'terminated', disconnectType: 'transfer' });
    expect(legIn(legs, destinationParticipantId)).toMatchObject({
      purpose: 'user',
      state: 'alerting',
      user: { id: BOB_ID },
    });
  });
});
