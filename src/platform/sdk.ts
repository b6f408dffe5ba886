import ApiClient from 'purecloud-platform-client-v2/src/purecloud-platform-client-v2/ApiClient.js';
import ConversationsApi from 'purecloud-platform-client-v2/src/purecloud-platform-client-v2/api/ConversationsApi.js';
import NotificationsApi from 'purecloud-platform-client-v2/src/purecloud-platform-client-v2/api/NotificationsApi.js';
import UsersApi from 'purecloud-platform-client-v2/src/purecloud-platform-client-v2/api/UsersApi.js';
import type { PlatformTarget } from '../config/target';

export type SdkClient = InstanceType<typeof ApiClient>;

export interface Sdk {
  client: SdkClient;
  conversations: InstanceType<typeof ConversationsApi>;
  notifications: InstanceType<typeof NotificationsApi>;
  users: InstanceType<typeof UsersApi>;
}

/**
 * The one place the SDK is instantiated. A real org is reached with `setEnvironment`; the
 * emulator with the SDK's own gateway setting (login under /login, API under /api/v2).
 */
export function createSdk(target: PlatformTarget): Sdk {
  const client = new ApiClient();
  if (target.kind === 'emulator') {
    const url = new URL(target.url);
    client.setGateway({
      protocol: url.protocol.replace(':', ''),
      host: url.hostname,
      port: url.port ? Number(url.port) : -1,
      path_params_login: 'login',
    });
  } else {
    client.setEnvironment(target.environment);
  }
  // Headers (Retry-After, correlation ids) are only visible in extended responses.
  client.setReturnExtendedResponses(true);
  // Tokens live in memory only: never in localStorage.
  client.setPersistSettings(false, 'lcp');
  return {
    client,
    conversations: new ConversationsApi(client),
    notifications: new NotificationsApi(client),
    users: new UsersApi(client),
  };
}

/** The body of an extended response. */
export function bodyOf<T>(response: unknown): T {
  const extended = response as { body?: T } | null;
  return (
    extended && typeof extended === 'object' && 'body' in extended ? extended.body : response
  ) as T;
}
