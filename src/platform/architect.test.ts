import { describe, expect, it } from 'vitest';
import { findFlows, listPrompts } from './architect';
import { RequestBudget } from './request-budget';
import type { Sdk } from './sdk';
import { createSecureSession } from './secure-sessions';

/** An SDK whose ApiClient records each call and answers with `body` (an extended response). */
function fakeSdk(body: unknown) {
  const calls: {
    path: string;
    method: string;
    pathParams: unknown;
    query: unknown;
    body: unknown;
  }[] = [];
  const sdk = {
    client: async () => ({
      callApi: async (
        path: string,
        method: string,
        pathParams: unknown,
        query: unknown,
        _h: unknown,
        _f: unknown,
        sent: unknown,
      ) => {
        calls.push({ path, method, pathParams, query, body: sent });
        return { body };
      },
    }),
  } as unknown as Sdk;
  return { sdk, calls };
}

const budget = () => new RequestBudget();

describe('listPrompts', () => {
  it('asks for one page by name or description with media, and reads prompts as the widget needs them', async () => {
    const { sdk, calls } = fakeSdk({
      entities: [
        {
          id: 'p1',
          name: 'Recording_disclosure',
          description: 'Recording disclosure',
          resources: [
            {
              id: 'en-us',
              language: 'en-us',
              mediaUri: 'https://media/p1.wav',
              uploadStatus: 'transcoded',
              durationSeconds: 4,
              languageDefault: true,
            },
            { id: 'es-us', language: 'es-us', uploadStatus: 'created' },
          ],
        },
        { name: 'no id' },
      ],
      pageNumber: 2,
      pageCount: 3,
      total: 51,
    });
    const page = await listPrompts(sdk, budget(), {
      search: ' dis*closure ',
      pageNumber: 2,
      pageSize: 25,
    });
    expect(calls[0]).toMatchObject({
      path: '/api/v2/architect/prompts',
      method: 'GET',
      query: {
        pageNumber: '2',
        pageSize: '25',
        nameOrDescription: '*disclosure*',
        sortBy: 'name',
        includeMediaUris: true,
        includeResources: true,
      },
    });
    expect(page).toEqual({
      pageNumber: 2,
      pageCount: 3,
      total: 51,
      prompts: [
        {
          id: 'p1',
          name: 'Recording_disclosure',
          description: 'Recording disclosure',
          resources: [
            {
              language: 'en-us',
              mediaUri: 'https://media/p1.wav',
              durationSeconds: 4,
              transcoded: true,
              isDefault: true,
            },
            {
              language: 'es-us',
              mediaUri: undefined,
              durationSeconds: undefined,
              transcoded: false,
              isDefault: false,
            },
          ],
        },
      ],
    });
  });

  it('sends no filter for an empty search', async () => {
    const { sdk, calls } = fakeSdk({ entities: [] });
    await listPrompts(sdk, budget(), { search: '  ' });
    expect((calls[0]?.query as Record<string, unknown>).nameOrDescription).toBeUndefined();
  });
});

describe('findFlows', () => {
  it('filters by type and name and keeps what a start needs', async () => {
    const { sdk, calls } = fakeSdk({
      entities: [
        { id: 'f1', name: 'Play Prompt', type: 'SECURECALL', deleted: false },
        { name: 'no id' },
      ],
    });
    expect(await findFlows(sdk, budget(), { type: 'securecall', name: 'Play Prompt' })).toEqual([
      { id: 'f1', name: 'Play Prompt', type: 'SECURECALL', deleted: false },
    ]);
    expect(calls[0]).toMatchObject({
      path: '/api/v2/flows',
      query: { type: 'securecall', name: 'Play Prompt' },
    });
  });
});

describe('createSecureSession', () => {
  it('posts to the customer participant, keeping the agent on the call', async () => {
    const { sdk, calls } = fakeSdk({ id: 's1', state: 'pending', flow: { id: 'f1' } });
    const session = await createSecureSession(sdk, budget(), 'c1', 'cust', {
      flowId: 'f1',
      userData: '{"v":1}',
      sourceParticipantId: 'agent',
    });
    expect(calls[0]).toMatchObject({
      path: '/api/v2/conversations/{conversationId}/participants/{participantId}/secureivrsessions',
      method: 'POST',
      pathParams: { conversationId: 'c1', participantId: 'cust' },
      body: { flowId: 'f1', userData: '{"v":1}', sourceParticipantId: 'agent', disconnect: false },
    });
    expect(session).toEqual({ id: 's1', state: 'PENDING', flowId: 'f1' });
  });
});
