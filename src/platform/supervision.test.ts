import { describe, expect, it, vi } from 'vitest';
import { RequestBudget } from './request-budget';
import type { Sdk } from './sdk';
import {
  activityQuery,
  createSupervisionApi,
  isLastPage,
  pageUntilShort,
  readActivityPage,
} from './supervision';

/** The SDK's ApiClient is outside the repo: a fake `callApi` answers by path and page. */
function fakeSdk(answer: (path: string, query: Record<string, string>, body: unknown) => unknown) {
  const paths: string[] = [];
  const callApi = vi.fn(
    (
      path: string,
      _method: string,
      pathParams: Record<string, string>,
      query: Record<string, string>,
      _h: unknown,
      _f: unknown,
      body: unknown,
    ) => {
      const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => pathParams[name] ?? '');
      paths.push(filled);
      return Promise.resolve({ body: answer(filled, query, body) });
    },
  );
  return { sdk: { client: async () => ({ callApi }) } as unknown as Sdk, callApi, paths };
}

const entity = (n: number, metric = 'oInteracting') => ({
  activityDate: '2026-01-05T10:00:00.000Z',
  metric,
  conversationId: `c${n}`,
  queueId: 'q1',
  userId: `u${n}`,
  ani: 'tel:+13175550142',
});

describe('paging', () => {
  it('pageUntilShort asks pages until one is short and counts the requests', async () => {
    const fetchPage = vi.fn((n: number) => Promise.resolve(n < 3 ? [1, 2] : [3]));
    await expect(pageUntilShort(fetchPage, 2)).resolves.toEqual({
      items: [1, 2, 1, 2, 3],
      pages: 3,
    });
    // A full last page needs one more (empty) page to be sure: there is no total.
    const exact = vi.fn((n: number) => Promise.resolve(n === 1 ? [1, 2] : []));
    await expect(pageUntilShort(exact, 2)).resolves.toEqual({ items: [1, 2], pages: 2 });
  });

  it('isLastPage trusts pageCount when the listing has one, else a short page', () => {
    expect(isLastPage(1, 100, 100, 2)).toBe(false);
    expect(isLastPage(2, 100, 100, 2)).toBe(true);
    expect(isLastPage(1, 40, 100, undefined)).toBe(true);
    expect(isLastPage(1, 100, 100, undefined)).toBe(false);
    expect(isLastPage(3, 0, 100, 9)).toBe(true);
  });
});

