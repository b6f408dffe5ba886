import { I18nProvider } from '@lingui/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diagnosticsRecorder } from '../diagnostics/attach-diagnostics';
import type { Trace } from '../diagnostics/trace-types';
import { ServicesProvider } from '../services/widget-services';
import { createWidget, type WidgetParts } from './create-widget';
import { DiagnosticsEntry } from './diagnostics-entry';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ME = 'b0a1ce00-0000-4000-8000-00000000a11c';
const TOPIC = `v2.users.${ME}.conversations.calls`;
const made: WidgetParts[] = [];
let root: Root | undefined;

function aWidget(): WidgetParts {
  const target = { kind: 'region', environment: 'mypurecloud.ie' } as const;
  const widget = createWidget({
    env: { target, clientId: 'lcp-test', heartbeatMs: 30_000, renewBeforeMs: 600_000 },
    target,
    redirectUri: 'http://localhost/',
    launch: { usePopupAuth: false, problems: [] },
  });
  made.push(widget);
  return widget;
}

const OBJECT_URL_KEYS = ['createObjectURL', 'revokeObjectURL'] as const;
const originalObjectUrls = OBJECT_URL_KEYS.map((key) => Object.getOwnPropertyDescriptor(URL, key));
function stubObjectUrls() {
  for (const key of OBJECT_URL_KEYS)
    Object.defineProperty(URL, key, { value: vi.fn(() => 'blob:trace'), configurable: true });
}

afterEach(() => {
  OBJECT_URL_KEYS.forEach((key, i) => {
    const original = originalObjectUrls[i];
    if (original) Object.defineProperty(URL, key, original);
    else Reflect.deleteProperty(URL, key);
  });
  act(() => root?.unmount());
  root = undefined;
  document.body.replaceChildren();
  for (const widget of made.splice(0)) widget.dispose();
});

/** What the widget's observers gave the recorder, as a trace. */
describe('diagnostics wiring (create-widget)', () => {
  it('records REST requests from the platform, frames from the registry, link and sign-in changes', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ id: ME, name: 'Alice Agent' }), {
            status: 200,
            headers: { 'ININ-Correlation-Id': 'corr-me' },
          }),
      ),
    );
    const { services } = aWidget();
    await services.platform.getCurrentUser().catch(() => undefined);
    services.registry.subscribe({ topic: TOPIC, onEvent: () => undefined });
    services.registry.dispatch({ topicName: TOPIC, body: { id: 'c1', participants: [] } });
    services.registry.dispatch({ topicName: 'v2.users.x.presence', body: {} });
    services.connection.setState({ status: 'reconnecting', attempt: 1 });
    services.session.setState({ status: 'signedIn' });
    const entries = diagnosticsRecorder(services)!.entries().entries;
    expect(entries.map((e) => e.kind)).toEqual([
      'link',
      'session',
      'rest',
      'frame',
      'frame',
      'link',
      'session',
    ]);
    expect(entries[2]).toMatchObject({
      exchange: { method: 'GET', status: 200, correlationId: 'corr-me' },
    });
    expect(entries.filter((e) => e.kind === 'frame').map((e) => e.delivered)).toEqual([
      true,
      false,
    ]);
  });

  it('stops recording when the widget stops', () => {
    const widget = aWidget();
    const recorder = diagnosticsRecorder(widget.services)!;
    widget.dispose();
    made.splice(made.indexOf(widget), 1);
    widget.services.connection.setState({ status: 'live', attempt: 0 });
    expect(recorder.entries().entries.map((e) => e.kind)).toEqual(['link', 'session']);
    expect(diagnosticsRecorder(widget.services)).toBeUndefined();
  });
});

describe('Download diagnostics', () => {
  it('opens from the header and saves a masked trace; "include call data" keeps attribute keys only', async () => {
    const widget = aWidget();
    const { services } = widget;
    services.session.setState({
      status: 'signedIn',
      user: { id: ME, name: 'Alice', permissions: [] },
    });
    services.registry.subscribe({ topic: TOPIC, onEvent: () => undefined });
    services.registry.dispatch({
      topicName: TOPIC,
      body: {
        id: 'c1',
        participants: [{ id: 'p1', name: 'Dana Caller', attributes: { tier: 'Gold' } }],
      },
    });
    const saved: { name: string; trace: Trace }[] = [];
    let lastBlob = '';
    const RealBlob = Blob;
    vi.stubGlobal(
      'Blob',
      class extends RealBlob {
        constructor(parts: BlobPart[], options?: BlobPropertyBag) {
          super(parts, options);
          lastBlob = parts.join('');
        }
      },
    );
    // jsdom has no object URLs; the browser's download is the anchor's click.
    stubObjectUrls();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push({ name: this.download, trace: JSON.parse(lastBlob) as Trace });
    });
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    act(() =>
      root!.render(
        <QueryClientProvider client={widget.queryClient}>
          <I18nProvider i18n={services.i18n}>
            <ServicesProvider services={services}>
              <DiagnosticsEntry view="agent" />
            </ServicesProvider>
          </I18nProvider>
        </QueryClientProvider>,
      ),
    );
    const open = container.querySelector<HTMLButtonElement>('button[aria-label="Diagnostics"]')!;
    await act(async () => {
      open.click();
      await import('./diagnostics-menu');
    });
    expect(container.textContent).toContain('Download diagnostics');
    const button = () =>
      [...container.querySelectorAll('button')].find(
        (b) => b.textContent === 'Download diagnostics',
      )!;
    act(() => button().click());
    act(() => container.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click());
    act(() => button().click());

    expect(saved).toHaveLength(2);
    expect(saved[0]!.name).toMatch(/^live-call-panel-diagnostics-\d{4}-\d\d-\d\dT[\d-]+Z\.json$/);
    const [plain, withData] = saved.map((s) => s.trace) as [Trace, Trace];
    const legOf = (trace: Trace) =>
      (trace.entries.find((e) => e.type === 'frame') as { body: { participants: object[] } }).body
        .participants[0];
    expect(plain).toMatchObject({
      user: 'user-1',
      includesCallData: false,
      widget: { view: 'agent' },
    });
    expect(legOf(plain)).toEqual({
      id: 'participant-1',
      name: 'name-1',
      attributes: { 'key-1': '***' },
    });
    expect(legOf(withData)).toEqual({
      id: 'participant-1',
      name: 'name-1',
      attributes: { tier: '***' },
    });
    expect(container.querySelector('[role="status"]')!.textContent).toBe(
      `Saved ${saved[1]!.name}.`,
    );
    expect(JSON.stringify(saved)).not.toMatch(/Dana|Gold|Alice/);
    // Escape closes the panel and gives the focus back to its button.
    act(() =>
      container
        .querySelector('section')!
        .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
    expect(container.querySelector('section')).toBeNull();
    expect(document.activeElement).toBe(open);
  });
});
