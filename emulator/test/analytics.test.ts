import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClock } from '../src/clock.js';
import { ALICE, api, BOB, SAM, signIn, startEmulator } from './harness.js';
import { QUEUE_IDS, SEED_USERS } from '../seed-ids.js';

const SUPPORT = QUEUE_IDS.support;
const SALES = QUEUE_IDS.sales;
const ALICE_ID = SEED_USERS.alice.id;
const BOB_ID = SEED_USERS.bob.id;
const OBSERVATIONS = '/analytics/queues/observations/query';
const ACTIVITY = '/analytics/conversations/activity/query';

let running: Awaited<ReturnType<typeof startEmulator>>;
const clock = createClock({ startMs: Date.parse('2026-11-21T09:00:00Z') });
let sam: string;

beforeAll(async () => {
  running = await startEmulator({ clock });
});
afterAll(() => running.stop());
beforeEach(async () => {
  await running.control.reset();
  sam = await signIn(running.url, SAM);
});

type MetricData = {
  metric: string;
  stats: { count: number };
  truncated?: boolean;
  observations?: Record<string, unknown>[];
};
type ObservationResult = { group: Record<string, string>; data: MetricData[] };

const queueFilter = (...queueIds: string[]) => ({
  type: 'or',
  predicates: queueIds.map((value) => ({ dimension: 'queueId', value })),
});

async function observe(body: unknown, token = sam) {
  const response = await api(running.url, token, 'POST', OBSERVATIONS, body);
  return {
    status: response.status,
    body: response.body,
    results: (response.body?.results ?? []) as ObservationResult[],
  };
}

const metricOf = (result: ObservationResult | undefined, metric: string) =>
  result?.data.find((d) => d.metric === metric);
/** The `{mediaType, queueId}` group of one queue's conversation metrics. */
const mediaGroup = (results: ObservationResult[], queueId: string, mediaType = 'voice') =>
  results.find((r) => r.group.queueId === queueId && r.group.mediaType === mediaType);
const MEDIA = ['callback', 'chat', 'email', 'message', 'voice'];

