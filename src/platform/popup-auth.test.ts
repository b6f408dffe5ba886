import { webcrypto } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { completePopupSignIn } from './auth';
import type { PlatformError } from './errors';
import { guardPopupMessages, popupSignIn, type PopupHost } from './popup-auth';
import type { SdkClient } from './sdk';

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

const popupWindow = (search: string, opener: { postMessage: ReturnType<typeof vi.fn> } | null) =>
  ({ location: { search, origin: 'http://127.0.0.1:5173' }, opener }) as unknown as Window;

/** A real window other than this one, standing in for a sign-in popup (a frame's window). */
function otherWindow(): Window {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  return frame.contentWindow!;
}

const answer = (source: Window, search: string, origin = window.location.origin) =>
  window.dispatchEvent(
    new MessageEvent('message', {
      data: { name: 'gc_auth_popup', type: 'message', search },
      origin,
      source,
    }),
  );

const sdk = () =>
  ({
    config: { getConfUrl: () => 'http://login.example/login', authUrl: '' },
    setAccessToken: vi.fn(),
  }) as unknown as SdkClient & { setAccessToken: ReturnType<typeof vi.fn> };

const config = { clientId: 'c', redirectUri: 'http://localhost/' };

function host(popup: { closed: boolean; close(): void } | null) {
  const opened: string[] = [];
  const fetch = vi.fn(() => Promise.reject(new Error('no network in this test')));
  const value: PopupHost = {
    open: (url) => {
      opened.push(url);
      return popup;
    },
    crypto: webcrypto as unknown as PopupHost['crypto'],
    fetch,
    now: () => 0,
  };
  return { value, opened, fetch };
}

describe('guardPopupMessages', () => {
  it('hands an answer to the sign-in waiting for its state, from its own window on this origin, once', async () => {
    const guard = guardPopupMessages(window);
    const popup = otherWindow();
    const forger = otherWindow();
    const got = vi.fn();
    void guard.expect('popup.s1', popup).then(got);
    answer(popup, '?code=x&state=popup.s1', 'http://localhost:51');
    answer(forger, '?code=x&state=popup.s1');
    answer(popup, '?code=x&state=popup.other');
    answer(popup, '?code=mine&state=popup.s1');
    answer(popup, '?code=again&state=popup.s1');
    await vi.waitFor(() => expect(got).toHaveBeenCalled());
    expect(got.mock.calls).toEqual([['?code=mine&state=popup.s1']]);
    guard.dispose();
  });

  it('adds one listener for all of a widget’s sign-ins, and removes it when the widget stops', async () => {
    const add = vi.spyOn(window, 'addEventListener');
    const remove = vi.spyOn(window, 'removeEventListener');
    const guard = guardPopupMessages(window);
    const popup = otherWindow();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const waiting = guard.expect(`popup.s${attempt}`, popup);
      answer(popup, `?code=c${attempt}&state=popup.s${attempt}`);
      await expect(waiting).resolves.toBe(`?code=c${attempt}&state=popup.s${attempt}`);
      guard.forget(`popup.s${attempt}`);
    }
    const stopped = guard.expect('popup.left', popup);
    guard.dispose();
    await expect(stopped).rejects.toThrow('The widget stopped.');
    const messages = (spy: typeof add) => spy.mock.calls.filter(([type]) => type === 'message');
    expect(messages(add)).toHaveLength(1);
    expect(messages(remove)).toEqual(messages(add));
  });
});

describe('popupSignIn', () => {
  it('opens the login page with PKCE S256 and a fresh popup state', async () => {
    const guard = guardPopupMessages(window);
    const { value, opened } = host(null);
    await expect(popupSignIn(sdk(), config, guard, value)).rejects.toBeDefined();
    const url = new URL(opened[0]!);
    expect(url.origin + url.pathname).toBe('http://login.example/login/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'c',
      redirect_uri: 'http://localhost/',
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      response_type: 'code',
      code_challenge_method: 'S256',
      state: expect.stringMatching(/^popup\.[0-9a-f]{48}$/),
    });
    guard.dispose();
  });

  it('fails fast when the browser blocks the window', async () => {
    const guard = guardPopupMessages(window);
    const client = sdk();
    await expect(popupSignIn(client, config, guard, host(null).value)).rejects.toMatchObject({
      code: 'popup.blocked',
    });
    expect(client.setAccessToken).not.toHaveBeenCalled();
    guard.dispose();
  });

  it('fails when the agent closes the window, leaving the token in use as it was', async () => {
    vi.useFakeTimers();
    const guard = guardPopupMessages(window);
    const client = sdk();
    const popup = { closed: false, close: vi.fn() };
    const { value, fetch, opened } = host(popup);
    const signIn = popupSignIn(client, config, guard, value);
    const outcome = expect(signIn).rejects.toMatchObject({ code: 'popup.closed' });
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    popup.closed = true;
    await vi.runAllTimersAsync();
    await outcome;
    expect(fetch).not.toHaveBeenCalled();
    expect(client.setAccessToken).not.toHaveBeenCalled();
    guard.dispose();
  });

  it('reports a refusal by its OAuth code only, without exchanging anything', async () => {
    const guard = guardPopupMessages(window);
    const client = sdk();
    const popup = otherWindow();
    const opened: string[] = [];
    const { value, fetch } = host(null);
    value.open = (url) => {
      opened.push(url);
      return popup;
    };
    const signIn = popupSignIn(client, config, guard, value);
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    const state = new URL(opened[0]!).searchParams.get('state')!;
    answer(popup, `?error=Call+555&error_description=Call+555&state=${state}`);
    const error = await signIn.then(
      () => expect.fail('the sign-in should have been refused'),
      (e: unknown) => e as PlatformError,
    );
    expect(error).toMatchObject({ kind: 'unauthorized', code: undefined });
    expect(error.message).not.toContain('555');
    expect(fetch).not.toHaveBeenCalled();
    expect(client.setAccessToken).not.toHaveBeenCalled();
    guard.dispose();
  });
});

describe('completePopupSignIn', () => {
  it('the popup hands code and state to the opener on its own origin, without storage', () => {
    const opener = { postMessage: vi.fn() };
    expect(completePopupSignIn(popupWindow('?code=c1&state=popup.abc', opener))).toBe(true);
    expect(opener.postMessage).toHaveBeenCalledWith(
      { name: 'gc_auth_popup', type: 'message', search: '?code=c1&state=popup.abc' },
      'http://127.0.0.1:5173',
    );
  });

  it('is not a popup without an opener or a popup state', () => {
    expect(completePopupSignIn(popupWindow('?code=c1&state=popup.abc', null))).toBe(false);
    expect(completePopupSignIn(popupWindow('?code=c1&state=plain', { postMessage: vi.fn() }))).toBe(
      false,
    );
  });
});
