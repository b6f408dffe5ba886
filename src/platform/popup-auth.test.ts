import { afterEach, describe, expect, it, vi } from 'vitest';
import { completePopupSignIn } from './auth';
import { guardPopupMessages, popupSignIn } from './popup-auth';
import type { SdkClient } from './sdk';

afterEach(() => vi.restoreAllMocks());

const popupWindow = (search: string, opener: { postMessage: ReturnType<typeof vi.fn> } | null) =>
  ({ location: { search, origin: 'http://127.0.0.1:5173' }, opener }) as unknown as Window;

describe('popup sign-in', () => {
  it('only lets through sign-in messages from this origin whose state this page is waiting for', async () => {
    const guard = guardPopupMessages(window);
    const seen = vi.fn();
    window.addEventListener('message', seen);
    let state = '';
    const client = {
      clearAccessToken: vi.fn(),
      generatePKCECodeVerifier: () => 'v'.repeat(128),
      loginPKCEGrant: vi.fn((_c: string, _r: string, opts: { state: string }) => {
        state = opts.state;
        return new Promise(() => undefined);
      }),
    } as unknown as SdkClient;
    void popupSignIn(client, { clientId: 'c', redirectUri: 'http://localhost/' }, guard);
    const send = (search: string, origin = window.location.origin) =>
      window.dispatchEvent(
        new MessageEvent('message', {
          data: { name: 'gc_auth_popup', type: 'message', search },
          origin,
        }),
      );
    send(`?code=x&state=${state}`, 'http://localhost:51');
    send('?code=x&state=popup.forged');
    send(`?code=x&state=${state}`);
    window.dispatchEvent(
      new MessageEvent('message', { data: { other: true }, origin: 'https://x.example' }),
    );
    expect(seen.mock.calls.map(([e]) => (e as MessageEvent).data)).toEqual([
      { name: 'gc_auth_popup', type: 'message', search: `?code=x&state=${state}` },
      { other: true },
    ]);
    expect(client.loginPKCEGrant).toHaveBeenCalledWith(
      'c',
      'http://localhost/',
      expect.objectContaining({
        authPopupConfiguration: expect.objectContaining({ usePopup: true }),
      }),
      'v'.repeat(128),
    );
    window.removeEventListener('message', seen);
    guard.dispose();
  });

  it('fails fast when the browser blocks the window', async () => {
    const guard = guardPopupMessages(window);
    const realOpen = window.open;
    window.open = () => null;
    const client = {
      clearAccessToken: vi.fn(),
      generatePKCECodeVerifier: () => 'v'.repeat(128),
      loginPKCEGrant: vi.fn(() => {
        window.open('http://login.example/');
        return new Promise(() => undefined);
      }),
    } as unknown as SdkClient;
    try {
      await expect(
        popupSignIn(client, { clientId: 'c', redirectUri: 'http://localhost/' }, guard),
      ).rejects.toMatchObject({ code: 'popup.blocked' });
    } finally {
      window.open = realOpen;
      guard.dispose();
    }
  });

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

  it('keeps each widget’s states: one widget’s guard lets another’s sign-in through, and a stopped widget’s guard is gone', () => {
    const a = guardPopupMessages(window);
    const b = guardPopupMessages(window);
    const seen = vi.fn();
    window.addEventListener('message', seen);
    const send = (state: string) =>
      window.dispatchEvent(
        new MessageEvent('message', {
          data: { name: 'gc_auth_popup', type: 'message', search: `?code=x&state=${state}` },
          origin: window.location.origin,
        }),
      );
    b.expect('popup.of-b');
    send('popup.of-b');
    expect(seen).toHaveBeenCalledTimes(1);
    b.forget('popup.of-b');
    send('popup.of-b');
    expect(seen).toHaveBeenCalledTimes(1);
    a.expect('popup.of-a');
    b.dispose();
    send('popup.of-a');
    expect(seen).toHaveBeenCalledTimes(2);
    a.dispose();
    send('popup.unguarded');
    expect(seen).toHaveBeenCalledTimes(3);
    window.removeEventListener('message', seen);
  });
});
