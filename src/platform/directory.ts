import type { Models } from 'purecloud-platform-client-v2';
import type { RequestBudget } from './request-budget';
import { callOperation, type Sdk } from './sdk';
import type { DirectoryQueue, DirectoryUser } from './types';

/** The platform does not state a maximum; 100 ids keep the URL short (contract §2.11). */
const USERS_PER_REQUEST = 100;

/**
 * `GET /api/v2/users?id=…&pageSize=n` (SDK `getUsers`): names for user ids, in batches. Users the
 * platform does not return (deleted, unknown) are simply absent.
 */
export async function getUsers(
  sdk: Sdk,
  budget: RequestBudget,
  ids: readonly string[],
): Promise<DirectoryUser[]> {
  const out: DirectoryUser[] = [];
  for (let i = 0; i < ids.length; i += USERS_PER_REQUEST) {
    const batch = ids.slice(i, i + USERS_PER_REQUEST);
    const listing = await budget.run(() =>
      callOperation<Models.UserEntityListing>(sdk, {
        method: 'GET',
        path: '/api/v2/users',
        query: { id: batch.join(','), pageSize: String(batch.length) },
      }),
    );
    for (const user of listing.entities ?? [])
      if (user.id) out.push({ id: user.id, name: user.name ?? user.email ?? user.id });
  }
  return out;
}

/** `GET /api/v2/routing/queues/{queueId}` (needs `routing:queue:view`; agents often lack it). */
export async function getQueue(
  sdk: Sdk,
  budget: RequestBudget,
  queueId: string,
): Promise<DirectoryQueue> {
  const queue = await budget.run(() =>
    callOperation<Models.Queue>(sdk, {
      method: 'GET',
      path: '/api/v2/routing/queues/{queueId}',
      pathParams: { queueId },
    }),
  );
  return { id: queue.id ?? queueId, name: queue.name ?? '' };
}

/** `GET /api/v2/routing/queues/me` (no permission): the queues the user belongs to. */
export async function getMyQueues(sdk: Sdk, budget: RequestBudget): Promise<DirectoryQueue[]> {
  const listing = await budget.run(() =>
    callOperation<Models.UserQueueEntityListing>(sdk, {
      method: 'GET',
      path: '/api/v2/routing/queues/me',
      query: { pageSize: '100' },
    }),
  );
  return (listing.entities ?? []).flatMap((q) => (q.id ? [{ id: q.id, name: q.name ?? '' }] : []));
}
