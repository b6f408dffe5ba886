import type { Models } from 'purecloud-platform-client-v2';
import { listPrompts, type PromptPage } from './architect';
import type { RequestBudget } from './request-budget';
import { callOperation, type Sdk } from './sdk';
import { activityQuery } from './supervision';

/**
 * The setup check's reads (contract §2.1, §2.9, §2.11–2.13, §6): each one request through the
 * widget's request budget (its own behind the agent's requests, `'background'`), none of them a
 * change. They return our own types and never a name, an e-mail address or a number, so that
 * nothing personal can reach the check's downloadable report. Loaded with the setup view
 * through `Platform.setup()`.
 */

/** `users/me?expand=authorization`: who signed in, by id, and their role permissions. */
export interface SetupAuthorization {
  userId: string;
  /** Undefined when the answer carried no `authorization` (it could not be expanded). */
  permissions?: string[];
}

/** `tokens/me`: what the token may do. */
export interface SetupTokenInfo {
  /** The OAuth client's scopes granted to this token; undefined when the answer lists none. */
  scopes?: string[];
}

/** A flow as the check judges it: a published, live secure call flow is what playback needs. */
export interface SetupFlow {
  id: string;
  name: string;
  /** Upper case, as the platform sends it (`SECURECALL`, `INBOUNDCALL`…). */
  type: string;
  deleted: boolean;
  /** It has a published version (a flow that was only saved cannot run). */
  published: boolean;
}

export interface SetupQueuePage {
  /** The ids of the first page of queues the user may see. */
  queueIds: string[];
  /** Every queue the user may see, when the platform says. */
  total?: number;
}

export interface SetupReads {
  /** `GET /api/v2/users/me?expand=authorization`. */
  authorization(): Promise<SetupAuthorization>;
  /** `GET /api/v2/tokens/me?preserveIdleTTL=true` (reading it does not count as activity). */
  tokenInfo(): Promise<SetupTokenInfo>;
  /**
   * `GET /api/v2/flows` by id (the platform then ignores every other filter) or by type and
   * name (`architect:flow:view`).
   */
  flows(query: { id: string } | { type: string; name: string }): Promise<SetupFlow[]>;
  /** The first page of prompts with their media URIs (`architect:userPrompt:view`). */
  prompts(): Promise<PromptPage>;
  /** `GET /api/v2/routing/queues`, the first page only (`routing:queue:view`). */
  queues(): Promise<SetupQueuePage>;
  /**
   * `POST /api/v2/analytics/queues/observations/query` for one queue, counts only
   * (`analytics:queueObservation:view`); resolves with how many metric results came back.
   */
  observeQueue(queueId: string): Promise<number>;
  /**
   * `POST /api/v2/analytics/conversations/activity/query?pageSize=1` for one queue: the supervisor
   * view's own query, one entity at most; resolves with how many entities came back.
   */
  queueActivity(queueId: string): Promise<number>;
}

const QUEUES_PAGE_SIZE = 25;

function toFlow(flow: Models.Flow): SetupFlow[] {
  if (!flow.id || !flow.name) return [];
  return [
    {
      id: flow.id,
      name: flow.name,
      type: (flow.type ?? '').toUpperCase(),
      deleted: flow.deleted === true,
      published: Boolean(flow.publishedVersion?.id),
    },
  ];
}

/**
 * Binds the reads to the widget's SDK client and request budget.
 *
 * @example
 * const reads = await platform.setup();
 * const { permissions } = await reads.authorization();
 */
export function createSetupReads(sdk: Sdk, budget: RequestBudget): SetupReads {
  const read = <T>(op: Parameters<typeof callOperation>[1]) =>
    budget.run(() => callOperation<T>(sdk, op), { priority: 'background' });
  return {
    async authorization() {
      const me = await read<Models.UserMe>({
        method: 'GET',
        path: '/api/v2/users/me',
        query: { expand: 'authorization' },
      });
      const permissions = me.authorization?.permissions;
      return {
        userId: me.id ?? '',
        permissions: Array.isArray(permissions) ? permissions : undefined,
      };
    },

    async tokenInfo() {
      const info = await read<Models.TokenInfo>({
        method: 'GET',
        path: '/api/v2/tokens/me',
        query: { preserveIdleTTL: true },
      });
      const scopes = info.authorizedScope;
      return { scopes: Array.isArray(scopes) && scopes.length > 0 ? scopes : undefined };
    },

    async flows(query) {
      const listing = await read<Models.FlowEntityListing>({
        method: 'GET',
        path: '/api/v2/flows',
        query:
          'id' in query
            ? { id: query.id }
            : { type: query.type, name: query.name, pageSize: '25', deleted: false },
      });
      return (listing.entities ?? []).flatMap(toFlow);
    },

    // The playback panel's own read, so the check sees what the panel will see.
    prompts: () => listPrompts(sdk, budget, { pageNumber: 1, pageSize: 25 }),

    async queues() {
      const listing = await read<Models.QueueEntityListing>({
        method: 'GET',
        path: '/api/v2/routing/queues',
        query: { pageSize: String(QUEUES_PAGE_SIZE), pageNumber: '1' },
      });
      return {
        queueIds: (listing.entities ?? []).flatMap((q) => (q.id ? [q.id] : [])),
        total: typeof listing.total === 'number' ? listing.total : undefined,
      };
    },

    async observeQueue(queueId) {
      const response = await read<Models.QueueObservationQueryResponse>({
        method: 'POST',
        path: '/api/v2/analytics/queues/observations/query',
        body: {
          filter: { type: 'or', predicates: [{ dimension: 'queueId', value: queueId }] },
          metrics: ['oWaiting', 'oInteracting'],
        } satisfies Models.QueueObservationQuery,
      });
      return (response.results ?? []).reduce((n, result) => n + (result.data?.length ?? 0), 0);
    },

    async queueActivity(queueId) {
      const response = await read<Models.ConversationActivityResponse>({
        method: 'POST',
        path: '/api/v2/analytics/conversations/activity/query',
        query: { pageSize: '1', pageNumber: '1' },
        body: activityQuery([queueId]),
      });
      return (response.results ?? []).reduce((n, result) => n + (result.entities?.length ?? 0), 0);
    },
  };
}
