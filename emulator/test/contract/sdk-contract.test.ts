/**
 * Contract tests: the official Genesys Cloud SDK (Node build) drives the emulator through the
 * SDK's own gateway setting, exactly as the widget does in a browser.
 */
import platformClient, { type Models } from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ALICE,
  SAM,
  authorize,
  CLIENT_ID,
  REDIRECT_URI,
  RecordingSocket,
  onTopic,
  startEmulator,
} from '../harness.js';
import { QUEUE_IDS, SEED_USERS } from '../../seed-ids.js';

let running: Awaited<ReturnType<typeof startEmulator>>;
const client = platformClient.ApiClient.instance;
const conversations = new platformClient.ConversationsApi();
const users = new platformClient.UsersApi();
const notifications = new platformClient.NotificationsApi();
const tokens = new platformClient.TokensApi();
const routing = new platformClient.RoutingApi();

async function sdkSignIn(email: string): Promise<string> {
  const verifier = client.generatePKCECodeVerifier(128);
  const challenge = await client.computePKCECodeChallenge(verifier);
  const { code } = await authorize(running.url, email, challenge);
  const auth = await client.authorizePKCEGrant(CLIENT_ID, verifier, code, REDIRECT_URI);
  return auth.accessToken;
}

beforeAll(async () => {
  running = await startEmulator();
  const { port } = new URL(running.url);
  client.setGateway({
    protocol: 'http',
    host: '127.0.0.1',
    port: Number(port),
    path_params_login: 'login',
  });
});
afterAll(() => running.stop());
beforeEach(async () => {
  await running.control.reset();
  await sdkSignIn(ALICE);
});

describe('PKCE through the SDK', () => {
  it('exchanges a code for a token the API accepts', async () => {
    const token = await sdkSignIn(ALICE);
    expect(token).toMatch(/^[\w-]{40,}$/);
    const info: Models.TokenInfo = await tokens.getTokensMe();
    expect(info.OAuthClient?.id).toBe(CLIENT_ID);
  });

  it('rejects a verifier that does not match the challenge', async () => {
    const challenge = await client.computePKCECodeChallenge(client.generatePKCECodeVerifier(64));
    const { code } = await authorize(running.url, ALICE, challenge);
    const other = client.generatePKCECodeVerifier(64);
    await expect(
      client.authorizePKCEGrant(CLIENT_ID, other, code, REDIRECT_URI),
    ).rejects.toMatchObject({
      response: { status: 400, data: { error: 'invalid_grant' } },
    });
  });
});

