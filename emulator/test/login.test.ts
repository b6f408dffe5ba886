import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALICE, authorize, CLIENT_ID, pkcePair, REDIRECT_URI, startEmulator } from './harness.js';

let running: Awaited<ReturnType<typeof startEmulator>>;
beforeAll(async () => {
  running = await startEmulator({ tokenTtlSeconds: 900 });
});
afterAll(() => running.stop());
beforeEach(() => running.control.reset());

const authorizeUrl = (overrides: Record<string, string | null> = {}) => {
  const params = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    code_challenge: pkcePair().challenge,
    response_type: 'code',
    code_challenge_method: 'S256',
    state: 'abc',
  });
  for (const [key, value] of Object.entries(overrides)) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  return `${running.url}/login/oauth/authorize?${params}`;
};

const exchange = (fields: Record<string, string>) =>
  fetch(`${running.url}/login/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      ...fields,
    }),
  });

describe('authorize', () => {
  it('shows a sign-in page with an Email field and a Sign in button', async () => {
    const page = await (await fetch(authorizeUrl())).text();
    expect(page).toContain('<label for="email">Email</label>');
    expect(page).toContain('<button type="submit">Sign in</button>');
  });

  it('shows an error page (no redirect) for an unknown client or redirect URI', async () => {
    const unknownClient = await fetch(authorizeUrl({ client_id: 'evil' }), { redirect: 'manual' });
    expect(unknownClient.status).toBe(400);
    const badRedirect = await fetch(authorizeUrl({ redirect_uri: 'https://evil.example/cb' }), {
      redirect: 'manual',
    });
    expect(badRedirect.status).toBe(400);
    expect(await badRedirect.text()).toContain('Redirect not allowed');
  });

  it('accepts localhost and 127.0.0.1 redirect URIs on any port and path', async () => {
    for (const uri of ['http://localhost:1234/a/b', 'http://127.0.0.1:9/']) {
      expect((await fetch(authorizeUrl({ redirect_uri: uri }))).status).toBe(200);
    }
  });

  it('redirects OAuth errors with the state for a missing or non-S256 challenge', async () => {
    const cases: Record<string, string | null>[] = [
      { code_challenge_method: 'plain' },
      { code_challenge: null },
      { response_type: 'token' },
    ];
    for (const overrides of cases) {
      const response = await fetch(authorizeUrl(overrides), { redirect: 'manual' });
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get('location')!);
      expect(location.searchParams.get('error')).toMatch(
        /invalid_request|unsupported_response_type/,
      );
      expect(location.searchParams.get('state')).toBe('abc');
    }
  });

  it('re-renders the page with an alert for an unknown email', async () => {
    const response = await fetch(`${running.url}/login/oauth/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        ...Object.fromEntries(new URL(authorizeUrl()).searchParams),
        email: 'mallory@example.com',
      }),
    });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('role="alert"');
  });
});

describe('token', () => {
  it('issues a bearer token with the configured lifetime and echoes state', async () => {
    const { verifier, challenge } = pkcePair();
    const { code, state } = await authorize(running.url, ALICE, challenge, 'xyz');
    expect(state).toBe('xyz');
    const response = await exchange({ code, code_verifier: verifier });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 900,
    });
  });

  it('codes are single use', async () => {
    const { verifier, challenge } = pkcePair();
    const { code } = await authorize(running.url, ALICE, challenge);
    expect((await exchange({ code, code_verifier: verifier })).status).toBe(200);
    const again = await exchange({ code, code_verifier: verifier });
    expect(again.status).toBe(400);
    expect((await again.json()) as object).toMatchObject({ error: 'invalid_grant' });
  });

  it('codes expire after 60 s on the emulator clock', async () => {
    const { verifier, challenge } = pkcePair();
    const { code } = await authorize(running.url, ALICE, challenge);
    await running.control.advanceClock(60_001);
    const response = await exchange({ code, code_verifier: verifier });
    expect(await response.json()).toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringMatching(/expired/),
    });
  });

  it('rejects a wrong verifier, a changed redirect URI, a bad grant type and an unknown client', async () => {
    const { verifier, challenge } = pkcePair();
    const { code } = await authorize(running.url, ALICE, challenge);
    expect(
      await (await exchange({ code, code_verifier: pkcePair().verifier })).json(),
    ).toMatchObject({ error: 'invalid_grant' });
    expect(
      await (
        await exchange({ code, code_verifier: verifier, redirect_uri: 'http://localhost/x' })
      ).json(),
    ).toMatchObject({
      error: 'invalid_grant',
    });
    expect(await (await exchange({ code, code_verifier: 'short' })).json()).toMatchObject({
      error: 'invalid_request',
    });
    expect(
      await (await exchange({ code, code_verifier: verifier, grant_type: 'password' })).json(),
    ).toMatchObject({
      error: 'unsupported_grant_type',
    });
    const client = await exchange({ code, code_verifier: verifier, client_id: 'other' });
    expect(client.status).toBe(401);
  });
});

describe('sign-in session', () => {
  it('a live session signs in again without the page; logout ends it', async () => {
    const { cookie } = await authorize(running.url, ALICE, pkcePair().challenge);
    const sessionCookie = cookie.split(';')[0]!;
    const again = await fetch(authorizeUrl(), {
      headers: { cookie: sessionCookie },
      redirect: 'manual',
    });
    expect(again.status).toBe(302);
    expect(new URL(again.headers.get('location')!).searchParams.get('code')).toBeTruthy();
    const forced = await fetch(authorizeUrl({ prompt: 'login' }), {
      headers: { cookie: sessionCookie },
      redirect: 'manual',
    });
    expect(forced.status).toBe(200);
    const logout = await fetch(
      `${running.url}/login/logout?client_id=${CLIENT_ID}&redirect_uri=${encodeURIComponent(REDIRECT_URI)}`,
      {
        headers: { cookie: sessionCookie },
        redirect: 'manual',
      },
    );
    expect(logout.status).toBe(302);
    const after = await fetch(authorizeUrl(), {
      headers: { cookie: sessionCookie },
      redirect: 'manual',
    });
    expect(after.status).toBe(200);
  });
});
