import { describe, expect, it, vi } from 'vitest';
import { signIn } from './auth';
import type { SdkClient } from './sdk';

function fakeBrowser(search: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  return {
    location: { search, pathname: '/panel/', hash: '' },
    history: { replaceState: vi.fn() },
    sessionStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
    },
    crypto: { getRandomValues: <T extends ArrayBufferView | null>(a: T) => a },
    storage,
  };
}

const client = (result = { accessToken: 't', tokenExpiryTime: 123 }) =>
  ({ loginPKCEGrant: vi.fn(async () => result) }) as unknown as SdkClient & {
    loginPKCEGrant: ReturnType<typeof vi.fn>;
  };

const config = { clientId: 'lcp-local', redirectUri: 'http://127.0.0.1/panel/' };

describe('signIn', () => {
  it('before the redirect: stores a random state and the launch parameters', async () => {
    const sdk = client();
    const browser = fakeBrowser('?gcConversationId=abc');
    await signIn(sdk, config, { gcConversationId: 'abc' }, browser);
    const [, , opts] = sdk.loginPKCEGrant.mock.calls[0]!;
    expect(opts).toEqual({ state: expect.stringMatching(/^[0-9a-f]{48}$/) });
  });

  it('on return: exchanges the code only when the state matches, and restores the carried parameters', async () => {
    const sdk = client();
    const browser = fakeBrowser('?code=c&state=s1', {
      'lcp.auth.state': 's1',
      'lcp.auth.carry': '{"gcConversationId":"abc"}',
    });
    const result = await signIn(sdk, config, {}, browser);
    expect(result).toEqual({
      accessToken: 't',
      expiresAt: 123,
      carried: { gcConversationId: 'abc' },
    });
    expect(sdk.loginPKCEGrant).toHaveBeenCalledWith('lcp-local', config.redirectUri, {
      state: 's1',
    });
    expect(browser.storage.has('lcp.auth.state')).toBe(false);
  });

  it('refuses a response whose state does not match, without exchanging the code', async () => {
    const sdk = client();
    const browser = fakeBrowser('?code=c&state=forged', {
      'lcp.auth.state': 's1',
      lcp_pkce_code_verifier: 'v',
    });
    await expect(signIn(sdk, config, {}, browser)).rejects.toMatchObject({
      kind: 'invalid',
      code: 'state.mismatch',
    });
    expect(sdk.loginPKCEGrant).not.toHaveBeenCalled();
    expect(browser.history.replaceState).toHaveBeenCalledWith(null, '', '/panel/');
    expect(browser.storage.has('lcp_pkce_code_verifier')).toBe(false);
  });

  it('refuses a response when this tab never asked for one', async () => {
    const sdk = client();
    await expect(signIn(sdk, config, {}, fakeBrowser('?code=c&state=s1'))).rejects.toMatchObject({
      code: 'state.mismatch',
    });
    expect(sdk.loginPKCEGrant).not.toHaveBeenCalled();
  });

  it('reports an OAuth error from the login page in its words', async () => {
    const sdk = client();
    const browser = fakeBrowser('?error=access_denied&error_description=User%20cancelled', {
      'lcp.auth.state': 's1',
    });
    await expect(signIn(sdk, config, {}, browser)).rejects.toMatchObject({
      kind: 'unauthorized',
      message: 'User cancelled',
    });
  });
});
