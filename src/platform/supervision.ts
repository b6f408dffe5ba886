import type { Models } from 'purecloud-platform-client-v2';
import { parseConversation } from './conversation-mapping';
import type { Permit, RequestBudget, RequestPriority } from './request-budget';
import { callOperation, type Sdk } from './sdk';
import type { Call, DirectoryQueue } from './types';

/**
 * The supervisor's API group (contract §2.1, §2.7, §2.13). Loaded with the supervisor view (its
 * own chunk) through `Platform.supervision()`, so the agent panel never ships it. Every method
 * rejects with a `PlatformError` (the request budget normalises failures), and the group parses
 * the queue topics' call events too, so the view's chunk needs no parser or error code of its own.
 */

export type SupervisionMode = 'monitor' | 'coach' | 'barge';

/** The conversation metrics a queue's live calls are in (contract §2.13). */
export type ActivityMetric = 'oWaiting' | 'oAlerting' | 'oInteracting';
const METRICS: readonly ActivityMetric[] = ['oWaiting', 'oAlerting', 'oInteracting'];

/** One live conversation on a queue, as the conversation activity query lists it. */
export interface ConversationActivity {
  conversationId: string;
  metric: ActivityMetric;
  queueId?: string;
  /** The agent for `oAlerting` / `oInteracting`. */
  userId?: string;
  ani?: string;
  /** When it entered this metric (epoch ms). */
  since?: number;
}

export interface ActivitySnapshot {
  activities: ConversationActivity[];
  /** Requests it took (one per page). */
  pages: number;
}

export interface SupervisionApi {
  /** `GET /api/v2/routing/queues`, every page (`routing:queue:view`). */
  listQueues(): Promise<DirectoryQueue[]>;
  /**
   * `POST /api/v2/analytics/conversations/activity/query`, paged until a short page (the
   * response has no total): every waiting, alerting and interacting voice call on the queues
   * (chats, messages, emails and callbacks are filtered out by the query itself).
   */
  queryConversationActivity(
    queueIds: readonly string[],
    options?: { pageSize?: number; priority?: RequestPriority },
  ): Promise<ActivitySnapshot>;
  /**
   * `GET /api/v2/conversations/{cid}`: the generic shape, readable by a supervisor. A snapshot's
   * reads ask at `'background'` priority (the agent's own requests leave first), or come with the
   * permit they already waited for.
   */
  getConversation(
    conversationId: string,
    options?: { priority?: RequestPriority; permit?: Permit },
  ): Promise<Call>;
  /** `POST …/calls/{cid}/participants/{agentPid}/monitor|coach|barge` → 201, no body. */
  supervise(conversationId: string, participantId: string, mode: SupervisionMode): Promise<void>;
}

/** The platform documents no maximum page size for the activity query (contract §2.13). */
const ACTIVITY_PAGE_SIZE = 100;
const QUEUES_PAGE_SIZE = 100;
/** A guard against a server that never sends a short page. */
const MAX_PAGES = 100;

/**
 * Pages through a listing with no total: asks page 1, 2, … until a page holds fewer than
 * `pageSize` items (or `MAX_PAGES`). Resolves with every item and the number of requests.
 *
 * @example
 * const { items, pages } = await pageUntilShort((n) => fetchPage(n), 100);
 */
export async function pageUntilShort<T>(
  fetchPage: (pageNumber: number) => Promise<readonly T[]>,
  pageSize: number,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const found = await fetchPage(page);
    items.push(...found);
    if (found.length < pageSize) return { items, pages: page };
  }
  return { items, pages: MAX_PAGES };
}

/** An entity listing's last page: its `pageCount` says so, or (without one) a short page. */
export function isLastPage(
  pageNumber: number,
  received: number,
  pageSize: number,
  pageCount: number | undefined,
): boolean {
  if (received === 0) return true;
  return pageCount !== undefined ? pageNumber >= pageCount : received < pageSize;
}

