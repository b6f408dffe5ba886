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

/**
 * One finished request as an observer sees it (the diagnostics trace): never its headers, query
 * or body, so no token, name or number can reach the observer.
 */
export interface HttpExchange {
  method: string;
  /** The URL without its query string. */
  url: string;
  /** The response's status; 0 when no response came (a network error or a timeout). */
  status: number;
  durationMs: number;
  /** The response's `ININ-Correlation-Id`, where CORS lets the browser read it. */
  correlationId?: string;
  /** The error body's `code` of a non-2xx answer (e.g. `too.many.requests.retry.after`). */
  errorCode?: string;
  /** `Retry-After` in seconds, where readable. */
  retryAfterSeconds?: number;
}

/** Told of every request the SDK's transport finished; must not throw (errors are ignored). */
export type HttpObserver = (exchange: HttpExchange) => void;

const ERROR_CODE = /^[\w.-]{1,120}$/;

function errorCodeOf(data: unknown): string | undefined {
  const code =
    typeof data === 'object' && data !== null ? (data as { code?: unknown }).code : undefined;
  return typeof code === 'string' && ERROR_CODE.test(code) ? code : undefined;
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
 * response came. Response headers are readable only as far as CORS exposes them. An `observe`
 * function is told of each finished request (method, URL without query, status, duration,
 * correlation id), never of its headers or body.
 *
 * @example
 * client.setHttpClient(new FetchHttpClient(undefined, (e) => console.warn(e.method, e.status)));
 */
export class FetchHttpClient extends AbstractHttpClient {
  constructor(
    timeout?: number,
    private readonly observe?: HttpObserver,
  ) {
    super();
    if (typeof timeout === 'number') this.setTimeout(timeout);
  }

  enableHooks(): void {
    // Hooks are an axios interceptor feature the widget does not use.
  }

  async request(options: RequestOptions): Promise<HttpResponse> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeout);
    const started = performance.now();
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
      this.tell(options, started, 0);
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
    this.tell(options, started, response.status, headers, response.ok ? undefined : result.data);
    if (response.ok) return result;
    throw Object.assign(new Error(`Request failed with status code ${response.status}`), {
      response: result,
    });
  }

  private tell(
    options: RequestOptions,
    started: number,
    status: number,
    headers: Record<string, string> = {},
    errorBody?: unknown,
  ): void {
    if (!this.observe) return;
    const retryAfter = Number(headers['retry-after']);
    try {
      this.observe({
        method: options.method.toUpperCase(),
        url: options.url.split('?')[0] ?? options.url,
        status,
        durationMs: Math.max(0, Math.round(performance.now() - started)),
        correlationId: headers['inin-correlation-id'],
        errorCode: errorCodeOf(errorBody),
        retryAfterSeconds:
          headers['retry-after'] && Number.isFinite(retryAfter) ? retryAfter : undefined,
      });
    } catch {
      // An observer never breaks a request.
    }
  }
}

export default FetchHttpClient;
