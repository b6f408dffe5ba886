/**
 * Where "Sign in again" leads after a failed sign-in: the configured redirect URI's path on the
 * widget's own origin, as an absolute URL. Never a path as given: `//evil.example/` as an `href`
 * is a link to another site.
 *
 * @example
 * signInAgainHref('https://widgets.example.com/panel/', window.location.origin); // '<origin>/panel/'
 */
export function signInAgainHref(redirectUri: string, origin: string): string {
  if (!URL.canParse(`${origin}/`)) return '/';
  const href = new URL(`${origin}/`);
  const path = URL.canParse(redirectUri) ? new URL(redirectUri).pathname : '/';
  href.pathname = `/${path.replace(/^\/+/, '')}`;
  return href.href;
}
