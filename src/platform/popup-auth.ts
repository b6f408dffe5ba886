import {
  POPUP_STATE_PREFIX,
  randomState,
  refusedSignIn,
  TOKEN_ERRORS,
  type AuthConfig,
} from './auth';
import { PlatformError } from './errors';
import type { SdkClient } from './sdk';
import type { AuthSession } from './types';

/** After the window closes, allow this long for its last message before calling it abandoned. */
const CLOSED_GRACE_MS = 1_000;
const CLOSED_POLL_MS = 500;
/** No answer from an open window for this long: give up (the SDK's popup timeout was 2 min). */
const ANSWER_TIMEOUT_MS = 300_000;
const WINDOW_FEATURES = 'popup=true,width=800,height=700';

/** What a popup sign-in needs of the page (the window, in the browser). */
export interface PopupHost {
  open(url: string, target: string, features: string): PopupWindow | null;
  crypto: Pick<Crypto, 'getRandomValues' | 'subtle'>;
  fetch: typeof fetch;
  now(): number;
}

/** The sign-in window, as the opener sees it. */
export type PopupWindow = Pick<Window, 'closed' | 'close'>;

const browserHost = (): PopupHost => ({
  open: (url, target, features) => window.open(url, target, features),
  crypto: window.crypto,
  fetch: (input, init) => window.fetch(input, init),
  now: () => Date.now(),
});

const fail = (code: 'popup.blocked' | 'popup.closed', text: string) =>
  new PlatformError('unauthorized', text, { code });

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

/** A PKCE pair (RFC 7636, S256): a 128-character verifier and its challenge. */
async function pkce(crypto: PopupHost['crypto']): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(96)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64url(new Uint8Array(digest)) };
}

/** The login host's base URL, as the SDK builds it (a region's login host, or the gateway's). */
const loginBase = (client: SdkClient) =>
  client.config.getConfUrl('login', client.config.authUrl).replace(/\/+$/, '');

/** Fails when the window closes without an answer, or stays open too long without one. */
function watchWindow(popup: PopupWindow): { failed: Promise<never>; stop(): void } {
  let reject: (error: PlatformError) => void = () => undefined;
  const failed = new Promise<never>((_, no) => (reject = no));
  failed.catch(() => undefined);
  const timers: ReturnType<typeof setTimeout>[] = [];
  const poll = setInterval(() => {
    if (!popup.closed) return;
    clearInterval(poll);
    const closed = () => reject(fail('popup.closed', 'The sign-in window was closed.'));
    timers.push(setTimeout(closed, CLOSED_GRACE_MS));
  }, CLOSED_POLL_MS);
  const timedOut = () => reject(fail('popup.closed', 'The sign-in window did not answer.'));
  timers.push(setTimeout(timedOut, ANSWER_TIMEOUT_MS));
  return {
    failed,
    stop: () => {
      clearInterval(poll);
      timers.forEach(clearTimeout);
    },
  };
}

/**
 * Exchanges an authorization code for a token (RFC 6749 §4.1.3 with the PKCE verifier). A refusal
 * keeps only a code the protocol defines; the response's text is never shown nor logged.
 */
async function exchangeCode(
  host: PopupHost,
  url: string,
  form: Record<string, string>,
): Promise<AuthSession> {
  let response: Response;
  try {
    response = await host.fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new PlatformError('network', 'The sign-in could not reach Genesys Cloud.');
  }
  const body = (await response.json().catch(() => ({}))) as {
    access_token?: unknown;
    expires_in?: unknown;
    error?: unknown;
  };
  if (response.ok && typeof body.access_token === 'string' && body.access_token) {
    const seconds = typeof body.expires_in === 'number' ? body.expires_in : 0;
    return { accessToken: body.access_token, expiresAt: host.now() + seconds * 1000 };
  }
  if (response.status >= 500)
    throw new PlatformError('server', 'Genesys Cloud could not sign in.', {
      status: response.status,
    });
  throw refusedSignIn(body.error, TOKEN_ERRORS);
}

