import { describe, expect, it } from 'vitest';
import type { PlatformTarget } from '../config/target';
import { checkFraming } from './framing-guard';

const REGION: PlatformTarget = { kind: 'region', environment: 'mypurecloud.ie' };

/** A window as the guard sees it: framed or not, its ancestors (if the browser lists them). */
function fakeWindow(options: {
  framed: boolean;
  ancestorOrigins?: string[];
  referrer?: string;
  storage?: Map<string, string>;
}): Window {
  const self = {} as Window;
  const storage = options.storage ?? new Map<string, string>();
  return Object.assign(self, {
    self,
    top: options.framed ? ({} as Window) : self,
    location: {
      origin: 'https://lcp.example.com',
      ...(options.ancestorOrigins ? { ancestorOrigins: options.ancestorOrigins } : {}),
    },
    document: { referrer: options.referrer ?? '' },
    sessionStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
      key: () => null,
      length: 0,
    },
  });
}

describe('checkFraming', () => {
  it('runs standalone, and framed by the desktop of the target', () => {
    expect(checkFraming(fakeWindow({ framed: false }), REGION)).toEqual({ ok: true });
    expect(
      checkFraming(
        fakeWindow({ framed: true, ancestorOrigins: ['https://apps.mypurecloud.ie'] }),
        REGION,
      ),
    ).toEqual({ ok: true });
    expect(
      checkFraming(fakeWindow({ framed: true, ancestorOrigins: ['http://127.0.0.1:8787'] }), {
        kind: 'emulator',
        url: 'http://127.0.0.1:8787',
      }),
    ).toEqual({ ok: true });
  });

  it('refuses any other page, even one the emulator would accept', () => {
    expect(
      checkFraming(fakeWindow({ framed: true, ancestorOrigins: ['http://localhost:8787'] }), {
        kind: 'emulator',
        url: 'http://127.0.0.1:8787',
      }),
    ).toEqual({ ok: false, origins: ['http://localhost:8787'] });
    expect(
      checkFraming(fakeWindow({ framed: true, ancestorOrigins: ['https://evil.example'] }), REGION),
    ).toEqual({ ok: false, origins: ['https://evil.example'] });
  });

  it('without ancestorOrigins: a return from the sign-in passes only in a frame accepted before', () => {
    const fromLogin = (storage: Map<string, string>) =>
      checkFraming(
        fakeWindow({ framed: true, referrer: 'https://login.mypurecloud.ie/', storage }),
        REGION,
      );
    // Opened straight from the login page in a frame never accepted: refused.
    expect(fromLogin(new Map())).toEqual({ ok: false, origins: ['https://login.mypurecloud.ie'] });
    // Opened by the desktop, then back from a redirect sign-in in the same frame: runs.
    const session = new Map<string, string>();
    expect(
      checkFraming(
        fakeWindow({ framed: true, referrer: 'https://apps.mypurecloud.ie/', storage: session }),
        REGION,
      ),
    ).toEqual({ ok: true });
    expect(fromLogin(session)).toEqual({ ok: true });
    // Another site is still refused there.
    expect(
      checkFraming(
        fakeWindow({ framed: true, referrer: 'https://evil.example/', storage: session }),
        REGION,
      ),
    ).toMatchObject({ ok: false });
  });
});
