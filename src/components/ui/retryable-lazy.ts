import { createElement, lazy, type ComponentType, type LazyExoticComponent } from 'react';

type Loader<P> = () => Promise<{ default: ComponentType<P> }>;

/** A lazy component whose chunk can be imported again after its import failed. */
export interface RetryableLazy<P extends object> {
  (props: P): ReturnType<typeof createElement>;
  /**
   * Forgets a failed import so that the next render calls the import factory again (React
   * keeps a rejected `lazy` rejected for ever). Does nothing while the import has not failed.
   */
  retry(): void;
}

/**
 * `lazy(load)` that can start over: after a failed chunk request (offline, a new deployment that
 * removed the file) `retry()` swaps in a fresh `lazy` over the same factory, so the next render
 * asks the network again instead of React's cached rejection. Chromium does not keep a failed
 * dynamic import in its module map: calling the factory again re-fetches the chunk.
 */
export function retryableLazy<P extends object>(load: Loader<P>): RetryableLazy<P> {
  let failed = false;
  const make = (): LazyExoticComponent<ComponentType<P>> =>
    lazy(() =>
      load().catch((error: unknown) => {
        failed = true;
        throw error;
      }),
    );
  let current = make();
  const Panel = (props: P) => createElement(current, props);
  Panel.retry = () => {
    if (!failed) return;
    failed = false;
    current = make();
  };
  return Panel;
}