describe('queue observations', () => {
  it('counts waiting, alerting and interacting calls per queue with detail observations', async () => {
    const interacting = await running.control.createCall({
      agentEmail: ALICE,
      queue: 'Support',
      ani: 'tel:+15550001001',
    });
    clock.advance(1_000);
    const alerting = await running.control.createCall({
      agentEmail: BOB,
      queue: 'Support',
      autoAnswer: false,
    });
    clock.advance(1_000);
    await running.control.createCalls({ count: 1, queue: 'Support', waiting: true });
    await running.control.createCalls({ count: 2, queue: 'Sales' });
    const metrics = ['oWaiting', 'oAlerting', 'oInteracting'];
    const { status, results } = await observe({
      filter: queueFilter(SUPPORT, SALES),
      metrics,
      detailMetrics: metrics,
    });
    expect(status).toBe(200);
    // Split by media type, every one listed (zero counts too), per queue in the filter's order.
    expect(results.map((r) => r.group)).toEqual(
      [SUPPORT, SALES].flatMap((queueId) => MEDIA.map((mediaType) => ({ mediaType, queueId }))),
    );
    const support = mediaGroup(results, SUPPORT);
    const sales = mediaGroup(results, SALES);
    expect(metricOf(mediaGroup(results, SUPPORT, 'chat'), 'oInteracting')?.stats.count).toBe(0);
    expect(metricOf(support, 'oWaiting')?.stats.count).toBe(1);
    expect(metricOf(support, 'oAlerting')?.stats.count).toBe(1);
    expect(metricOf(support, 'oInteracting')?.stats.count).toBe(1);
    expect(metricOf(sales, 'oInteracting')?.stats.count).toBe(2);
    expect(metricOf(support, 'oAlerting')?.observations).toEqual([
      expect.objectContaining({ conversationId: alerting.conversationId, userId: BOB_ID }),
    ]);
    const talking = metricOf(support, 'oInteracting')?.observations?.[0];
    expect(talking).toMatchObject({
      conversationId: interacting.conversationId,
      userId: ALICE_ID,
      direction: 'inbound',
      ani: 'tel:+15550001001',
      dnis: 'tel:+18005550100',
      observationDate: '2026-11-21T09:00:00.000Z',
      routingPriority: 0,
    });
    expect(talking?.sessionId).toEqual(expect.any(String));
    const waiting = metricOf(support, 'oWaiting')?.observations?.[0];
    expect(waiting).toMatchObject({ conversationId: expect.any(String) });
    expect(waiting).not.toHaveProperty('userId');
  });

  it('leaves observations out unless asked in detailMetrics, and leaves out ended calls', async () => {
    const call = await running.control.createCall({ agentEmail: ALICE, queue: 'Support' });
    await running.control.createCall({ agentEmail: BOB, queue: 'Support' });
    await running.control.hangup(call.conversationId);
    const { results } = await observe({ filter: queueFilter(SUPPORT), metrics: ['oInteracting'] });
    expect(mediaGroup(results, SUPPORT)).toEqual({
      group: { mediaType: 'voice', queueId: SUPPORT },
      data: [{ metric: 'oInteracting', stats: { count: 1 } }],
    });
  });

  it('filters by media type and groups by it when the filter names one', async () => {
    await running.control.createCall({ agentEmail: ALICE, queue: 'Support' });
    const filter = {
      type: 'and',
      clauses: [
        { type: 'or', predicates: [{ dimension: 'queueId', value: SUPPORT }] },
        { type: 'or', predicates: [{ dimension: 'mediaType', value: 'chat' }] },
      ],
    };
    const chat = await observe({ filter, metrics: ['oInteracting'] });
    expect(chat.results).toEqual([
      {
        group: { mediaType: 'chat', queueId: SUPPORT },
        data: [{ metric: 'oInteracting', stats: { count: 0 } }],
      },
    ]);
    filter.clauses[1]!.predicates[0]!.value = 'voice';
    const voice = await observe({ filter, metrics: ['oInteracting'] });
    expect(metricOf(voice.results[0], 'oInteracting')?.stats.count).toBe(1);
  });

  it('truncates past 100 observations: the oldest half and the newest half, middle missing', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 130; i += 1) {
      ids.push(
        ...(await running.control.createCalls({ count: 1, queue: 'Support' })).conversationIds,
      );
      clock.advance(1_000);
    }
    const { results } = await observe({
      filter: queueFilter(SUPPORT),
      metrics: ['oInteracting'],
      detailMetrics: ['oInteracting'],
    });
    const data = metricOf(mediaGroup(results, SUPPORT), 'oInteracting')!;
    expect(data.stats.count).toBe(130);
    expect(data.truncated).toBe(true);
    const seen = data.observations!.map((o) => o.conversationId);
    expect(seen).toEqual([...ids.slice(0, 50), ...ids.slice(80)]);
    const dates = data.observations!.map((o) => Date.parse(o.observationDate as string));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
  });

  it('requires analytics:queueObservation:view', async () => {
    const alice = await signIn(running.url, ALICE);
    const { status, body } = await observe(
      { filter: queueFilter(SUPPORT), metrics: ['oWaiting'] },
      alice,
    );
    expect(status).toBe(403);
    expect(body).toMatchObject({ code: 'missing.any.permissions' });
    expect(body?.message).toContain('analytics:queueObservation:view');
  });

  it('validates the query and answers 501 for metrics it does not model', async () => {
    const noMetrics = await observe({ filter: queueFilter(SUPPORT), metrics: [] });
    expect(noMetrics.status).toBe(400);
    const badDimension = await observe({
      filter: { type: 'or', predicates: [{ dimension: 'userId', value: ALICE_ID }] },
      metrics: ['oWaiting'],
    });
    expect(badDimension.status).toBe(400);
    expect(badDimension.body).toMatchObject({ code: 'invalid.value' });
    const longestAsDetail = await observe({
      filter: queueFilter(SUPPORT),
      metrics: ['oWaiting'],
      detailMetrics: ['oLongestWaiting'],
    });
    expect(longestAsDetail.status).toBe(400);
    const presence = await observe({ filter: queueFilter(SUPPORT), metrics: ['oUserPresences'] });
    expect(presence.status).toBe(501);
  });

  it('counts queue members with oMemberUsers', async () => {
    const { results } = await observe({
      filter: queueFilter(SUPPORT, SALES),
      metrics: ['oMemberUsers'],
    });
    // User metrics are about the queue, not a medium: one `{queueId}` group each.
    expect(results.map((r) => r.group)).toEqual([{ queueId: SUPPORT }, { queueId: SALES }]);
    expect(results.map((r) => metricOf(r, 'oMemberUsers')?.stats.count)).toEqual([2, 1]);
  });
});

