import { createElement, lazy, type ComponentType, type LazyExoticComponent } from 'react';

type Module<P> = { default: ComponentType<P> };
type Loader<P> = () => Promise<Module<P>>;

/** A lazy component whose chunk can be imported again after its import failed. */
export interface RetryableLazy<P extends object> {
  (props: P): ReturnType<typeof createElement>;
  /**
   * Forgets a failed import so that the next render asks the network again (React keeps a
   * rejected `lazy` rejected for ever). Does nothing while the import has not failed.
   */
  retry(): void;
}

/** How a retry imports a chunk by its address (a seam for tests; the browser's `import()`). */
export type UrlImporter = (url: string) => Promise<unknown>;

const browserImport: UrlImporter = (url) => import(/* @vite-ignore */ url);

/**
 * The address of the chunk a failed dynamic import names ("Failed to fetch dynamically imported
 * module: <url>" in Chromium, "error loading dynamically imported module: <url>" in Firefox),
 * only when it is a script of this page's own origin: the address is then imported again.
 */
export function failedChunkUrl(
  error: unknown,
  origin = globalThis.location?.origin,
): string | null {
  if (!(error instanceof Error) || !origin) return null;
  const match = /dynamically imported module:?\s+(\S+)/i.exec(error.message);
  if (!match?.[1]) return null;
  try {
    const url = new URL(match[1]);
    if (url.origin !== origin || !/\.[cm]?js$/.test(url.pathname)) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** The chunk's address marked with the attempt, so the browser treats it as a module never tried. */
export function retryAddress(url: string, attempt: number): string {
  const address = new URL(url);
  address.searchParams.set('retry', String(attempt));
  return address.href;
}

/**
 * `lazy(load)` that can start over after a failed chunk request (offline, a new deployment that
 * removed the file). Chromium keeps a failed dynamic import in the document's module map: the same
 * `import()` fails again at once without asking the network. So a retry imports the failed chunk
 * under an address marked with the attempt (`?retry=N`), which the browser fetches afresh; the
 * chunk's own imports keep their addresses, so shared modules stay single. When the error names no
 * address (another engine), the retry calls the factory again.
 */
export function retryableLazy<P extends object>(
  load: Loader<P>,
  importUrl: UrlImporter = browserImport,
): RetryableLazy<P> {
  let failed = false;
  let failedUrl: string | null = null;
  let attempt = 0;
  const make = (loader: Loader<P>): LazyExoticComponent<ComponentType<P>> =>
    lazy(() =>
      loader().catch((error: unknown) => {
        failed = true;
        failedUrl = failedChunkUrl(error) ?? failedUrl;
        throw error;
      }),
    );
  let current = make(load);
  const Panel = (props: P) => createElement(current, props);
  Panel.retry = () => {
    if (!failed) return;
    failed = false;
    attempt += 1;
    const url = failedUrl;
    current = make(url ? () => importUrl(retryAddress(url, attempt)) as Promise<Module<P>> : load);
  };
  return Panel;
}
