import { describe, expect, it } from 'vitest';
import { signInAgainHref } from './sign-in-link';

const ORIGIN = 'http://127.0.0.1:5173';

describe('signInAgainHref', () => {
  it('is the configured redirect path on the widget’s own origin', () => {
    expect(signInAgainHref('https://widgets.example.com/panel/', ORIGIN)).toBe(`${ORIGIN}/panel/`);
    expect(signInAgainHref(`${ORIGIN}/`, ORIGIN)).toBe(`${ORIGIN}/`);
  });

  it('never leads off-site, whatever the path looks like', () => {
    for (const path of [
      '//evil.example/',
      '///evil.example/x',
      '/\\evil.example/',
      '/%2F%2Fevil',
    ]) {
      const href = signInAgainHref(`${ORIGIN}${path}`, ORIGIN);
      expect(new URL(href, 'https://elsewhere.example/').origin).toBe(ORIGIN);
    }
    expect(signInAgainHref('not a url', ORIGIN)).toBe(`${ORIGIN}/`);
  });
});
