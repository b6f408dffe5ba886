import { afterEach, describe, expect, it, vi } from 'vitest';
import { completePopupSignIn, guardPopupMessages } from './auth';

afterEach(() => sessionStorage.clear());

describe('popup sign-in', () => {
  it('drops sign-in messages from any other origin before the SDK sees them', () => {
    guardPopupMessages(window);
    const sdkListener = vi.fn();
    window.addEventListener('message', sdkListener);
    const message = { name: 'gc_auth_popup', type: 'message', search: '?code=x' };
    window.dispatchEvent(
      new MessageEvent('message', { data: message, origin: 'http://localhost:51' }),
    );
    window.dispatchEvent(
      new MessageEvent('message', { data: message, origin: window.location.origin }),
    );
    window.dispatchEvent(
      new MessageEvent('message', { data: { other: true }, origin: 'https://elsewhere.example' }),
    );
    expect(sdkListener.mock.calls.map(([e]) => (e as MessageEvent).origin)).toEqual([
      window.location.origin,
      'https://elsewhere.example',
    ]);
    window.removeEventListener('message', sdkListener);
  });

  const popup = (search: string, opener: { postMessage: ReturnType<typeof vi.fn> } | null) =>
    ({
      location: { search, origin: 'http://127.0.0.1:5173' },
      opener,
      sessionStorage,
    }) as unknown as Window;

  it('hands a matching code to the opener, on this origin only', () => {
    sessionStorage.setItem('lcp.auth.popupState', 'popup.abc');
    const opener = { postMessage: vi.fn() };
    expect(completePopupSignIn(popup('?code=c1&state=popup.abc', opener))).toBe(true);
    expect(opener.postMessage).toHaveBeenCalledWith(
      { name: 'gc_auth_popup', type: 'message', search: '?code=c1&state=popup.abc' },
      'http://127.0.0.1:5173',
    );
  });

  it('swallows a response whose state this browser did not ask for', () => {
    sessionStorage.setItem('lcp.auth.popupState', 'popup.abc');
    const opener = { postMessage: vi.fn() };
    expect(completePopupSignIn(popup('?code=c1&state=popup.forged', opener))).toBe(true);
    expect(opener.postMessage).not.toHaveBeenCalled();
  });

  it('is not a popup without an opener or a popup state', () => {
    expect(completePopupSignIn(popup('?code=c1&state=popup.abc', null))).toBe(false);
    expect(completePopupSignIn(popup('?code=c1&state=plain', { postMessage: vi.fn() }))).toBe(
      false,
    );
  });
});
