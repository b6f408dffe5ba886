import { PlatformError } from './errors';
import { sessionStore, type SafeStorage } from './safe-storage';
import type { SdkClient } from './sdk';
import type { AuthSession } from './types';

/** One pending redirect sign-in per `state`, so instances sharing a tab never clash. */
const PENDING_PREFIX = 'lcp.auth.pending.';
/** Popup sign-ins' states start with this (see `popup-auth.ts`, its own chunk). */
export const POPUP_STATE_PREFIX = 'popup.';
/** Pending sign-ins older than this are leftovers (an abandoned login page). */
const PENDING_TTL_MS = 30 * 60_000;

export interface AuthConfig {
  clientId: string;
  redirectUri: string;
  /** Sign in through a popup opened from a click (`gcUsePopupAuth`, or no usable storage). */
  popup?: boolean;
}

export interface SignInResult extends AuthSession {
  /** Launch parameters saved before the redirect to the login page, restored after it. */
  carried: Record<string, string>;
}

export interface Browser {
  location: Pick<Location, 'search' | 'pathname' | 'hash'>;
  history: Pick<History, 'replaceState'>;
  crypto: Pick<Crypto, 'getRandomValues'>;
  storage: SafeStorage;
  now(): number;
}

interface PendingSignIn {
  verifier: string;
  carry: Record<string, string>;
  at: number;
}

const defaultBrowser = (): Browser => ({
  location: window.location,
  history: window.history,
  crypto: window.crypto,
  storage: sessionStore(),
  now: () => Date.now(),
});

export function randomState(crypto: Pick<Crypto, 'getRandomValues'>): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The `error` codes of an authorization response (RFC 6749 §4.1.2.1). */
export const AUTHORIZE_ERRORS: ReadonlySet<string> = new Set([
  'invalid_request',
  'unauthorized_client',
  'access_denied',
  'unsupported_response_type',
  'invalid_scope',
  'server_error',
  'temporarily_unavailable',
]);

/** The `error` codes of a token response (RFC 6749 §5.2). */
export const TOKEN_ERRORS: ReadonlySet<string> = new Set([
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
]);

/**
 * A refused sign-in. Whoever sends the agent to the redirect page chooses its `error` and
 * `error_description`, so the error keeps the code only when the protocol defines it and never
 * carries the sender's text: the panel explains known codes and says something generic otherwise.
 *
 * @example
 * throw refusedSignIn(query.get('error')); // code 'access_denied', or none for anything else
 */
export function refusedSignIn(
  error: unknown,
  known: ReadonlySet<string> = AUTHORIZE_ERRORS,
): PlatformError {
  const code = typeof error === 'string' && known.has(error) ? error : undefined;
  return new PlatformError(
    'unauthorized',
    code ? `Genesys Cloud refused the sign-in (${code}).` : 'Genesys Cloud refused the sign-in.',
    { code },
  );
}

/** The sign-in needs the agent's click (popup mode, or storage unavailable for a redirect). */
const needsClick = () =>
  new PlatformError('unauthorized', 'Sign-in needs a click.', { code: 'signIn.needsClick' });

/**
 * PKCE sign-in with the SDK's loginPKCEGrant, plus what it leaves to the app: a random `state`
 * checked on return *before* the code is exchanged, a PKCE verifier made and kept per sign-in
 * (passed to the SDK, so two widget instances in one tab never overwrite each other's), and the
 * launch parameters carried across the redirect (the SDK wipes the query string). Resolves with
 * the token, or navigates to the login page. In popup mode, or when storage is unusable (a
 * third-party iframe may have none), it rejects with `signIn.needsClick`: sign in with
 * `popupSignIn` from a click instead.
 *
 * @example
 * const { accessToken, carried } = await signIn(sdk.client, { clientId, redirectUri }, { gcConversationId });
 */
