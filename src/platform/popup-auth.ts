import { POPUP_STATE_PREFIX, randomState, type AuthConfig } from './auth';
import { PlatformError } from './errors';
import type { SdkClient } from './sdk';
import type { AuthSession } from './types';

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
 * Signs in in a popup (the SDK's popup mode) with a verifier kept in memory, so it works where
 * storage is blocked and the panel and its state stay on screen. Must run from a click:
 * browsers block windows opened from timers. With a live login session it completes without
 * typing. A blocked or closed window fails fast with a code.
 */
export async function popupSignIn(
  client: SdkClient,
  config: AuthConfig,
  guard: PopupGuard,
  crypto: Pick<Crypto, 'getRandomValues'> = window.crypto,
): Promise<AuthSession> {
  const state = `${POPUP_STATE_PREFIX}${randomState(crypto)}`;
  const verifier = client.generatePKCECodeVerifier(128);
  guard.expect(state);
  client.clearAccessToken();
  const watch = typeof window !== 'undefined' ? watchPopup(window) : undefined;
  try {
    const login = client.loginPKCEGrant(
      config.clientId,
      config.redirectUri,
      {
        state,
        authPopupConfiguration: {
          usePopup: true,
          popupTimeout: 120_000,
          autoClosePopup: true,
          autoClosePopupDelay: 0,
        },
      } as Parameters<SdkClient['loginPKCEGrant']>[2],
      verifier,
    );
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
    guard.forget(state);
  }
}

/** The popup sign-ins one widget waits for (memory only), and its guard on the page's messages. */
export interface PopupGuard {
  expect(state: string): void;
  forget(state: string): void;
  /** Removes the guard's listeners (the widget stopped). */
  dispose(): void;
}

/** Asked on the window: does any widget in this document wait for this state? */
const ASK_EXPECTED = 'lcp:popup-state-expected';
type Ask = CustomEvent<{ state: string; expected: boolean }>;

/**
 * The SDK accepts a popup's message from any origin its redirect URI starts with, whatever the
 * state; this capture-phase guard lets through only sign-in messages from this exact origin
 * whose state a widget in this document is waiting for. Each widget keeps its own states (no
 * state is shared between widgets); a state that is not its own is asked of the others with a
 * synchronous event on the window, so one widget's guard never blocks another's sign-in.
 *
 * @example
 * const guard = guardPopupMessages(window);
 * await popupSignIn(client, config, guard);
 * guard.dispose();
 */
export function guardPopupMessages(win: Window = window): PopupGuard {
  const states = new Set<string>();
  const answer = (event: Event) => {
    const ask = event as Ask;
    if (states.has(ask.detail.state)) ask.detail.expected = true;
  };
  const guard = (event: MessageEvent) => {
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null) return;
    const message = data as { name?: unknown; search?: unknown };
    if (message.name !== 'gc_auth_popup') return;
    const state = new URLSearchParams(typeof message.search === 'string' ? message.search : '').get(
      'state',
    );
    if (event.origin !== win.location.origin || !state) return event.stopImmediatePropagation();
    if (states.has(state)) return;
    const ask: Ask = new CustomEvent(ASK_EXPECTED, { detail: { state, expected: false } });
    win.dispatchEvent(ask);
    if (!ask.detail.expected) event.stopImmediatePropagation();
  };
  win.addEventListener(ASK_EXPECTED, answer);
  win.addEventListener('message', guard, { capture: true });
  return {
    expect: (state) => void states.add(state),
    forget: (state) => void states.delete(state),
    dispose: () => {
      states.clear();
      win.removeEventListener(ASK_EXPECTED, answer);
      win.removeEventListener('message', guard, { capture: true });
    },
  };
}
