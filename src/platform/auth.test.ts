import { describe, expect, it, vi } from 'vitest';
import { launchCarry, signIn, type Browser } from './auth';
import type { PlatformError } from './errors';
import { safeStorage } from './safe-storage';
import type { SdkClient } from './sdk';

function memoryStorage(stored: Record<string, string> = {}) {
  const map = new Map(Object.entries(stored));
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    key: (i: number) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

function fakeBrowser(search: string, stored: Record<string, string> = {}, blocked = false) {
  const raw = memoryStorage(stored);
  const browser: Browser & { raw: typeof raw; replaceState: ReturnType<typeof vi.fn> } = {
    location: { search, pathname: '/panel/', hash: '' },
    history: { replaceState: vi.fn() },
    crypto: { getRandomValues: <T extends ArrayBufferView | null>(a: T) => a },
    storage: safeStorage(() => {
      if (blocked) throw new DOMException('blocked', 'SecurityError');
      return raw;
    }),
    now: () => 1_000_000,
    raw,
    replaceState: vi.fn(),
  };
  browser.replaceState = browser.history.replaceState as ReturnType<typeof vi.fn>;
  return browser;
}

const client = (result = { accessToken: 't', tokenExpiryTime: 123 }) =>
  ({
    loginPKCEGrant: vi.fn(async () => result),
    generatePKCECodeVerifier: vi.fn(() => 'v'.repeat(128)),
  }) as unknown as SdkClient & { loginPKCEGrant: ReturnType<typeof vi.fn> };

const config = { clientId: 'lcp-local', redirectUri: 'http://127.0.0.1/panel/' };
const pending = (carry: Record<string, string>, at = 1_000_000, verifier = 'v1') =>
  JSON.stringify({ verifier, carry, at });

describe('signIn', () => {
  it('before the redirect: a random state, and a verifier and the launch parameters kept for that state', async () => {
    const sdk = client();
    const browser = fakeBrowser('?gcConversationId=abc');
    await signIn(sdk, config, { gcConversationId: 'abc' }, browser);
    const [, , opts, verifier] = sdk.loginPKCEGrant.mock.calls[0]!;
    expect(opts).toEqual({ state: expect.stringMatching(/^[0-9a-f]{48}$/) });
    expect(verifier).toBe('v'.repeat(128));
  });

  it('keeps one pending sign-in per state, so two instances in one tab do not clash', async () => {
    const never = () =>
      ({
        loginPKCEGrant: vi.fn(() => new Promise(() => undefined)),
        generatePKCECodeVerifier: vi.fn(() => `${Math.random()}`),
      }) as unknown as SdkClient;
    const raw = memoryStorage();
    let n = 0;
    const browser = (): Browser => ({
      ...fakeBrowser(''),
      storage: safeStorage(() => raw),
      crypto: {
        getRandomValues: <T extends ArrayBufferView | null>(a: T) => {
          (a as unknown as Uint8Array).fill((n += 1));
          return a;
        },
      },
    });
    void signIn(never(), config, { gcConversationId: 'one' }, browser());
    void signIn(never(), config, { gcConversationId: 'two' }, browser());
    await Promise.resolve();
    const records = [...raw.map.values()].map((v) => JSON.parse(v) as { carry: object });
    expect(records.map((r) => r.carry)).toEqual([
      { gcConversationId: 'one' },
      { gcConversationId: 'two' },
    ]);
  });

  it('on return: exchanges the code with that state’s verifier, and restores its launch parameters', async () => {
    const sdk = client();
    const browser = fakeBrowser('?code=c&state=s1', {
      'lcp.auth.pending.s1': pending({ gcConversationId: 'abc' }),
      'lcp.auth.pending.s2': pending({ gcConversationId: 'other' }, 1_000_000, 'v2'),
    });
    expect(launchCarry({}, browser)).toEqual({ gcConversationId: 'abc' });
    const result = await signIn(sdk, config, {}, browser);
    expect(result).toEqual({
      accessToken: 't',
      expiresAt: 123,
      carried: { gcConversationId: 'abc' },
    });
    expect(sdk.loginPKCEGrant).toHaveBeenCalledWith(
      'lcp-local',
      config.redirectUri,
      { state: 's1' },
      'v1',
    );
    expect(browser.raw.map.has('lcp.auth.pending.s1')).toBe(false);
    expect(browser.raw.map.has('lcp.auth.pending.s2')).toBe(true);
  });

  it('refuses a response whose state this tab did not start (or that is stale), without exchanging the code', async () => {
    const cases: Record<string, string>[] = [
      {},
      { 'lcp.auth.pending.s1': pending({}) },
      { 'lcp.auth.pending.forged': pending({}, 1_000_000 - 31 * 60_000) },
    ];
    for (const stored of cases) {
      const sdk = client();
      const browser = fakeBrowser('?code=c&state=forged', stored);
      await expect(signIn(sdk, config, {}, browser)).rejects.toMatchObject({
        kind: 'invalid',
        code: 'state.mismatch',
      });
      expect(sdk.loginPKCEGrant).not.toHaveBeenCalled();
      expect(browser.history.replaceState).toHaveBeenCalledWith(null, '', '/panel/');
    }
  });

  it('reports an OAuth error from the login page by its code, never in the sender’s words', async () => {
    const refused = (error: string) =>
      signIn(
        client(),
        config,
        {},
        fakeBrowser(
          `?${new URLSearchParams({ error, error_description: 'Call +1 555 0100', state: 's1' })}`,
          { 'lcp.auth.pending.s1': pending({}) },
        ),
      ).then(
        () => expect.fail('the sign-in should have been refused'),
        (e: unknown) => e as PlatformError,
      );
    for (const code of ['access_denied', 'invalid_scope', 'temporarily_unavailable'])
      expect(await refused(code)).toMatchObject({ kind: 'unauthorized', code });
    for (const forged of ['Call +1 555 0100', 'invalid_grant', 'ACCESS_DENIED', '']) {
      const error = await refused(forged);
      expect(error).toMatchObject({ kind: 'unauthorized', code: undefined });
      expect(error.message).not.toMatch(/555|grant|ACCESS/);
    }
  });

  it('ignores an OAuth error whose state this tab did not start', async () => {
    const browser = fakeBrowser('?error=access_denied&state=forged', {
      'lcp.auth.pending.s1': pending({}),
    });
    await expect(signIn(client(), config, {}, browser)).rejects.toMatchObject({
      code: 'state.mismatch',
    });
    expect(browser.history.replaceState).toHaveBeenCalledWith(null, '', '/panel/');
  });

  it('asks for a click (popup sign-in) in popup mode, or when storage is blocked — never throws on storage', async () => {
    const sdk = client();
    await expect(
      signIn(sdk, { ...config, popup: true }, {}, fakeBrowser('')),
    ).rejects.toMatchObject({
      code: 'signIn.needsClick',
    });
    await expect(signIn(sdk, config, {}, fakeBrowser('', {}, true))).rejects.toMatchObject({
      code: 'signIn.needsClick',
    });
    expect(launchCarry({ a: 'b' }, fakeBrowser('?code=c&state=s', {}, true))).toEqual({});
    expect(sdk.loginPKCEGrant).not.toHaveBeenCalled();
  });
});
