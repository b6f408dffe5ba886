import type { Models } from 'purecloud-platform-client-v2';
import type { RequestBudget } from './request-budget';
import { callOperation, type Sdk } from './sdk';
import type { CurrentUser } from './types';

/** `GET /api/v2/users/me?expand=authorization` (SDK `getUsersMe`). */
export async function getCurrentUser(sdk: Sdk, budget: RequestBudget): Promise<CurrentUser> {
  const me = await budget.run(() =>
    callOperation<Models.UserMe>(sdk, {
      method: 'GET',
      path: '/api/v2/users/me',
      query: { expand: 'authorization' },
    }),
  );
  return {
    id: me.id ?? '',
    name: me.name ?? me.email ?? 'Unknown user',
    email: me.email,
    permissions: me.authorization?.permissions ?? [],
  };
}
