import { PlatformError } from './errors';
import type { SdkClient } from './sdk';
import type { AuthSession } from './types';

const STATE_KEY = 'lcp.auth.state';
const CARRY_KEY = 'lcp.auth.carry';
const VERIFIER_KEYS = ['genesys_cloud_sdk_pkce_code_verifier', 'lcp_pkce_code_verifier'];

export interface AuthConfig {
  clientId: string;
  redirectUri: string;
}

export interface SignInResult extends AuthSession {
  /** Launch parameters saved before the redirect to the login page, restored after it. */
  carried: Record<string, string>;
}

interface Browser {
  location: Pick<Location, 'search' | 'pathname' | 'hash'>;
  history: Pick<History, 'replaceState'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  crypto: Pick<Crypto, 'getRandomValues'>;
}

export function randomState(crypto: Pick<Crypto, 'getRandomValues'>): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * PKCE sign-in with the SDK's loginPKCEGrant, plus what it leaves to the app: a random `state`
 * checked on return *before* the code is exchanged, and launch parameters carried across the
 * redirect (the SDK wipes the query string). Resolves with the token, or navigates to login.
 *
 * @example
 * const { accessToken, carried } = await signIn(sdk.client, { clientId, redirectUri }, { gcConversationId });
 */
export async function signIn(
  client: SdkClient,
  config: AuthConfig,
  carry: Record<string, string>,
  browser: Browser = window,
): Promise<SignInResult> {
  const query = new URLSearchParams(browser.location.search);
  const returning = query.has('code') || query.has('error');
  if (returning) {
    const expected = browser.sessionStorage.getItem(STATE_KEY);
    browser.sessionStorage.removeItem(STATE_KEY);
    if (query.has('error')) {
      clearAuthQuery(browser);
      throw new PlatformError(
        'unauthorized',
        query.get('error_description') ?? query.get('error') ?? 'Sign-in failed.',
        {
          code: query.get('error') ?? undefined,
        },
      );
    }
    if (!expected || query.get('state') !== expected) {
      clearAuthQuery(browser);
      for (const key of VERIFIER_KEYS) browser.sessionStorage.removeItem(key);
      throw new PlatformError(
        'invalid',
        'The sign-in response did not match this window’s request, so it was ignored.',
        {
          code: 'state.mismatch',
        },
      );
    }
    const auth = await client.loginPKCEGrant(config.clientId, config.redirectUri, {
      state: expected,
    });
    const carried = readCarried(browser);
    browser.sessionStorage.removeItem(CARRY_KEY);
    return { accessToken: auth.accessToken, expiresAt: auth.tokenExpiryTime, carried };
  }
  const state = randomState(browser.crypto);
  browser.sessionStorage.setItem(STATE_KEY, state);
  browser.sessionStorage.setItem(CARRY_KEY, JSON.stringify(carry));
  // Resolves only if a token is already usable; otherwise the SDK navigates to the login page.
  const auth = await client.loginPKCEGrant(config.clientId, config.redirectUri, { state });
  browser.sessionStorage.removeItem(STATE_KEY);
  browser.sessionStorage.removeItem(CARRY_KEY);
  return { accessToken: auth.accessToken, expiresAt: auth.tokenExpiryTime, carried: carry };
}

/**
 * The launch parameters to use before sign-in: from the URL, or, when this load is the return
 * from the login page (whose URL has only code and state), the ones saved before the redirect.
 */
export function launchCarry(
  fromUrl: Record<string, string>,
  browser: Browser = window,
): Record<string, string> {
  const query = new URLSearchParams(browser.location.search);
  return query.has('code') || query.has('error') ? readCarried(browser) : fromUrl;
}