/**
 * Signs in in a popup, keeping this page and its state: the panel opens the login page itself,
 * takes the popup's answer through the widget's one guarded listener (this origin, this window,
 * this sign-in's `state`, once) and exchanges the code itself, exactly once. The token the
 * widget is using is replaced only by a new one: a sign-in that fails, is closed or is refused
 * leaves it as it was. The verifier stays in memory, so it works where storage is blocked. Must
 * run from a click: browsers block windows opened from timers. A blocked or closed window fails
 * fast with a code.
 *
 * @example
 * const guard = guardPopupMessages(window);
 * const { accessToken, expiresAt } = await popupSignIn(sdk.client, { clientId, redirectUri }, guard);
 */
export async function popupSignIn(
  client: SdkClient,
  config: AuthConfig,
  guard: PopupGuard,
  host: PopupHost = browserHost(),
): Promise<AuthSession> {
  const state = `${POPUP_STATE_PREFIX}${randomState(host.crypto)}`;
  const { verifier, challenge } = await pkce(host.crypto);
  const login = loginBase(client);
  const query = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    code_challenge: challenge,
    response_type: 'code',
    code_challenge_method: 'S256',
    state,
  });
  const popup = host.open(`${login}/oauth/authorize?${query}`, '_blank', WINDOW_FEATURES);
  if (!popup) throw fail('popup.blocked', 'The sign-in window was blocked.');
  const answer = guard.expect(state, popup);
  const watch = watchWindow(popup);
  try {
    const reply = new URLSearchParams(await Promise.race([answer, watch.failed]));
    watch.stop();
    if (!popup.closed) popup.close();
    const code = reply.get('code');
    if (reply.has('error') || !code) throw refusedSignIn(reply.get('error'));
    const session = await exchangeCode(host, `${login}/oauth/token`, {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      client_id: config.clientId,
      redirect_uri: config.redirectUri,
    });
    client.setAccessToken(session.accessToken);
    return session;
  } finally {
    watch.stop();
    guard.forget(state);
    if (!popup.closed) popup.close();
  }
}

/** The popup sign-ins one widget waits for (memory only), behind its one listener. */
export interface PopupGuard {
  /** Resolves once with the answer (its query string) for `state` from the window `from`. */
  expect(state: string, from: PopupWindow): Promise<string>;
  forget(state: string): void;
  /** Removes the listener (the widget stopped); sign-ins still waiting fail. */
  dispose(): void;
}

/** The query string of a sign-in popup's message (`completePopupSignIn`), if it is one. */
function popupSearch(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as { name?: unknown; type?: unknown; search?: unknown };
  if (message.name !== 'gc_auth_popup' || message.type !== 'message') return undefined;
  return typeof message.search === 'string' ? message.search : undefined;
}

/**
 * The widget's one listener for sign-in popups' messages, added once and removed when the widget
 * stops, so sign-ins never pile listeners up on the page: an answer reaches the sign-in that
 * waits for its `state` only if it comes from this origin and from that sign-in's own window,
 * and only once. Other widgets in the document have their own states and windows.
 *
 * @example
 * const guard = guardPopupMessages(window);
 * await popupSignIn(client, config, guard);
 * guard.dispose();
 */
export function guardPopupMessages(
  win: Pick<Window, 'addEventListener' | 'removeEventListener' | 'location'> = window,
): PopupGuard {
  const waiting = new Map<
    string,
    { from: PopupWindow; resolve(search: string): void; reject(error: Error): void }
  >();
  const listen = (event: MessageEvent) => {
    if (event.origin !== win.location.origin) return;
    const search = popupSearch(event.data);
    const state = new URLSearchParams(search ?? '').get('state') ?? '';
    const pending = waiting.get(state);
    if (search === undefined || !pending || event.source !== pending.from) return;
    waiting.delete(state);
    pending.resolve(search);
  };
  win.addEventListener('message', listen);
  return {
    expect: (state, from) =>
      new Promise((resolve, reject) => waiting.set(state, { from, resolve, reject })),
    forget: (state) => void waiting.delete(state),
    dispose: () => {
      win.removeEventListener('message', listen);
      const stopped = new PlatformError('unauthorized', 'The widget stopped.');
      for (const pending of waiting.values()) pending.reject(stopped);
      waiting.clear();
    },
  };
}
