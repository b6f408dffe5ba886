import type ApiClient from 'purecloud-platform-client-v2/src/purecloud-platform-client-v2/ApiClient.js';
import type { PlatformTarget } from '../config/target';
import { FetchHttpClient } from './fetch-http-client';

export type SdkClient = InstanceType<typeof ApiClient>;

export interface Sdk {
  /**
   * The SDK's client, configured. It is a chunk of its own (the first paint does not need it):
   * asked for as soon as the SDK object exists, so the first request finds it loaded. A load
   * that failed is tried again by the next caller.
   */
  client(): Promise<SdkClient>;
}

/**
 * The one place the SDK is instantiated. A real org is reached with `setEnvironment`; the
 * emulator with the SDK's own gateway setting (login under /login, API under /api/v2).
 */
export function createSdk(target: PlatformTarget): Sdk {
  let loading: Promise<SdkClient> | undefined;
  const client = () =>
    (loading ??=
      import('purecloud-platform-client-v2/src/purecloud-platform-client-v2/ApiClient.js').then(
        ({ default: Client }) => configure(new Client(), target),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      ));
  client().catch(() => undefined);
  return { client };
}

function configure(client: SdkClient, target: PlatformTarget): SdkClient {
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
  // Requests go through fetch (the SDK's pluggable HTTP client), not the bundled axios.
  client.setHttpClient(
    new FetchHttpClient() as unknown as Parameters<SdkClient['setHttpClient']>[0],
  );
  // Headers (Retry-After, correlation ids) are only visible in extended responses.
  client.setReturnExtendedResponses(true);
  // Tokens live in memory only: never in localStorage.
  client.setPersistSettings(false, 'lcp');
  return client;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The SDK's path template, e.g. `/api/v2/conversations/calls/{conversationId}`. */
  path: string;
  pathParams?: Record<string, string>;
  query?: Record<string, string | boolean | undefined>;
  body?: unknown;
}

/**
 * Calls one platform operation exactly as the SDK's generated API classes do (they are thin
 * wrappers over `ApiClient.callApi`), so requests carry the SDK's auth, gateway and error
 * handling without bundling ~400 generated methods the widget never uses. Resolves with the body.
 *
 * @example
 * const listing = await callOperation<Models.CallConversationEntityListing>(sdk, { method: 'GET', path: '/api/v2/conversations/calls' });
 */
export async function callOperation<T>(sdk: Sdk, op: Operation): Promise<T> {
  const client = await sdk.client();
  const response: unknown = await client.callApi(
    op.path,
    op.method,
    op.pathParams ?? {},
    (op.query ?? {}) as Record<string, never>,
    {},
    {},
    op.body ?? null,
    ['PureCloud OAuth'],
    ['application/json'],
    ['application/json'],
  );
  const extended = response as { body?: T } | null;
  return (
    extended && typeof extended === 'object' && 'body' in extended ? extended.body : response
  ) as T;
}
