import AbstractHttpClient from 'purecloud-platform-client-v2/src/purecloud-platform-client-v2/AbstractHttpClient.js';

/** What the SDK hands its HTTP client (`HttpRequestOptions`). */
interface RequestOptions {
  url: string;
  method: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  data?: unknown;
}

/** The response shape the SDK reads (the axios one: status, statusText, headers, data, text). */
export interface HttpResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  data: unknown;
  text: string;
}

function withParams(url: string, params: Record<string, string> | undefined): string {
  if (!params || Object.keys(params).length === 0) return url;
  const query = new URLSearchParams(params).toString();
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The SDK's HTTP transport on the browser's `fetch`, through its documented extension point
 * (`ApiClient.setHttpClient` with an `AbstractHttpClient`). The SDK's default client wraps
 * axios (~21 KB gzip); this keeps exactly its contract: resolves with
 * `{status, statusText, headers, data, text}` for 2xx, rejects with `{response: …}` otherwise,
 * and with an axios-like network error (`code: 'ERR_NETWORK'` / `'ECONNABORTED'`) when no
 * response came. Response headers are readable only as far as CORS exposes them.
 *
 * @example
 * client.setHttpClient(new FetchHttpClient());
 */
export class FetchHttpClient extends AbstractHttpClient {
  constructor(timeout?: number) {
    super();
    if (typeof timeout === 'number') this.setTimeout(timeout);
  }

  enableHooks(): void {
    // Hooks are an axios interceptor feature the widget does not use.
  }

  async request(options: RequestOptions): Promise<HttpResponse> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeout);
    let response: Response;
    try {
      const data = options.data;
      response = await fetch(withParams(options.url, options.params), {
        method: options.method,
        headers: options.headers,
        body:
          data === undefined || data === null
            ? undefined
            : typeof data === 'string'
              ? data
              : JSON.stringify(data),
        signal: controller.signal,
        credentials: 'omit',
      });
    } catch (error) {
      const aborted = controller.signal.aborted;
      throw Object.assign(new Error(aborted ? 'Request timed out' : 'Network Error'), {
        isAxiosError: true,
        code: aborted ? 'ECONNABORTED' : 'ERR_NETWORK',
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
    const text = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
    const result: HttpResponse = {
      status: response.status,
      statusText: response.statusText,
      headers,
      data: parse(text),
      text,
    };
    if (response.ok) return result;
    throw Object.assign(new Error(`Request failed with status code ${response.status}`), {
      response: result,
    });
  }
}

export default FetchHttpClient;
