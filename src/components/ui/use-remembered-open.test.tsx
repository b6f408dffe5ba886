import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServicesProvider, type WidgetServices } from '../../services/widget-services';
import { createSessionStore } from '../../stores/session-store';
import { sectionKey, useRememberedOpen } from './use-remembered-open';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLDivElement;

/** The one service the hook reads: the session, with the agent signed in. */
function servicesFor(userId: string): WidgetServices {
  const session = createSessionStore();
  session.setState({ user: { id: userId, name: 'Alice', permissions: [] } });
  return { session } as unknown as WidgetServices;
}

function Section({ name, initial }: { name: string; initial: boolean }) {
  const [open, setOpen] = useRememberedOpen(name, initial);
  return (
    <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
      {name}
    </button>
  );
}

async function show(userId: string, initial: boolean): Promise<HTMLButtonElement> {
  await act(async () => {
    root.render(
      <ServicesProvider services={servicesFor(userId)}>
        <Section key={userId} name="playback" initial={initial} />
      </ServicesProvider>,
    );
  });
  return host.querySelector('button')!;
}

beforeEach(() => {
  localStorage.clear();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('useRememberedOpen', () => {
  it('starts as asked, and a toggle is remembered for that agent only', async () => {
    let button = await show('u1', false);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await act(async () => button.click());
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(localStorage.getItem(sectionKey('u1', 'playback'))).toBe('1');

    act(() => root.unmount());
    root = createRoot(host);
    button = await show('u1', false);
    expect(button.getAttribute('aria-expanded')).toBe('true');

    act(() => root.unmount());
    root = createRoot(host);
    button = await show('u2', false);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('works where storage is refused: starts as asked and still toggles', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      const button = await show('u1', true);
      expect(button.getAttribute('aria-expanded')).toBe('true');
      await act(async () => button.click());
      expect(button.getAttribute('aria-expanded')).toBe('false');
    } finally {
      Object.defineProperty(window, 'localStorage', original);
    }
  });
});