function time(value: string | undefined): number | undefined {
  const ms = value ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

/** The only media the call grid lists: chats, messages, emails and callbacks are not calls. */
export const VOICE = 'voice';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The entities of one activity page; entities without a conversation id or known metric drop,
 * and so does one whose `mediaType` says it is not a call (the query asks for voice only; a
 * server that ignored the predicate must still not put a chat in the call grid). Read leniently:
 * a field of the wrong type is absent, a part that is not a list holds nothing.
 */
export function readActivityPage(
  response: Models.ConversationActivityResponse,
): ConversationActivity[] {
  const page: unknown = response;
  return list(isObject(page) ? page.results : undefined).flatMap((result) => {
    if (!isObject(result)) return [];
    const groupQueue = isObject(result.group) ? text(result.group.queueId) : undefined;
    return list(result.entities).flatMap((e): ConversationActivity[] => {
      if (!isObject(e)) return [];
      const metric = METRICS.find((m) => m.toLowerCase() === text(e.metric)?.toLowerCase());
      const conversationId = text(e.conversationId);
      if (!conversationId || !metric) return [];
      const mediaType = e.mediaType == null ? VOICE : text(e.mediaType)?.toLowerCase();
      if (mediaType !== VOICE) return [];
      return [
        {
          conversationId,
          metric,
          queueId: text(e.queueId) ?? groupQueue,
          userId: text(e.userId),
          ani: text(e.ani),
          since: time(text(e.activityDate)),
        },
      ];
    });
  });
}

/**
 * The activity query for the given queues (contract §2.13's example, with details): voice
 * conversations only (`mediaType` = `voice`) AND on any of the queues (one `or` clause).
 */
export function activityQuery(queueIds: readonly string[]): Models.ConversationActivityQuery {
  return {
    metrics: METRICS.map((metric) => ({ metric, details: true })),
    groupBy: ['queueId'],
    filter: {
      type: 'and',
      predicates: [{ type: 'dimension', dimension: 'mediaType', value: VOICE }],
      clauses: [
        {
          type: 'or',
          predicates: queueIds.map((value) => ({ type: 'dimension', dimension: 'queueId', value })),
        },
      ],
    },
    order: 'asc',
  };
}

/** Binds the supervisor's operations to the widget's SDK instance and request budget. */
export function createSupervisionApi(sdk: Sdk, budget: RequestBudget): SupervisionApi {
  return {
    async listQueues() {
      const queues: DirectoryQueue[] = [];
      for (let pageNumber = 1; pageNumber <= MAX_PAGES; pageNumber += 1) {
        const listing = await budget.run(() =>
          callOperation<Models.QueueEntityListing>(sdk, {
            method: 'GET',
            path: '/api/v2/routing/queues',
            query: { pageSize: String(QUEUES_PAGE_SIZE), pageNumber: String(pageNumber) },
          }),
        );
        const entities = listing.entities ?? [];
        for (const q of entities) if (q.id) queues.push({ id: q.id, name: q.name ?? '' });
        if (isLastPage(pageNumber, entities.length, QUEUES_PAGE_SIZE, listing.pageCount)) break;
      }
      return queues;
    },

    async queryConversationActivity(queueIds, options = {}) {
      const pageSize = options.pageSize ?? ACTIVITY_PAGE_SIZE;
      const body = activityQuery(queueIds);
      const { items, pages } = await pageUntilShort(async (pageNumber) => {
        const response = await budget.run(
          () =>
            callOperation<Models.ConversationActivityResponse>(sdk, {
              method: 'POST',
              path: '/api/v2/analytics/conversations/activity/query',
              query: { pageSize: String(pageSize), pageNumber: String(pageNumber) },
              body,
            }),
          { priority: options.priority },
        );
        return readActivityPage(response);
      }, pageSize);
      return { activities: items, pages };
    },

    getConversation(conversationId, options = {}) {
      // Parsed inside the budget's run, so a shape the widget cannot read rejects as a
      // PlatformError ('invalid') like every other failure of the group.
      return budget.run(async () => {
        const raw = await callOperation<Models.Conversation>(sdk, {
          method: 'GET',
          path: '/api/v2/conversations/{conversationId}',
          pathParams: { conversationId },
        });
        const call = parseConversation(raw);
        if (!call) throw new Error('The call came back in a shape the widget cannot read.');
        return call;
      }, options);
    },

    async supervise(conversationId, participantId, mode) {
      await budget.run(() =>
        callOperation<void>(sdk, {
          method: 'POST',
          path: `/api/v2/conversations/calls/{conversationId}/participants/{participantId}/${mode}`,
          pathParams: { conversationId, participantId },
        }),
      );
    },
  };
}