describe('users and calls through the SDK', () => {
  it('getUsersMe with expand=authorization lists permissions', async () => {
    const me: Models.UserMe = await users.getUsersMe({ expand: ['authorization'] });
    expect(me.name).toBe('Alice Agent');
    expect(me.authorization?.permissions).toContain('conversation:participant:wrapup');
    const plain: Models.UserMe = await users.getUsersMe();
    expect(plain.authorization).toBeUndefined();
  });

  it('getConversationsCalls lists the active call with its participants', async () => {
    const { conversationId } = await running.control.createCall({
      agentEmail: ALICE,
      ani: 'tel:+15550001111',
    });
    const listing: Models.CallConversationEntityListing =
      await conversations.getConversationsCalls();
    expect(listing.entities?.map((c) => c.id)).toEqual([conversationId]);
    const call = listing.entities![0]!;
    expect(call.participants?.map((p) => p.purpose)).toEqual(['customer', 'ivr', 'acd', 'agent']);
    const agent = call.participants!.find((p) => p.purpose === 'agent')!;
    expect(agent).toMatchObject({
      state: 'connected',
      muted: false,
      held: false,
      direction: 'inbound',
    });
    expect(agent.user).toEqual({
      id: SEED_USERS.alice.id,
      selfUri: '/api/v2/users/b0a1ce00-0000-4000-8000-00000000a11c',
    });
    expect(agent.name).toBeUndefined();
    const customer = call.participants!.find((p) => p.purpose === 'customer')!;
    expect(customer.ani).toBe('tel:+15550001111');
    const single: Models.CallConversation =
      await conversations.getConversationsCall(conversationId);
    expect(single.id).toBe(conversationId);
  });

  it('patchConversationsCallParticipant mutes with 202 and the change shows on GET', async () => {
    const { conversationId, participants } = await running.control.createCall({
      agentEmail: ALICE,
    });
    const agentId = participants.find((p) => p.purpose === 'agent')!.id;
    client.setReturnExtendedResponses(true);
    try {
      const response = (await conversations.patchConversationsCallParticipant(
        conversationId,
        agentId,
        {
          muted: true,
        },
      )) as unknown as { status: number };
      expect(response.status).toBe(202);
    } finally {
      client.setReturnExtendedResponses(false);
    }
    const call: Models.CallConversation = await conversations.getConversationsCall(conversationId);
    expect(call.participants?.find((p) => p.id === agentId)?.muted).toBe(true);
  });

  it('patchConversationsCallParticipantAttributes merges string attributes', async () => {
    const { conversationId, participants } = await running.control.createCall({
      agentEmail: ALICE,
      attributes: { tier: 'Gold', region: 'EU' },
    });
    const customerId = participants.find((p) => p.purpose === 'customer')!.id;
    const result: Models.ParticipantAttributes =
      await conversations.patchConversationsCallParticipantAttributes(conversationId, customerId, {
        attributes: { region: 'US', note: 'called twice' },
      });
    expect(result.attributes).toEqual({ tier: 'Gold', region: 'US', note: 'called twice' });
  });

  it('an error comes back as a Genesys ErrorBody', async () => {
    await expect(
      conversations.getConversationsCall('00000000-0000-4000-8000-000000000000'),
    ).rejects.toMatchObject({
      status: 404,
      code: 'not.found',
    });
  });
});

describe('name lookups and attributes through the SDK', () => {
  const BOB_ID = SEED_USERS.bob.id;
  const SAM_ID = SEED_USERS.sam.id;
  const SUPPORT = QUEUE_IDS.support;

  it('getUsers with an id list sends repeated ids and answers a UserEntityListing', async () => {
    const listing: Models.UserEntityListing = await users.getUsers({
      id: [BOB_ID, SAM_ID],
      pageSize: 2,
    });
    expect(listing.entities?.map((u) => u.name)).toEqual(['Bob Agent', 'Sam Supervisor']);
    expect(listing).toMatchObject({ pageSize: 2, pageNumber: 1, total: 2 });
    const bob: Models.User = await users.getUser(BOB_ID);
    expect(bob.email).toBe('bob@example.com');
  });

  it('getRoutingQueue needs routing:queue:view; getRoutingQueuesMe does not', async () => {
    await expect(routing.getRoutingQueue(SUPPORT)).rejects.toMatchObject({
      status: 403,
      code: 'missing.any.permissions',
    });
    const mine: Models.UserQueueEntityListing = await routing.getRoutingQueuesMe({ pageSize: 25 });
    expect(mine.entities?.map((q) => [q.name, q.joined])).toEqual([
      ['Support', true],
      ['Sales', true],
    ]);
    await sdkSignIn(SAM);
    const queue: Models.Queue = await routing.getRoutingQueue(SUPPORT);
    expect(queue).toMatchObject({ id: SUPPORT, name: 'Support' });
    const batch: Models.QueueEntityListing = await routing.getRoutingQueues({ id: [SUPPORT] });
    expect(batch.entities?.map((q) => q.id)).toEqual([SUPPORT]);
  });

  it('patchConversationsCallParticipantAttributes answers limits as an ErrorBody', async () => {
    const { conversationId, participants } = await running.control.createCall({
      agentEmail: ALICE,
    });
    const customerId = participants.find((p) => p.purpose === 'customer')!.id;
    const body: Models.ParticipantAttributes = { attributes: { 'bad\tkey': 'x' } };
    await expect(
      conversations.patchConversationsCallParticipantAttributes(conversationId, customerId, body),
    ).rejects.toMatchObject({ status: 400, code: 'invalid.value' });
    const merged: Models.ParticipantAttributes =
      await conversations.patchConversationsCallParticipantAttributes(conversationId, customerId, {
        attributes: { 'crm.tier': 'Gold' },
      });
    expect(merged.attributes).toEqual({ 'crm.tier': 'Gold' });
  });
});

