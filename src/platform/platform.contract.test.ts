import { beforeEach, describe, expect, inject, it } from 'vitest';
import { control, signInOverHttp, TEST_CLIENT_ID } from '../testing/emulator-http';
import { PlatformError } from './errors';
import { createPlatform, type Platform } from './platform';

/**
 * The widget's own request paths (`createPlatform` → `callOperation` → the SDK's `callApi` →
 * fetch) against the emulator, as the browser runs them: the shapes each function returns and
 * the one error type it rejects with. The SDK's generated classes are covered separately in
 * `emulator/test/contract/`.
 */
const url = inject('emulatorUrl');

interface CreatedCall {
  conversationId: string;
  agentParticipantId?: string;
}
interface EmulatorState {
  users: { id: string; email: string }[];
  conversations: {
    id: string;
    participants: {
      id: string;
      muted: boolean;
      held: boolean;
      attributes?: Record<string, string>;
    }[];
  }[];
}

const platformFor = async (email: string): Promise<Platform> => {
  const platform = createPlatform({
    target: { kind: 'emulator', url },
    clientId: TEST_CLIENT_ID,
    redirectUri: 'http://127.0.0.1:5999/callback',
    popup: false,
  });
  platform.adoptToken(await signInOverHttp(url, email));
  return platform;
};

const state = () => control<EmulatorState>(url, 'GET', '/state');
const leg = async (cid: string, pid: string) =>
  (await state()).conversations.find((c) => c.id === cid)?.participants.find((p) => p.id === pid);

let alice: Platform;
beforeEach(async () => {
  await control(url, 'POST', '/reset');
  alice = await platformFor('alice@example.com');
});

describe('the widget platform against the emulator', () => {
  it('reads the signed-in user with their permissions', async () => {
    const me = await alice.getCurrentUser();
    const seeded = (await state()).users.find((u) => u.email === 'alice@example.com');
    expect(me.id).toBe(seeded?.id);
    expect(me.name).toBe('Alice Agent');
    expect(Array.isArray(me.permissions)).toBe(true);
  });

  it("lists the user's calls and reads one as our own Call type", async () => {
    const created = await control<CreatedCall>(url, 'POST', '/calls', {
      agentEmail: 'alice@example.com',
    });
    const calls = await alice.listCalls();
    expect(calls.map((c) => c.id)).toContain(created.conversationId);
    const call = await alice.getCall(created.conversationId);
    const mine = call.participants.find((p) => p.id === created.agentParticipantId);
    expect(mine).toMatchObject({ purpose: 'agent', state: 'connected', muted: false });
    expect(mine?.name).toBeUndefined();
    expect(call.participants.some((p) => p.purpose === 'customer')).toBe(true);
  });

  it('sends exactly the mute and hold targets it is given (202, applied by the emulator)', async () => {
    const { conversationId: cid, agentParticipantId: pid } = await control<CreatedCall>(
      url,
      'POST',
      '/calls',
      { agentEmail: 'alice@example.com' },
    );
    await alice.changeParticipant(cid, pid!, { muted: true });
    expect(await leg(cid, pid!)).toMatchObject({ muted: true, held: false });
    await alice.changeParticipant(cid, pid!, { held: true });
    expect(await leg(cid, pid!)).toMatchObject({ muted: true, held: true });
  });

  it('merges attribute writes into the customer leg', async () => {
    const created = await control<
      CreatedCall & { participants: { id: string; purpose: string }[] }
    >(url, 'POST', '/calls', { agentEmail: 'alice@example.com', attributes: { keep: 'me' } });
    const customer = created.participants.find((p) => p.purpose === 'customer')!;
    await alice.patchAttributes(created.conversationId, customer.id, { tier: 'gold' });
    expect((await leg(created.conversationId, customer.id))?.attributes).toMatchObject({
      keep: 'me',
      tier: 'gold',
    });
  });

  it('rejects with one PlatformError whose kind and code come from the error body', async () => {
    const missing = await alice.getCall('00000000-0000-4000-8000-000000000000').catch((e) => e);
    expect(missing).toBeInstanceOf(PlatformError);
    expect(missing).toMatchObject({ kind: 'notFound', status: 404 });
    expect((missing as PlatformError).correlationId).toBeTruthy();
  });

  // Headers hidden by CORS are a browser matter (Node's fetch sees every header): that case is
  // e2e/real-shapes.spec.ts 10.
  it('reads the wait of a 429 and sends nothing else', async () => {
    const seconds = 7;
    const { conversationId: cid, agentParticipantId: pid } = await control<CreatedCall>(
      url,
      'POST',
      '/calls',
      { agentEmail: 'alice@example.com' },
    );
    await control(url, 'POST', '/faults', {
      failNext: {
        method: 'PATCH',
        path: `/api/v2/conversations/calls/${cid}/participants/${pid}`,
        status: 429,
        retryAfterSeconds: seconds,
      },
    });
    const limited = await alice.changeParticipant(cid, pid!, { muted: true }).catch((e) => e);
    expect(limited).toMatchObject({ kind: 'rateLimited', retryAfterMs: seconds * 1000 });
    expect(await leg(cid, pid!)).toMatchObject({ muted: false });
  });

  it('creates a channel and replaces its subscriptions', async () => {
    const me = await alice.getCurrentUser();
    const channel = await alice.createChannel();
    expect(channel.connectUri).toMatch(/^ws/);
    const topic = `v2.users.${me.id}.conversations.calls`;
    const result = await alice.replaceSubscriptions(channel.id, [topic]);
    expect(JSON.stringify(result)).toContain(topic);
    await alice.deleteSubscriptions(channel.id);
  });

  it('looks names up by id: users in a batch, the user’s own queues', async () => {
    const users = (await state()).users;
    const ids = users.slice(0, 3).map((u) => u.id);
    const found = await alice.getUsers(ids);
    expect(found.map((u) => u.id).sort()).toEqual([...ids].sort());
    expect((await alice.getMyQueues()).map((q) => q.name)).toContain('Support');
  });

  it("answers the supervisor's queue list and activity query, and refuses an agent", async () => {
    const sam = await platformFor('sam@example.com');
    const supervision = await sam.supervision();
    const queues = await supervision.listQueues();
    const support = queues.find((q) => q.name === 'Support')!;
    const { conversationId } = await control<CreatedCall>(url, 'POST', '/calls', {
      agentEmail: 'alice@example.com',
      queue: 'Support',
    });
    const snapshot = await supervision.queryConversationActivity([support.id]);
    expect(JSON.stringify(snapshot)).toContain(conversationId);
    const refused = await (
      await alice.supervision()
    )
      .queryConversationActivity([support.id])
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'forbidden' });
  });

  it('lists prompts with their media for the playback panel', async () => {
    const playback = await alice.playback();
    const page = await playback.listPrompts({ pageNumber: 1, pageSize: 25 });
    expect(page.prompts.length).toBeGreaterThan(0);
    expect(page.prompts.some((p) => p.resources.some((r) => r.mediaUri))).toBe(true);
  });
});
