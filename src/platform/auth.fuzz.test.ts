import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { FUZZ_RUNS, hostileString } from '../testing/fuzz';
import { launchCarry, signIn, type Browser } from './auth';
import { PlatformError } from './errors';
import { safeStorage } from './safe-storage';
import type { SdkClient } from './sdk';

/**
 * The OAuth redirect parameters (`code`, `state`, `error`, `error_description`) as they come
 * back to the widget's page: fuzzed against one pending sign-in of state `s1`. The parsing lives
 * in auth.ts; this file only drives its exported functions.
 */
const NOW = 10_000_000;
const PENDING = { verifier: 'v1', carry: { gcConversationId: 'abc' }, at: NOW };

function browserAt(search: string, stored: Record<string, string>): Browser {
  const map = new Map(Object.entries(stored));
  return {
    location: { search, pathname: '/panel/', hash: '' },
    history: { replaceState: vi.fn() },
    crypto: { getRandomValues: <T extends ArrayBufferView | null>(a: T) => a },
    storage: safeStorage(() => ({
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
      key: (i: number) => [...map.keys()][i] ?? null,
      get length() {
        return map.size;
      },
    })),
    now: () => NOW,
  };
}

const param = fc.oneof(
  hostileString,
  fc.constantFrom('s1', 'S1', 's1 ', 'c', 'access_denied', 'invalid_request', 'server_error'),
);
/** A return URL's query: any of the four parameters, repeated or not, in any order. */
const redirectQuery = fc
  .array(
    fc.tuple(
      fc.constantFrom('code', 'state', 'error', 'error_description', 'session_state', 'x'),
      param,
    ),
    { maxLength: 6 },
  )
  .map((pairs) => `?${new URLSearchParams(pairs).toString()}`);
/** What storage may hold for a state: the real record, or a damaged one. */
const stored = fc.oneof(
  fc.constant(JSON.stringify(PENDING)),
  fc.constantFrom('', 'null', '[]', '{', '{"verifier":1}', JSON.stringify({ ...PENDING, at: 0 })),
  fc.anything().map((v) => JSON.stringify(v) ?? ''),
);

describe('OAuth redirect parameters: fuzzed', () => {
  it('a code is exchanged only for this tab’s own state, with its verifier; anything else is refused as a PlatformError', async () => {
    await fc.assert(
      fc.asyncProperty(redirectQuery, stored, async (search, record) => {
        const loginPKCEGrant = vi.fn(async () => ({ accessToken: 't', tokenExpiryTime: 1 }));
        const client = {
          loginPKCEGrant,
          generatePKCECodeVerifier: () => 'v'.repeat(128),
        } as unknown as SdkClient;
        const browser = browserAt(search, { 'lcp.auth.pending.s1': record });
        const query = new URLSearchParams(search);
        const outcome = await signIn(client, { clientId: 'c', redirectUri: 'r' }, {}, browser).then(
          (result) => ({ result }),
          (error: unknown) => ({ error }),
        );
        const returning = query.has('code') || query.has('error');
        const ownState = query.get('state') === 's1' && record === JSON.stringify(PENDING);
        if ('error' in outcome) expect(outcome.error).toBeInstanceOf(PlatformError);
        if (returning && (!ownState || query.has('error'))) {
          expect(loginPKCEGrant).not.toHaveBeenCalled();
          expect('error' in outcome).toBe(true);
        }
        if (loginPKCEGrant.mock.calls.length > 0 && returning)
          expect(loginPKCEGrant).toHaveBeenCalledWith('c', 'r', { state: 's1' }, 'v1');
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('launch parameters carried across the redirect are only ever strings of this tab’s own sign-in', () => {
    fc.assert(
      fc.property(redirectQuery, stored, (search, record) => {
        const carried = launchCarry(
          { gcLangTag: 'de' },
          browserAt(search, { 'lcp.auth.pending.s1': record }),
        );
        for (const value of Object.values(carried)) expect(typeof value).toBe('string');
        const query = new URLSearchParams(search);
        if ((query.has('code') || query.has('error')) && query.get('state') !== 's1')
          expect(carried).toEqual({});
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