describe('activity query', () => {
  it('asks the three metrics with details, grouped by queue, for voice on any of the queues (contract §2.13)', () => {
    expect(activityQuery(['q1', 'q2'])).toEqual({
      metrics: [
        { metric: 'oWaiting', details: true },
        { metric: 'oAlerting', details: true },
        { metric: 'oInteracting', details: true },
      ],
      groupBy: ['queueId'],
      filter: {
        type: 'and',
        predicates: [{ type: 'dimension', dimension: 'mediaType', value: 'voice' }],
        clauses: [
          {
            type: 'or',
            predicates: [
              { type: 'dimension', dimension: 'queueId', value: 'q1' },
              { type: 'dimension', dimension: 'queueId', value: 'q2' },
            ],
          },
        ],
      },
      order: 'asc',
    });
  });

  it('the voice predicate is a real predicate: AND-ed with the queues, on the mediaType dimension', () => {
    const { filter } = activityQuery(['q1']);
    // A filter shaped like this, evaluated as written, lets through voice on q1 only.
    const passes = (dims: Record<string, string>) =>
      filter!.type === 'and' &&
      (filter!.predicates ?? []).every((p) => dims[p.dimension!] === p.value) &&
      (filter!.clauses ?? []).every((c) =>
        c.type === 'or' ? c.predicates.some((p) => dims[p.dimension!] === p.value) : false,
      );
    expect(passes({ mediaType: 'voice', queueId: 'q1' })).toBe(true);
    expect(passes({ mediaType: 'chat', queueId: 'q1' })).toBe(false);
    expect(passes({ mediaType: 'voice', queueId: 'q2' })).toBe(false);
  });

  it('drops an entity whose mediaType is not voice, keeps voice and unlabelled ones', () => {
    const read = readActivityPage({
      results: [
        {
          group: { queueId: 'q1' },
          entities: [
            { ...entity(1), mediaType: 'voice' },
            { ...entity(2), mediaType: 'chat' },
            { ...entity(3), mediaType: 'EMAIL' },
            { ...entity(4), mediaType: 'Voice' },
            entity(5),
          ],
        },
      ],
    });
    expect(read.map((a) => a.conversationId)).toEqual(['c1', 'c4', 'c5']);
  });

  it('reads entities of every group, takes the group’s queue and drops unusable ones', () => {
    const read = readActivityPage({
      results: [
        { group: { queueId: 'q1' }, entities: [entity(1), { ...entity(2), queueId: undefined }] },
        { group: { queueId: 'q2' }, data: [{ metric: 'oWaiting', count: 0 }] },
        {
          entities: [
            { ...entity(3), metric: 'OWAITING', userId: undefined },
            { activityDate: 'x', metric: 'oInteracting' },
            { ...entity(4), metric: 'oLongestWaiting' },
          ],
        },
      ],
    });
    expect(read).toEqual([
      {
        conversationId: 'c1',
        metric: 'oInteracting',
        queueId: 'q1',
        userId: 'u1',
        ani: 'tel:+13175550142',
        since: Date.parse('2026-01-05T10:00:00.000Z'),
      },
      expect.objectContaining({ conversationId: 'c2', queueId: 'q1' }),
      expect.objectContaining({ conversationId: 'c3', metric: 'oWaiting', userId: undefined }),
    ]);
  });

  it('pages the query with the same body until a short page', async () => {
    const { sdk, callApi } = fakeSdk((_path, query) => ({
      results: [
        {
          group: { queueId: 'q1' },
          entities: Array.from({ length: query.pageNumber === '1' ? 2 : 1 }, (_, i) =>
            entity(Number(query.pageNumber) * 10 + i),
          ),
        },
      ],
    }));
    const api = createSupervisionApi(sdk, new RequestBudget());
    const { activities, pages } = await api.queryConversationActivity(['q1'], { pageSize: 2 });
    expect(pages).toBe(2);
    expect(activities.map((a) => a.conversationId)).toEqual(['c10', 'c11', 'c20']);
    expect(callApi.mock.calls.map((c) => [c[0], c[1], c[3]])).toEqual([
      [
        '/api/v2/analytics/conversations/activity/query',
        'POST',
        { pageSize: '2', pageNumber: '1' },
      ],
      [
        '/api/v2/analytics/conversations/activity/query',
        'POST',
        { pageSize: '2', pageNumber: '2' },
      ],
    ]);
    expect(callApi.mock.calls[0]?.[6]).toEqual(activityQuery(['q1']));
  });
});

describe('createSupervisionApi', () => {
  it('lists every page of queues', async () => {
    const { sdk, callApi } = fakeSdk((_path, query) => ({
      entities:
        query.pageNumber === '1'
          ? Array.from({ length: 100 }, (_, i) => ({ id: `q${i}`, name: `Queue ${i}` }))
          : [{ id: 'q100', name: 'Last' }, { name: 'no id' }],
      pageCount: 2,
    }));
    const queues = await createSupervisionApi(sdk, new RequestBudget()).listQueues();
    expect(queues).toHaveLength(101);
    expect(queues.at(-1)).toEqual({ id: 'q100', name: 'Last' });
    expect(callApi).toHaveBeenCalledTimes(2);
  });

  it('reads a conversation in the generic shape and refuses an unreadable one', async () => {
    const { sdk, paths } = fakeSdk((path) =>
      path.endsWith('/c1')
        ? {
            id: 'c1',
            participants: [
              { id: 'a', purpose: 'agent', calls: [{ state: 'connected', muted: true }] },
            ],
          }
        : 'nonsense',
    );
    const api = createSupervisionApi(sdk, new RequestBudget());
    const call = await api.getConversation('c1');
    expect(call.participants[0]).toMatchObject({ id: 'a', state: 'connected', muted: true });
    expect(paths[0]).toBe('/api/v2/conversations/c1');
    await expect(api.getConversation('c2')).rejects.toMatchObject({
      name: 'PlatformError',
      kind: 'invalid',
    });
  });

  it('posts monitor, coach and barge on the agent’s participant with no body', async () => {
    const { sdk, callApi, paths } = fakeSdk(() => undefined);
    const api = createSupervisionApi(sdk, new RequestBudget());
    await api.supervise('c1', 'agent-pid', 'coach');
    expect(paths).toEqual(['/api/v2/conversations/calls/c1/participants/agent-pid/coach']);
    expect(callApi.mock.calls[0]?.[1]).toBe('POST');
    expect(callApi.mock.calls[0]?.[6]).toBeNull();
  });
});