type ActivityResult = {
  group: Record<string, string>;
  data: { metric: string; count: number }[];
  entities?: Record<string, unknown>[];
};

async function activity(query: string, body: unknown, token = sam) {
  const response = await api(running.url, token, 'POST', `${ACTIVITY}${query}`, body);
  return {
    status: response.status,
    body: response.body,
    results: (response.body?.results ?? []) as ActivityResult[],
  };
}

const activityQuery = {
  metrics: [
    { metric: 'oWaiting', details: true },
    { metric: 'oAlerting', details: true },
    { metric: 'oInteracting', details: true },
  ],
  groupBy: ['queueId'],
  filter: queueFilter(SUPPORT, SALES),
};

describe('conversation activity', () => {
  it('pages every live call of the chosen queues; a short page is the last', async () => {
    const created = await running.control.createCalls({ count: 7 });
    const alerting = await running.control.createCall({
      agentEmail: ALICE,
      queue: 'Sales',
      autoAnswer: false,
    });
    const seen: Record<string, unknown>[] = [];
    const pageSizes: number[] = [];
    for (let page = 1; page < 10; page += 1) {
      const { status, body, results } = await activity(
        `?pageSize=3&pageNumber=${page}`,
        activityQuery,
      );
      expect(status).toBe(200);
      expect(body?.entityIdDimension).toBe('conversationId');
      expect(body).not.toHaveProperty('total');
      const entities = results.flatMap((r) => r.entities ?? []);
      pageSizes.push(entities.length);
      seen.push(...entities);
      if (entities.length < 3) break;
    }
    expect(pageSizes).toEqual([3, 3, 2]);
    expect(seen.map((e) => e.conversationId).sort()).toEqual(
      [...created.conversationIds, alerting.conversationId].sort(),
    );
    expect(seen.find((e) => e.conversationId === alerting.conversationId)).toMatchObject({
      metric: 'oAlerting',
      queueId: SALES,
      userId: ALICE_ID,
      mediaType: 'voice',
      direction: 'inbound',
    });
    expect(seen.every((e) => typeof e.activityDate === 'string' && e.sessionId)).toBe(true);
  });

  it('counts per group over every page and leaves entities out without details', async () => {
    await running.control.createCalls({ count: 4 });
    const { results } = await activity('?pageSize=1&pageNumber=1', {
      metrics: [{ metric: 'oInteracting' }],
      groupBy: ['queueId'],
      filter: queueFilter(SUPPORT),
    });
    expect(results).toEqual([
      { group: { queueId: SUPPORT }, data: [{ metric: 'oInteracting', count: 2 }] },
    ]);
  });

  it('requires the permission and validates paging', async () => {
    const alice = await signIn(running.url, ALICE);
    const denied = await activity('', activityQuery, alice);
    expect(denied.status).toBe(403);
    expect(denied.body?.message).toContain('analytics:queueObservation:view');
    expect((await activity('?pageSize=0', activityQuery)).status).toBe(400);
    expect((await activity('', { ...activityQuery, groupBy: ['nonsense'] })).status).toBe(400);
  });
});
