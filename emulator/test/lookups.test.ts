/**
 * Name lookups by id (contract §2.11) and who may read a call by id (contract §2.1).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALICE, api, BOB, SAM, signIn, startEmulator } from './harness.js';
import { QUEUE_IDS, SEED_USERS } from '../seed-ids.js';

const ALICE_ID = SEED_USERS.alice.id;
const BOB_ID = SEED_USERS.bob.id;
const SAM_ID = SEED_USERS.sam.id;
const SUPPORT = QUEUE_IDS.support;
const SALES = QUEUE_IDS.sales;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

type Entity = { id: string; name: string; selfUri?: string; joined?: boolean };
type Listing = {
  entities: Entity[];
  pageSize: number;
  pageNumber: number;
  total: number;
  pageCount: number;
  nextUri?: string;
};

let running: Awaited<ReturnType<typeof startEmulator>>;
let alice: string;
beforeAll(async () => {
  running = await startEmulator();
});
afterAll(() => running.stop());
beforeEach(async () => {
  await running.control.reset();
  alice = await signIn(running.url, ALICE);
});

const get = async (token: string, path: string) => api(running.url, token, 'GET', path);
const listing = (response: { body: Record<string, unknown> | null }) =>
  response.body as unknown as Listing;

describe('users by id', () => {
  it('batches repeated id parameters into one UserEntityListing, unknown ids left out', async () => {
    const response = await get(alice, `/users?id=${BOB_ID}&id=${SAM_ID}&id=${UNKNOWN}&pageSize=3`);
    expect(response.status).toBe(200);
    const body = listing(response);
    expect(body.entities.map((u) => [u.id, u.name])).toEqual([
      [BOB_ID, 'Bob Agent'],
      [SAM_ID, 'Sam Supervisor'],
    ]);
    expect(body).toMatchObject({ pageSize: 3, pageNumber: 1, total: 2, pageCount: 1 });
    expect(body.entities[0]).toMatchObject({
      state: 'active',
      email: 'bob@example.com',
      selfUri: `/api/v2/users/${BOB_ID}`,
    });
  });

  it('also takes comma-separated ids, as the SDK sends them', async () => {
    const body = listing(await get(alice, `/users?id=${BOB_ID},${SAM_ID}`));
    expect(body.entities.map((u) => u.id)).toEqual([BOB_ID, SAM_ID]);
  });

  it('pages with a default pageSize of 25 and honours a smaller one', async () => {
    expect(listing(await get(alice, `/users?id=${ALICE_ID}`)).pageSize).toBe(25);
    const first = listing(await get(alice, `/users?id=${ALICE_ID}&id=${BOB_ID}&pageSize=1`));
    expect(first.entities.map((u) => u.id)).toEqual([ALICE_ID]);
    expect(first).toMatchObject({ total: 2, pageCount: 2 });
    expect(first.nextUri).toContain('pageNumber=2');
    const second = listing(
      await get(alice, `/users?id=${ALICE_ID}&id=${BOB_ID}&pageSize=1&pageNumber=2`),
    );
    expect(second.entities.map((u) => u.id)).toEqual([BOB_ID]);
  });

  it('state defaults to active; deleted finds none of the seeded users; bad values are 400', async () => {
    expect(listing(await get(alice, `/users?id=${BOB_ID}&state=any`)).total).toBe(1);
    expect(listing(await get(alice, `/users?id=${BOB_ID}&state=deleted`)).total).toBe(0);
    const bad = await get(alice, `/users?id=${BOB_ID}&state=gone`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'invalid.value', details: [{ fieldName: 'state' }] });
    const size = await get(alice, `/users?pageSize=0`);
    expect(size.body).toMatchObject({
      code: 'invalid.value',
      details: [{ fieldName: 'pageSize' }],
    });
  });

  it('GET /users/{id} answers the user, or 404 not.found', async () => {
    const bob = await get(alice, `/users/${BOB_ID}`);
    expect(bob.status).toBe(200);
    expect(bob.body).toMatchObject({ id: BOB_ID, name: 'Bob Agent', state: 'active' });
    const unknown = await get(alice, `/users/${UNKNOWN}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'not.found', status: 404 });
    expect((await get(alice, '/users/me')).body?.id).toBe(ALICE_ID);
  });
});

describe('queues by id', () => {
  it('an agent lacks routing:queue:view for a queue by id or in a batch', async () => {
    for (const path of [`/routing/queues/${SUPPORT}`, `/routing/queues?id=${SUPPORT}`]) {
      const response = await get(alice, path);
      expect(response.status).toBe(403);
      expect(response.body?.code).toBe('missing.any.permissions');
      expect(response.body?.message).toContain('routing:queue:view');
    }
  });

  it('a supervisor reads a queue by id, batches ids, and gets 404 for an unknown one', async () => {
    const sam = await signIn(running.url, SAM);
    const support = await get(sam, `/routing/queues/${SUPPORT}`);
    expect(support.status).toBe(200);
    expect(support.body).toMatchObject({
      id: SUPPORT,
      name: 'Support',
      memberCount: 2,
      selfUri: `/api/v2/routing/queues/${SUPPORT}`,
    });
    const batch = listing(await get(sam, `/routing/queues?id=${SALES}&id=${UNKNOWN}`));
    expect(batch.entities.map((q) => q.name)).toEqual(['Sales']);
    const unknown = await get(sam, `/routing/queues/${UNKNOWN}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body?.code).toBe('not.found');
  });

  it('GET /routing/queues/me lists the caller’s own queues with no permission', async () => {
    const mine = await get(alice, '/routing/queues/me');
    expect(mine.status).toBe(200);
    expect(listing(mine).entities.map((q) => [q.name, q.joined])).toEqual([
      ['Support', true],
      ['Sales', true],
    ]);
    const bob = await signIn(running.url, BOB);
    expect(listing(await get(bob, '/routing/queues/me')).entities.map((q) => q.name)).toEqual([
      'Support',
    ]);
    expect(listing(await get(alice, '/routing/queues/me?joined=false')).entities).toEqual([]);
  });
});

describe('GET /conversations/calls/{id}', () => {
  it('a call the caller never was on: 403 not.authorized; an unknown id: 404 not.found', async () => {
    const { conversationId } = await running.control.createCall({ agentEmail: ALICE });
    const bob = await signIn(running.url, BOB);
    const other = await get(bob, `/conversations/calls/${conversationId}`);
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ code: 'not.authorized', status: 403 });
    expect(other.body?.message).toMatch(/not a participant/);
    const sam = await signIn(running.url, SAM);
    expect((await get(sam, `/conversations/calls/${conversationId}`)).status).toBe(403);
    const unknown = await get(alice, `/conversations/calls/${UNKNOWN}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body?.code).toBe('not.found');
  });

  it('an ended call the user was on answers 200 with its ended legs', async () => {
    const { conversationId } = await running.control.createCall({
      agentEmail: ALICE,
      missedAlerts: 1,
    });
    await running.control.hangup(conversationId);
    const ended = await get(alice, `/conversations/calls/${conversationId}`);
    expect(ended.status).toBe(200);
    const legs = (ended.body?.participants ?? []) as { purpose: string; state: string }[];
    expect(legs.filter((p) => p.purpose === 'agent').map((p) => p.state)).toEqual([
      'terminated',
      'terminated',
    ]);
    expect(((await get(alice, '/conversations/calls')).body?.entities as unknown[]).length).toBe(0);
  });

  it('a participant who joined later (a barging supervisor) may read the call', async () => {
    const call = await running.control.createCall({ agentEmail: ALICE });
    await running.control.setParticipant(call.conversationId, call.agentParticipantId!, {
      muted: true,
      actor: SAM,
    });
    const sam = await signIn(running.url, SAM);
    expect((await get(sam, `/conversations/calls/${call.conversationId}`)).status).toBe(200);
  });
});