export async function signIn(
  client: SdkClient,
  config: AuthConfig,
  carry: Record<string, string>,
  browser: Browser = defaultBrowser(),
): Promise<SignInResult> {
  const query = new URLSearchParams(browser.location.search);
  if (query.has('code') || query.has('error'))
    return finishRedirect(client, config, query, browser);
  if (config.popup || !browser.storage.available) throw needsClick();
  forgetStale(browser);
  const state = randomState(browser.crypto);
  const verifier = client.generatePKCECodeVerifier(128);
  const pending: PendingSignIn = { verifier, carry, at: browser.now() };
  if (!browser.storage.set(PENDING_PREFIX + state, JSON.stringify(pending))) throw needsClick();
  // Resolves only if a token is already usable; otherwise the SDK navigates to the login page.
  const auth = await client.loginPKCEGrant(
    config.clientId,
    config.redirectUri,
    { state },
    verifier,
  );
  browser.storage.remove(PENDING_PREFIX + state);
  return { accessToken: auth.accessToken, expiresAt: auth.tokenExpiryTime, carried: carry };
}

async function finishRedirect(
  client: SdkClient,
  config: AuthConfig,
  query: URLSearchParams,
  browser: Browser,
): Promise<SignInResult> {
  const state = query.get('state') ?? '';
  const pending = readPending(browser, state);
  browser.storage.remove(PENDING_PREFIX + state);
  // The state first: a response this window never asked for is ignored, error or code.
  if (!pending) {
    clearAuthQuery(browser);
    throw new PlatformError(
      'invalid',
      'The sign-in response did not match this window’s request, so it was ignored.',
      { code: 'state.mismatch' },
    );
  }
  if (query.has('error')) {
    clearAuthQuery(browser);
    throw refusedSignIn(query.get('error'));
  }
  const auth = await client.loginPKCEGrant(
    config.clientId,
    config.redirectUri,
    { state },
    pending.verifier,
  );
  return { accessToken: auth.accessToken, expiresAt: auth.tokenExpiryTime, carried: pending.carry };
}

/**
 * The launch parameters to use before sign-in: from the URL, or, when this load is the return
 * from the login page (whose URL has only code and state), the ones saved for that state.
 */
export function launchCarry(
  fromUrl: Record<string, string>,
  browser: Browser = defaultBrowser(),
): Record<string, string> {
  const query = new URLSearchParams(browser.location.search);
  if (!(query.has('code') || query.has('error'))) return fromUrl;
  return readPending(browser, query.get('state') ?? '')?.carry ?? {};
}

function readPending(browser: Browser, state: string): PendingSignIn | undefined {
  if (!state) return undefined;
  try {
    const parsed: unknown = JSON.parse(browser.storage.get(PENDING_PREFIX + state) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { verifier, carry, at } = parsed as Partial<PendingSignIn>;
    if (typeof verifier !== 'string' || typeof at !== 'number') return undefined;
    if (browser.now() - at > PENDING_TTL_MS) return undefined;
    const strings = Object.entries(typeof carry === 'object' && carry ? carry : {}).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    );
    return { verifier, carry: Object.fromEntries(strings), at };
  } catch {
    return undefined;
  }
}

function forgetStale(browser: Browser): void {
  for (const key of browser.storage.keys(PENDING_PREFIX)) {
    const state = key.slice(PENDING_PREFIX.length);
    if (!readPending(browser, state)) browser.storage.remove(key);
  }
}

function clearAuthQuery(browser: Browser): void {
  browser.history.replaceState(null, '', browser.location.pathname + browser.location.hash);
}

/**
 * In the sign-in popup: hands the code and state to the opener, on this origin only. The opener
 * checks the state against the sign-in it started (in memory) before the code is exchanged, so
 * nothing here needs storage. Returns false when this page is not such a popup.
 */
export function completePopupSignIn(win: Window = window): boolean {
  const query = new URLSearchParams(win.location.search);
  const state = query.get('state') ?? '';
  if (
    !win.opener ||
    !state.startsWith(POPUP_STATE_PREFIX) ||
    !(query.has('code') || query.has('error'))
  )
    return false;
  (win.opener as Window).postMessage(
    { name: 'gc_auth_popup', type: 'message', search: win.location.search },
    win.location.origin,
  );
  return true;
}
