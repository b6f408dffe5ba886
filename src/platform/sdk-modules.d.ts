/**
 * A deep import of the SDK's ES module for ApiClient: the package's browser build carries every
 * API group. Types come from the package itself.
 */
declare module 'purecloud-platform-client-v2/src/purecloud-platform-client-v2/ApiClient.js' {
  import type platformClient from 'purecloud-platform-client-v2';
  const ApiClient: new () => typeof platformClient.ApiClient;
  export default ApiClient;
}

/** The SDK's base class for pluggable HTTP clients (`ApiClient.setHttpClient`). */
declare module 'purecloud-platform-client-v2/src/purecloud-platform-client-v2/AbstractHttpClient.js' {
  export default class AbstractHttpClient {
    timeout: number;
    setTimeout(timeout: number): void;
    request(options: unknown): Promise<unknown>;
    enableHooks(): void;
  }
}
