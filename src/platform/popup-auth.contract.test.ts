import { beforeEach, describe, expect, inject, it } from 'vitest';
import { control, TEST_CLIENT_ID } from '../testing/emulator-http';
import { guardPopupMessages, popupSignIn, type PopupHost, type PopupWindow } from './popup-auth';
import { callOperation, createSdk, type Sdk } from './sdk';

/**
 * Popup sign-ins against the emulator's real login and token endpoints, in one page that runs
 * many of them: the popup is played by a fetch of the login form (as an agent submitting it),
 * and its answer reaches the page as the redirect page would post it.
 */
const url = inject('emulatorUrl');
const REDIRECT_URI = 'http://127.0.0.1:5999/callback';
const config = { clientId: TEST_CLIENT_ID, redirectUri: REDIRECT_URI };

type Agent = 'signs in' | 'closes the window' | 'declines' | 'replays an old answer';

/** One page: its window (for the guard), its popups as the agent handles them, its requests. */
function page() {
  const win = Object.assign(new EventTarget(), {
    location: { origin: new URL(REDIRECT_URI).origin },
  });
  const guard = guardPopupMessages(win as unknown as Window);
  const record = { tokenRequests: 0, answers: [] as string[] };
  let agent: Agent = 'signs in';
  // As `postMessage` does, the message arrives as a task of its own.
  const post = (source: PopupWindow, search: string) =>
    void setTimeout(() =>
      win.dispatchEvent(
        Object.assign(new Event('message'), {
          origin: win.location.origin,
          source,
          data: { name: 'gc_auth_popup', type: 'message', search },
        }),
      ),
    );
  const handle = async (popup: PopupWindow & { closed: boolean }, authorize: URL) => {
    if (agent === 'closes the window') return void (popup.closed = true);
    const state = authorize.searchParams.get('state') ?? '';
    if (agent === 'declines') return post(popup, `?error=access_denied&state=${state}`);
    if (agent === 'replays an old answer') {
      const old = new URLSearchParams(record.answers.at(-1));
      return post(popup, `?code=${old.get('code') ?? ''}&state=${state}`);
    }
    const form = new URLSearchParams(authorize.searchParams);
    form.set('email', 'alice@example.com');
    const submitted = await fetch(`${url}/login/oauth/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
      redirect: 'manual',
    });
    const search = new URL(submitted.headers.get('location') ?? REDIRECT_URI).search;
    record.answers.push(search);
    post(popup, search);
  };
  const host: PopupHost = {
    open: (address) => {
      const popup = { closed: false, close: () => void (popup.closed = true) };
      void handle(popup, new URL(address));
      return popup;
    },
    crypto,
    fetch: (input, init) => {
      if (String(input).endsWith('/oauth/token')) record.tokenRequests += 1;
      return fetch(input, init);
    },
    now: () => Date.now(),
  };
  return {
    record,
    as: (next: Agent) => void (agent = next),
    signIn: async (sdk: Sdk) => popupSignIn(await sdk.client(), config, guard, host),
    dispose: () => guard.dispose(),
  };
}

/** A closed window is noticed on the code's own (real) timers: a poll, then a short grace. */
const SLOW = 20_000;

const me = (sdk: Sdk) =>
  callOperation<{ email: string }>(sdk, { method: 'GET', path: '/api/v2/users/me' });

beforeEach(async () => {
  await control(url, 'POST', '/reset');
});

describe('popup sign-in against the emulator', () => {
  it(
    'one page, a closed window then four sign-ins: each code is exchanged exactly once',
    async () => {
      const sdk = createSdk({ kind: 'emulator', url });
      const tab = page();
      tab.as('closes the window');
      await expect(tab.signIn(sdk)).rejects.toMatchObject({ code: 'popup.closed' });
      tab.as('signs in');
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        const session = await tab.signIn(sdk);
        expect(tab.record.tokenRequests).toBe(attempt);
        expect(session.expiresAt).toBeGreaterThan(Date.now());
        await expect(me(sdk)).resolves.toMatchObject({ email: 'alice@example.com' });
      }
      tab.dispose();
    },
    SLOW,
  );

  it(
    'a sign-in that fails never touches the token in use',
    async () => {
      const sdk = createSdk({ kind: 'emulator', url });
      const tab = page();
      await tab.signIn(sdk);
      for (const agent of ['replays an old answer', 'declines', 'closes the window'] as const) {
        tab.as(agent);
        await expect(tab.signIn(sdk)).rejects.toMatchObject({ kind: 'unauthorized' });
        await expect(me(sdk)).resolves.toMatchObject({ email: 'alice@example.com' });
      }
      // The replayed code was sent once and refused (invalid_grant); the others sent nothing.
      expect(tab.record.tokenRequests).toBe(2);
      tab.as('signs in');
      await tab.signIn(sdk);
      expect(tab.record.tokenRequests).toBe(3);
      await expect(me(sdk)).resolves.toMatchObject({ email: 'alice@example.com' });
      tab.dispose();
    },
    SLOW,
  );
});
