/**
 * The emulator as a local server, guarded against the developer's own browser: a page on another
 * site (directly, or through DNS rebinding, where its own name resolves to 127.0.0.1) must not
 * reach the API, the control plane or the sockets. Emulator-only; Genesys Cloud has none of this
 * (FIDELITY.md L1–L6).
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors.js';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);
const HOST = /^(\[[0-9a-f:.]*\]|[^:[\]]*)(?::(\d{1,5}))?$/;
const LOOPBACK_ORIGIN = /^http:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/;
const SHOWN_HOST_MAX = 100;

/**
 * A `Host` header that names a loopback name (127.0.0.1, localhost, [::1]) and, when the port the
 * server listens on is known, that port (no port means 80).
 *
 * @example
 * isLocalHost('localhost:8787', 8787); // true
 * isLocalHost('evil.example:8787', 8787); // false (DNS rebinding)
 */
export function isLocalHost(host: string | undefined, port: number | undefined): boolean {
  const match = HOST.exec((host ?? '').toLowerCase());
  if (!match?.[1] || !LOOPBACK_NAMES.has(match[1])) return false;
  return port === undefined || Number(match[2] ?? 80) === port;
}

/**
 * An `http:` origin on a loopback name, any port: the widget's dev server, its previews, the
 * emulator's own pages and test host pages.
 *
 * @example
 * isLoopbackOrigin('http://127.0.0.1:5173'); // true
 * isLoopbackOrigin('https://evil.example'); // false
 */
export function isLoopbackOrigin(origin: string | undefined): boolean {
  return origin !== undefined && LOOPBACK_ORIGIN.test(origin);
}

/** The port the server listens on, or undefined before `listen` (requests made with `inject`). */
export function listeningPort(app: FastifyInstance): number | undefined {
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : undefined;
}

function foreignHostError(host: string | undefined, port: number | undefined): ApiError {
  const shown = JSON.stringify((host ?? '').slice(0, SHOWN_HOST_MAX));
  return new ApiError(
    421,
    'misdirected.request',
    `This emulator answers only requests for Host 127.0.0.1, localhost or [::1]${
      port === undefined ? '' : ` on port ${port}`
    }; this one was for ${host === undefined ? 'no Host' : shown}.`,
  );
}

/** Refuses (421) every request whose `Host` is not this emulator on a loopback name. */
export function registerHostGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const port = listeningPort(app);
    if (!isLocalHost(request.headers.host, port))
      throw foreignHostError(request.headers.host, port);
  });
}

/**
 * Why a socket upgrade is refused, as a raw HTTP status line, or undefined to let it through: a
 * foreign `Host` (421) or an `Origin` that is present and not a loopback one (403). Clients that
 * are not browsers send no `Origin` and pass.
 */
export function upgradeRefusal(
  request: IncomingMessage,
  port: number | undefined,
): string | undefined {
  if (!isLocalHost(request.headers.host, port)) return '421 Misdirected Request';
  const origin = request.headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin)) return '403 Forbidden';
  return undefined;
}
