/**
 * Contract tests for playback: the official SDK (Node build) reads prompts and flows and starts a
 * secure IVR session, typed with the SDK's own models.
 */
import platformClient, { type Models } from 'purecloud-platform-client-v2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PLAY_PROMPT_FLOW_ID, PROMPT_IDS } from '../../src/seed.js';
import { ALICE, authorize, BOB, CLIENT_ID, REDIRECT_URI, startEmulator } from '../harness.js';

let running: Awaited<ReturnType<typeof startEmulator>>;
const client = platformClient.ApiClient.instance;
const architect = new platformClient.ArchitectApi();
const conversations = new platformClient.ConversationsApi();

async function sdkSignIn(email: string): Promise<void> {
  const verifier = client.generatePKCECodeVerifier(128);
  const challenge = await client.computePKCECodeChallenge(verifier);
  const { code } = await authorize(running.url, email, challenge);
  await client.authorizePKCEGrant(CLIENT_ID, verifier, code, REDIRECT_URI);
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

describe('ArchitectApi through the SDK', () => {
  it('getArchitectPrompts filters by several names and includes media URIs', async () => {
    const listing: Models.PromptEntityListing = await architect.getArchitectPrompts({
      name: ['Hold_please', 'Transfer_notice'],
      includeMediaUris: true,
      includeResources: true,
      pageSize: 25,
      pageNumber: 1,
    });
    expect(listing.total).toBe(2);
    const hold: Models.Prompt | undefined = listing.entities?.find(
      (p) => p.id === PROMPT_IDS.holdPlease,
    );
    const asset: Models.PromptAsset | undefined = hold?.resources?.[0];
    expect(asset).toMatchObject({ uploadStatus: 'transcoded', durationSeconds: 2 });
    const media = await fetch(asset!.mediaUri!);
    expect(media.headers.get('content-type')).toBe('audio/wav');
  });

  it('getArchitectPrompt and getArchitectPromptResources', async () => {
    const prompt: Models.Prompt = await architect.getArchitectPrompt(
      PROMPT_IDS.recordingDisclosure,
    );
    expect(prompt.name).toBe('Recording_disclosure');
    const resources: Models.PromptAssetEntityListing = await architect.getArchitectPromptResources(
      PROMPT_IDS.recordingDisclosure,
    );
    expect(resources.entities?.map((r) => r.language)).toEqual(['en-us', 'es-us']);
  });

  it('getFlows finds the Play Prompt secure flow; an agent without the permission gets 403', async () => {
    const flows: Models.FlowEntityListing = await architect.getFlows({
      type: ['securecall'],
      name: 'Play Prompt',
    });
    const flow: Models.Flow | undefined = flows.entities?.[0];
    expect(flow).toMatchObject({
      id: PLAY_PROMPT_FLOW_ID,
      name: 'Play Prompt',
      type: 'SECURECALL',
    });
    await sdkSignIn(BOB);
    await expect(architect.getFlows({ type: ['securecall'] })).rejects.toMatchObject({
      status: 403,
      code: 'missing.any.permissions',
    });
  });
});

describe('secure IVR sessions through the SDK', () => {
  it('postConversationParticipantSecureivrsessions starts Play Prompt; the GETs read it', async () => {
    const call = await running.control.createCall({ agentEmail: ALICE });
    const customerId = call.participants.find((p) => p.purpose === 'customer')!.id;
    const agentId = call.participants.filter((p) => p.purpose === 'agent').at(-1)!.id;
    const body: Models.CreateSecureSession = {
      flowId: PLAY_PROMPT_FLOW_ID,
      userData: JSON.stringify({
        v: 1,
        requestId: 'sdk-1',
        promptId: PROMPT_IDS.holdPlease,
        loop: false,
        maxDurationSeconds: 30,
      }),
      sourceParticipantId: agentId,
      disconnect: false,
    };
    const session: Models.SecureSession =
      await conversations.postConversationParticipantSecureivrsessions(
        call.conversationId,
        customerId,
        { body },
      );
    expect(session).toMatchObject({
      state: 'PENDING',
      flow: { id: PLAY_PROMPT_FLOW_ID },
      sourceParticipantId: agentId,
    });
    const listing: Models.SecureSessionEntityListing =
      await conversations.getConversationParticipantSecureivrsessions(
        call.conversationId,
        customerId,
      );
    expect(listing.entities?.map((s) => s.id)).toEqual([session.id]);
    const one: Models.SecureSession =
      await conversations.getConversationParticipantSecureivrsession(
        call.conversationId,
        customerId,
        session.id!,
      );
    expect(one.userData).toBe(body.userData);
    const ivr = (await running.control.state()).conversations[0]!.participants.filter(
      (p) => p.purpose === 'ivr' && p.state === 'connected',
    );
    expect(ivr).toHaveLength(1);
  });

  it('a bad flow id comes back as an ErrorBody', async () => {
    const call = await running.control.createCall({ agentEmail: ALICE });
    const customerId = call.participants.find((p) => p.purpose === 'customer')!.id;
    await expect(
      conversations.postConversationParticipantSecureivrsessions(call.conversationId, customerId, {
        body: { flowId: 'nope', userData: '{}' },
      }),
    ).rejects.toMatchObject({ status: 400, code: 'invalid.value' });
  });
});