function readCarried(browser: Browser): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(browser.sessionStorage.getItem(CARRY_KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}

function clearAuthQuery(browser: Browser): void {
  browser.history.replaceState(null, '', browser.location.pathname + browser.location.hash);
}

const POPUP_STATE_KEY = 'lcp.auth.popupState';
const POPUP_STATE_PREFIX = 'popup.';

/** After the window closes, allow this long for the code exchange before calling it abandoned. */
const CLOSED_GRACE_MS = 5_000;

/**
 * Watches the sign-in window the SDK opens: a blocked window (`window.open` returns null) or one
 * the agent closed fails at once instead of after the SDK's two-minute popup timeout.
 */
function watchPopup(win: Window): { failed: Promise<never>; restore(): void } {
  const original = win.open;
  let poll: ReturnType<typeof setInterval> | undefined;
  let fail: (error: PlatformError) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined);
  win.open = ((...args: Parameters<Window['open']>) => {
    const popup = original.apply(win, args);
    if (!popup) {
      fail(
        new PlatformError('unauthorized', 'The sign-in window was blocked.', {
          code: 'popup.blocked',
        }),
      );
      return popup;
    }
    poll = setInterval(() => {
      if (!popup.closed) return;
      clearInterval(poll);
      setTimeout(
        () =>
          fail(
            new PlatformError('unauthorized', 'The sign-in window was closed.', {
              code: 'popup.closed',
            }),
          ),
        CLOSED_GRACE_MS,
      );
    }, 500);
    return popup;
  }) as Window['open'];
  return {
    failed,
    restore: () => {
      win.open = original;
      clearInterval(poll);
    },
  };
}

/**
 * Signs in again in a popup (the SDK's popup mode), so the panel and its state stay on screen.
 * Must run from a click: browsers block windows opened from timers. With a live login session
 * it completes without typing. A blocked or closed window fails fast with a code.
 */
export async function reauthenticate(
  client: SdkClient,
  config: AuthConfig,
  browser: Browser = window,
): Promise<AuthSession> {
  const state = `${POPUP_STATE_PREFIX}${randomState(browser.crypto)}`;
  browser.sessionStorage.setItem(POPUP_STATE_KEY, state);
  client.clearAccessToken();
  const watch = typeof window !== 'undefined' ? watchPopup(window) : undefined;
  try {
    const login = client.loginPKCEGrant(config.clientId, config.redirectUri, {
      state,
      authPopupConfiguration: {
        usePopup: true,
        popupTimeout: 120_000,
        autoClosePopup: true,
        autoClosePopupDelay: 0,
      },
    } as Parameters<SdkClient['loginPKCEGrant']>[2]);
    const auth = await (watch ? Promise.race([login, watch.failed]) : login);
    return { accessToken: auth.accessToken, expiresAt: auth.tokenExpiryTime };
  } catch (error) {
    if (error instanceof PlatformError) throw error;
    const text = error instanceof Error ? error.message : String(error);
    throw new PlatformError('unauthorized', text, {
      code: /popup timeout/i.test(text) ? 'popup.closed' : undefined,
    });
  } finally {
    watch?.restore();
    browser.sessionStorage.removeItem(POPUP_STATE_KEY);
  }
}

/**
 * In the sign-in popup: hands the code to the opener (same origin only) if the state is the one
 * this browser asked for. Returns false when this page is not such a popup.
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
  if (win.sessionStorage.getItem(POPUP_STATE_KEY) !== state) return true;
  (win.opener as Window).postMessage(
    { name: 'gc_auth_popup', type: 'message', search: win.location.search },
    win.location.origin,
  );
  return true;
}

/**
 * The SDK accepts a popup's message from any origin that its redirect URI starts with; this
 * capture-phase guard drops sign-in messages that are not from this exact origin.
 */
export function guardPopupMessages(win: Window = window): void {
  win.addEventListener(
    'message',
    (event) => {
      const data: unknown = event.data;
      const isAuth =
        typeof data === 'object' &&
        data !== null &&
        (data as { name?: unknown }).name === 'gc_auth_popup';
      if (isAuth && event.origin !== win.location.origin) event.stopImmediatePropagation();
    },
    { capture: true },
  );
}
