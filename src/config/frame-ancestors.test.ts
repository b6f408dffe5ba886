import { describe, expect, it } from 'vitest';
import { frameAncestorOrigins, framingVerdict } from './frame-ancestors';

const DESKTOP = ['https://apps.mypurecloud.ie'];

describe('frameAncestorOrigins', () => {
  it('is the desktop of the region, or the emulator’s own origin', () => {
    expect(frameAncestorOrigins({ kind: 'region', environment: 'mypurecloud.ie' })).toEqual(
      DESKTOP,
    );
    expect(frameAncestorOrigins({ kind: 'emulator', url: 'http://127.0.0.1:8787/x' })).toEqual([
      'http://127.0.0.1:8787',
    ]);
  });
});

describe('framingVerdict', () => {
  it('lets a page that is not framed run', () => {
    expect(framingVerdict({ framed: false, referrer: 'https://evil.example/' }, DESKTOP)).toEqual({
      ok: true,
    });
  });

  it('runs only when every ancestor is the desktop, and names those that are not', () => {
    const framed = (ancestorOrigins: string[]) =>
      framingVerdict({ framed: true, ancestorOrigins, referrer: '' }, DESKTOP);
    expect(framed(['https://apps.mypurecloud.ie'])).toEqual({ ok: true });
    expect(framed(['https://evil.example'])).toEqual({
      ok: false,
      origins: ['https://evil.example'],
    });
    // The desktop framed by another site (or the other way round) is refused too.
    expect(framed(['https://apps.mypurecloud.ie', 'https://evil.example'])).toEqual({
      ok: false,
      origins: ['https://evil.example'],
    });
    expect(framed(['https://evil.example', 'https://apps.mypurecloud.ie'])).toMatchObject({
      ok: false,
    });
    expect(framed(['https://apps.mypurecloud.de'])).toMatchObject({ ok: false });
    expect(framed(['http://apps.mypurecloud.ie'])).toMatchObject({ ok: false });
    expect(framed(['null'])).toEqual({ ok: false, origins: ['null'] });
    expect(framed([])).toEqual({ ok: false, origins: ['null'] });
  });

  it('without ancestorOrigins, checks the parent through the referrer', () => {
    const framed = (referrer: string, referrers: string[] = []) =>
      framingVerdict({ framed: true, referrer }, DESKTOP, referrers);
    expect(framed('https://apps.mypurecloud.ie/directory/#/x')).toEqual({ ok: true });
    expect(framed('https://evil.example/page')).toEqual({
      ok: false,
      origins: ['https://evil.example'],
    });
    expect(framed('')).toEqual({ ok: false, origins: ['null'] });
    expect(framed('https://login.mypurecloud.ie/')).toMatchObject({ ok: false });
    expect(framed('https://login.mypurecloud.ie/', ['https://login.mypurecloud.ie'])).toEqual({
      ok: true,
    });
  });

  it('never takes the extra referrers as ancestors', () => {
    expect(
      framingVerdict(
        { framed: true, ancestorOrigins: ['https://login.mypurecloud.ie'], referrer: '' },
        DESKTOP,
        ['https://login.mypurecloud.ie'],
      ),
    ).toMatchObject({ ok: false });
  });
});
