/**
 * Plain-HTTP helpers for tests that run the widget's own platform code against an emulator whose
 * URL they were given (`inject('emulatorUrl')`): a PKCE sign-in as a browser would do it, and
 * the control plane. Test-only; `src/` never imports the emulator's code.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    emulatorUrl: string;
  }
}

export const TEST_CLIENT_ID = 'lcp-local';
const REDIRECT_URI = 'http://127.0.0.1:5999/callback';

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

/** A token for `email` by the full PKCE path: the sign-in page, its form, the code exchange. */
export async function signInOverHttp(url: string, email: string): Promise<string> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(48)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  const params = new URLSearchParams({
    client_id: TEST_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    code_challenge: base64url(new Uint8Array(digest)),
    response_type: 'code',
    code_challenge_method: 'S256',
    state: 'contract',
  });
  params.set('email', email);
  const submit = await fetch(`${url}/login/oauth/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: params,
    redirect: 'manual',
  });
  const code = new URL(submit.headers.get('location') ?? 'http://x/').searchParams.get('code');
  if (!code) throw new Error(`sign-in gave ${submit.status}`);
  const token = await fetch(`${url}/login/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      client_id: TEST_CLIENT_ID,
      redirect_uri: REDIRECT_URI,
    }),
  });
  const body = (await token.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`token exchange failed: ${JSON.stringify(body)}`);
  return body.access_token;
}

/** One control-plane request (`/__emulator/…`); resolves with its JSON body. */
export async function control<T>(url: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${url}/__emulator${path}`, {
    method,
    headers: {
      'x-emulator-control': '1',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  return (await response.json()) as T;
}
