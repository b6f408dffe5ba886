import type { Sdk } from './sdk';
import { bodyOf } from './sdk';
import type { RequestBudget } from './request-budget';
import type { CurrentUser } from './types';
import type { Models } from 'purecloud-platform-client-v2';

/** `GET /api/v2/users/me?expand=authorization`. */
export async function getCurrentUser(sdk: Sdk, budget: RequestBudget): Promise<CurrentUser> {
  const me = bodyOf<Models.UserMe>(
    await budget.run(() => sdk.users.getUsersMe({ expand: ['authorization'] })),
  );
  return {
    id: me.id ?? '',
    name: me.name ?? me.email ?? 'Unknown user',
    email: me.email,
    permissions: me.authorization?.permissions ?? [],
  };
}