describe('notifications through the SDK', () => {
  it('creates a channel, subscribes, and receives an event on its connectUri', async () => {
    const me: Models.UserMe = await users.getUsersMe();
    const channel: Models.Channel = await notifications.postNotificationsChannels();
    expect(channel.connectUri).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/channels\/streaming-0-/);
    expect(Date.parse(channel.expires!)).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    const topic = `v2.users.${me.id}.conversations.calls`;
    const put: Models.ChannelTopicEntityListing =
      await notifications.putNotificationsChannelSubscriptions(channel.id!, [{ id: topic }]);
    expect(put.entities?.map((t) => [t.id, t.state])).toEqual([[topic, 'Permitted']]);
    const listed: Models.ChannelTopicEntityListing =
      await notifications.getNotificationsChannelSubscriptions(channel.id!);
    expect(listed.entities?.map((t) => t.id)).toEqual([topic]);
    const socket = await RecordingSocket.open(channel.connectUri!);
    const { conversationId } = await running.control.createCall({ agentEmail: ALICE });
    const event = await socket.next(onTopic(topic));
    expect((event.eventBody as { id: string }).id).toBe(conversationId);
    socket.close();
  });

  it('POST subscriptions adds to the list; PUT replaces it', async () => {
    const me: Models.UserMe = await users.getUsersMe();
    const channel: Models.Channel = await notifications.postNotificationsChannels();
    await notifications.postNotificationsChannelSubscriptions(channel.id!, [
      { id: `v2.users.${me.id}.conversations` },
    ]);
    await notifications.postNotificationsChannelSubscriptions(channel.id!, [
      { id: `v2.users.${me.id}.conversations.calls` },
    ]);
    let listed: Models.ChannelTopicEntityListing =
      await notifications.getNotificationsChannelSubscriptions(channel.id!);
    expect(listed.entities).toHaveLength(2);
    await notifications.putNotificationsChannelSubscriptions(channel.id!, [
      { id: `v2.users.${me.id}.conversations` },
    ]);
    listed = await notifications.getNotificationsChannelSubscriptions(channel.id!);
    expect(listed.entities?.map((t) => t.id)).toEqual([`v2.users.${me.id}.conversations`]);
  });

  it('rejects another user’s topic, or marks it Rejected with ignoreErrors', async () => {
    const channel: Models.Channel = await notifications.postNotificationsChannels();
    const bobTopic = 'v2.users.b0a1ce00-0000-4000-8000-000000000b0b.conversations.calls';
    await expect(
      notifications.putNotificationsChannelSubscriptions(channel.id!, [{ id: bobTopic }]),
    ).rejects.toMatchObject({
      status: 400,
      code: 'notification.invalid.topic',
    });
    const lenient: Models.ChannelTopicEntityListing =
      await notifications.putNotificationsChannelSubscriptions(channel.id!, [{ id: bobTopic }], {
        ignoreErrors: true,
      });
    expect(lenient.entities).toEqual([
      expect.objectContaining({ id: bobTopic, state: 'Rejected' }),
    ]);
  });
});

