import { I18nProvider } from '@lingui/react';
import { act, StrictMode, useState, type ComponentType } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../i18n/setup';
import { PanelBoundary, PanelFailureProvider, type PanelFailure } from './panel-boundary';
import { retryableLazy } from './retryable-lazy';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container, { onCaughtError: () => undefined });
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function Calls({ name }: { name: string }) {
  return <p>Call data of {name}</p>;
}

/** An import factory that fails until `network.up`, counting its calls. */
function chunk(component: ComponentType<{ name: string }> = Calls) {
  const network = { up: false, imports: 0 };
  const load = vi.fn(async () => {
    network.imports += 1;
    if (!network.up) throw new TypeError('Failed to fetch dynamically imported module');
    return { default: component };
  });
  return { network, load };
}

/** Mute stands for the rest of the widget: it must keep working beside a failed panel. */
function Mute() {
  const [muted, setMuted] = useState(false);
  return (
    <button type="button" aria-pressed={muted} onClick={() => setMuted(!muted)}>
      Mute
    </button>
  );
}

async function render(ui: React.ReactNode, failures: PanelFailure[]) {
  await act(async () => {
    // As the widget mounts: in strict mode.
    root.render(
      <StrictMode>
        <I18nProvider i18n={createI18n('en')}>
          <PanelFailureProvider onFailure={(f) => failures.push(f)}>
            <Mute />
            {ui}
          </PanelFailureProvider>
        </I18nProvider>
      </StrictMode>,
    );
  });
}

const alert = () => container.querySelector('[role="alert"]');
const button = (name: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

/** Lets a rejected or resolved import reach React (the lazy settles, the boundary renders). */
const settle = () => act(async () => new Promise<void>((resolve) => setTimeout(resolve, 0)));

describe('PanelBoundary', () => {
  it('a failing import shows the panel’s message and Retry in its place; the rest keeps working', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { load } = chunk();
    const Panel = retryableLazy(load);
    const failures: PanelFailure[] = [];
    await render(
      <PanelBoundary panel="callData" lazies={[Panel]} fallback={<p>Loading…</p>}>
        <Panel name="Casey" />
      </PanelBoundary>,
      failures,
    );
    await settle();

    expect(alert()?.textContent).toContain('Call data couldn’t load');
    const retry = button('Retry')!;
    expect(retry.type).toBe('button');
    expect(retry.getAttribute('aria-describedby')).toBe(alert()!.querySelector('p')!.id);
    // The rest of the widget still answers.
    await act(async () => button('Mute')!.click());
    expect(button('Mute')!.getAttribute('aria-pressed')).toBe('true');
    expect(errors).toHaveBeenCalledWith(
      expect.stringContaining('callData panel failed'),
      expect.any(TypeError),
    );
  });

  it('Retry imports the chunk again and shows the panel once the network is back', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { network, load } = chunk();
    const Panel = retryableLazy(load);
    await render(
      <PanelBoundary panel="playback" lazies={[Panel]}>
        <Panel name="Casey" />
      </PanelBoundary>,
      [],
    );
    await settle();
    expect(alert()?.textContent).toContain('Playback couldn’t load');
    const before = network.imports;

    // Still offline: a retry asks again and fails again.
    await act(async () => button('Retry')!.click());
    await settle();
    expect(network.imports).toBe(before + 1);
    expect(alert()?.textContent).toContain('Playback couldn’t load');

    network.up = true;
    await act(async () => button('Retry')!.click());
    await settle();
    expect(network.imports).toBe(before + 2);
    expect(alert()).toBeNull();
    expect(container.textContent).toContain('Call data of Casey');
  });

  it('reports each failure once: console and the reporter; a retry that fails again is a new one', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { load } = chunk();
    const Panel = retryableLazy(load);
    const failures: PanelFailure[] = [];
    const ours = () => errors.mock.calls.filter(([text]) => String(text).includes('audit panel'));
    await render(
      <PanelBoundary panel="audit" lazies={[Panel]}>
        <Panel name="Casey" />
      </PanelBoundary>,
      failures,
    );
    await settle();
    // Re-renders of a failed panel (a new call snapshot) are not new failures.
    await render(
      <PanelBoundary panel="audit" lazies={[Panel]}>
        <Panel name="Casey Caller" />
      </PanelBoundary>,
      failures,
    );
    await settle();
    expect(failures).toEqual([
      { panel: 'audit', message: { id: 'panel.failed.audit' }, error: expect.any(TypeError) },
    ]);
    expect(ours()).toHaveLength(1);

    await act(async () => button('Retry')!.click());
    await settle();
    expect(failures).toHaveLength(2);
    expect(ours()).toHaveLength(2);
  });

  it('the same failed chunk in another place (another call, the view switched back) is not reported again', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { load } = chunk();
    const Panel = retryableLazy(load);
    const failures: PanelFailure[] = [];
    await render(
      <PanelBoundary key="first" panel="participants" lazies={[Panel]}>
        <Panel name="Casey" />
      </PanelBoundary>,
      failures,
    );
    await settle();
    await render(
      <>
        <PanelBoundary key="second" panel="participants" lazies={[Panel]}>
          <Panel name="Casey" />
        </PanelBoundary>
        <PanelBoundary key="third" panel="participants" lazies={[Panel]}>
          <Panel name="Robin" />
        </PanelBoundary>
      </>,
      failures,
    );
    await settle();
    expect(container.querySelectorAll('[role="alert"]')).toHaveLength(2);
    expect(failures).toHaveLength(1);
    expect(
      errors.mock.calls.filter(([text]) => String(text).includes('participants panel')),
    ).toHaveLength(1);
  });

  it('a panel that throws while rendering says so too, and Retry renders it again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let broken = true;
    function Flaky() {
      if (broken) throw new Error('render failed');
      return <p>Participants list</p>;
    }
    const failures: PanelFailure[] = [];
    await render(
      <PanelBoundary panel="participants">
        <Flaky />
      </PanelBoundary>,
      failures,
    );
    expect(alert()?.textContent).toContain('Participants couldn’t load');
    expect(failures).toHaveLength(1);
    broken = false;
    await act(async () => button('Retry')!.click());
    expect(container.textContent).toContain('Participants list');
  });

  it('a panel that has not failed is not imported again by a retry elsewhere', async () => {
    const { network, load } = chunk();
    network.up = true;
    const Panel = retryableLazy(load);
    await render(
      <PanelBoundary panel="supervisor" lazies={[Panel]}>
        <Panel name="Casey" />
      </PanelBoundary>,
      [],
    );
    await settle();
    expect(container.textContent).toContain('Call data of Casey');
    Panel.retry();
    await render(
      <PanelBoundary panel="supervisor" lazies={[Panel]}>
        <Panel name="Sam" />
      </PanelBoundary>,
      [],
    );
    expect(network.imports).toBe(1);
    expect(container.textContent).toContain('Call data of Sam');
  });
});
