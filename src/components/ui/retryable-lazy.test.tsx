import { act, Component, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { failedChunkUrl, retryableLazy, retryAddress } from './retryable-lazy';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ORIGIN = 'https://widget.example';
const CHUNK = `${ORIGIN}/assets/audit-panel-Cl9q00p_.js`;
const chromium = (url: string) =>
  new TypeError(`Failed to fetch dynamically imported module: ${url}`);

describe('failedChunkUrl', () => {
  it('reads the chunk from Chromium’s and Firefox’s messages', () => {
    expect(failedChunkUrl(chromium(CHUNK), ORIGIN)).toBe(CHUNK);
    expect(
      failedChunkUrl(new TypeError(`error loading dynamically imported module: ${CHUNK}`), ORIGIN),
    ).toBe(CHUNK);
  });

  it('only a script of the page’s own origin: anything else is not imported again by address', () => {
    expect(failedChunkUrl(chromium('https://evil.example/assets/x.js'), ORIGIN)).toBeNull();
    expect(failedChunkUrl(chromium(`${ORIGIN}/assets/x.css`), ORIGIN)).toBeNull();
    expect(failedChunkUrl(chromium('not a url'), ORIGIN)).toBeNull();
    expect(failedChunkUrl(new TypeError('Importing a module script failed.'), ORIGIN)).toBeNull();
    expect(
      failedChunkUrl('Failed to fetch dynamically imported module: ' + CHUNK, ORIGIN),
    ).toBeNull();
  });

  it('marks the address with the attempt, replacing an earlier mark', () => {
    expect(retryAddress(CHUNK, 1)).toBe(`${CHUNK}?retry=1`);
    expect(retryAddress(`${CHUNK}?retry=1`, 2)).toBe(`${CHUNK}?retry=2`);
  });
});

class Boundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? <p>failed</p> : this.props.children;
  }
}

describe('retryableLazy', () => {
  it('a retry imports the failed chunk under a fresh address (the browser keeps the failed one), each attempt its own', async () => {
    vi.stubGlobal('location', new URL(`${ORIGIN}/`));
    const load = vi.fn(() => Promise.reject(chromium(CHUNK)));
    const importUrl = vi.fn((url: string) =>
      url.endsWith('retry=2')
        ? Promise.resolve({ default: () => <p>Audit trail</p> })
        : Promise.reject(chromium(url)),
    );
    const Panel = retryableLazy(load, importUrl);
    const container = document.createElement('div');
    const root = createRoot(container, { onCaughtError: () => undefined });
    let renders = 0;
    const render = async () => {
      renders += 1;
      await act(async () =>
        root.render(
          <Boundary key={renders}>
            <Suspense fallback={<p>loading</p>}>
              <Panel />
            </Suspense>
          </Boundary>,
        ),
      );
    };
    await render();
    expect(container.textContent).toBe('failed');

    Panel.retry();
    await render();
    expect(importUrl).toHaveBeenLastCalledWith(`${CHUNK}?retry=1`);
    expect(container.textContent).toBe('failed');

    Panel.retry();
    await render();
    expect(importUrl).toHaveBeenLastCalledWith(`${CHUNK}?retry=2`);
    expect(container.textContent).toBe('Audit trail');
    expect(load).toHaveBeenCalledTimes(1);
    act(() => root.unmount());
    vi.unstubAllGlobals();
  });

  it('an error that names no chunk: the retry calls the factory again', async () => {
    const load = vi
      .fn()
      .mockRejectedValueOnce(new TypeError('Importing a module script failed.'))
      .mockResolvedValue({ default: () => <p>Call data</p> });
    const importUrl = vi.fn();
    const Panel = retryableLazy(load, importUrl);
    const container = document.createElement('div');
    const root = createRoot(container, { onCaughtError: () => undefined });
    await act(async () =>
      root.render(
        <Boundary>
          <Suspense>
            <Panel />
          </Suspense>
        </Boundary>,
      ),
    );
    expect(container.textContent).toBe('failed');
    Panel.retry();
    await act(async () =>
      root.render(
        <Boundary key="again">
          <Suspense>
            <Panel />
          </Suspense>
        </Boundary>,
      ),
    );
    expect(container.textContent).toBe('Call data');
    expect(load).toHaveBeenCalledTimes(2);
    expect(importUrl).not.toHaveBeenCalled();
    act(() => root.unmount());
  });
});