describe('supervisor APIs through the SDK', () => {
  const SAM_EMAIL = 'sam@example.com';
  const SUPPORT_ID = QUEUE_IDS.support;
  const analytics = new platformClient.AnalyticsApi();
  const supportFilter = {
    type: 'or',
    predicates: [{ type: 'dimension', dimension: 'queueId', value: SUPPORT_ID }],
  };

  it('postAnalyticsQueuesObservationsQuery returns detail observations', async () => {
    const { conversationId } = await running.control.createCall({
      agentEmail: ALICE,
      queue: 'Support',
    });
    await sdkSignIn(SAM_EMAIL);
    const query: Models.QueueObservationQuery = {
      filter: supportFilter,
      metrics: ['oWaiting', 'oInteracting'],
      detailMetrics: ['oInteracting'],
    };
    const response: Models.QueueObservationQueryResponse =
      await analytics.postAnalyticsQueuesObservationsQuery(query);
    // Split by media type as a real response is: the voice counts under {mediaType, queueId}.
    const voice = response.results?.find((r) => r.group?.mediaType === 'voice');
    const data = voice?.data ?? [];
    expect(voice?.group).toEqual({ mediaType: 'voice', queueId: SUPPORT_ID });
    expect(data.find((d) => d.metric === 'oWaiting')?.stats?.count).toBe(0);
    const interacting = data.find((d) => d.metric === 'oInteracting');
    expect(interacting?.stats?.count).toBe(1);
    expect(interacting?.observations?.[0]?.conversationId).toBe(conversationId);
  });

  it('postAnalyticsConversationsActivityQuery pages with pageSize and pageNumber', async () => {
    await running.control.createCalls({ count: 3, queue: 'Support' });
    await sdkSignIn(SAM_EMAIL);
    const query: Models.ConversationActivityQuery = {
      metrics: [{ metric: 'oInteracting', details: true }],
      groupBy: ['queueId'],
      filter: supportFilter,
    };
    const first: Models.ConversationActivityResponse =
      await analytics.postAnalyticsConversationsActivityQuery(query, {
        pageSize: 2,
        pageNumber: 1,
      });
    const second: Models.ConversationActivityResponse =
      await analytics.postAnalyticsConversationsActivityQuery(query, {
        pageSize: 2,
        pageNumber: 2,
      });
    expect(first.results?.[0]?.entities).toHaveLength(2);
    expect(second.results?.[0]?.entities).toHaveLength(1);
    expect(first.results?.[0]?.data?.[0]?.count).toBe(3);
  });

  it('getConversation reads another user’s call; monitor, coach and barge resolve empty', async () => {
    const { conversationId, participants } = await running.control.createCall({
      agentEmail: ALICE,
    });
    const agentId = participants.filter((p) => p.purpose === 'agent').at(-1)!.id;
    await sdkSignIn(SAM_EMAIL);
    const generic: Models.Conversation = await conversations.getConversation(conversationId);
    const agent: Models.Participant | undefined = generic.participants.find(
      (p) => p.id === agentId,
    );
    expect(agent).toMatchObject({ name: 'Alice Agent', queueName: 'Support' });
    expect(agent?.calls?.[0]?.state).toBe('connected');
    const monitor: void = await conversations.postConversationsCallParticipantMonitor(
      conversationId,
      agentId,
    );
    expect(monitor).toBeUndefined();
    await conversations.postConversationsCallParticipantCoach(conversationId, agentId);
    await conversations.postConversationsCallParticipantBarge(conversationId, agentId);
    const after: Models.Conversation = await conversations.getConversation(conversationId);
    const sam = after.participants.find((p) => p.userId === SEED_USERS.sam.id);
    expect(sam).toMatchObject({ purpose: 'user', bargedParticipantId: agentId });
  });

  it('an agent’s monitor is rejected with the platform error', async () => {
    const { conversationId, participants } = await running.control.createCall({
      agentEmail: ALICE,
    });
    const agentId = participants.filter((p) => p.purpose === 'agent').at(-1)!.id;
    await expect(
      conversations.postConversationsCallParticipantMonitor(conversationId, agentId),
    ).rejects.toMatchObject({ status: 403, code: 'missing.any.permissions' });
  });
});
