import { I18nProvider } from '@lingui/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { PanelFailure, PanelFailureReporter } from '../components/ui/panel-boundary';
import type { WidgetEnv } from '../config/env';
import { parseLaunchParams } from '../config/launch-params';
import { checkHostOrigin } from '../config/host-origin';
import { applyTargetEnv, type PlatformTarget } from '../config/target';
import { createI18n } from '../i18n/setup';
import { ServicesProvider } from '../services/widget-services';
import { DESKTOP_HANDSHAKE, watchDesktopHandshake } from '../features/setup/desktop-handshake';
import { createWidget } from './create-widget';
import { checkFraming } from './framing-guard';
import { FramingRefused } from './framing-refused';
import { Widget } from './widget';
import 'virtual:spark-tokens.css';
import '../styles/theme.css';
import './widget.css';
import './call-card.css';
import './call-controls.css';
import './call-parties.css';

export interface MountOptions {
  env: WidgetEnv;
  /** Launch parameters read from the URL before anything else ran. */
  carry: Record<string, string>;
}

/**
 * The desktop sends `bootstrap` once, when the frame loads: catch it even if it comes before the
 * embedding chunk (with the desktop's SDK) is ready to listen. `stop` once the SDK listens.
 */
function watchBootstrap(hostOrigin: string): { seen(): boolean; stop(): void } {
  let seen = false;
  const early = (event: MessageEvent) => {
    const data = event.data as { purecloudEventType?: unknown; hook?: unknown } | null;
    if (event.source !== window.parent || event.origin !== hostOrigin) return;
    if (data?.purecloudEventType === 'appLifecycleHook' && data.hook === 'bootstrap') seen = true;
  };
  window.addEventListener('message', early);
  return { seen: () => seen, stop: () => window.removeEventListener('message', early) };
}

/**
 * Framed by a page that is not the target's Genesys Cloud desktop: the refusal in place of the
 * widget, and nothing else (no sign-in, no socket, no controls to click).
 */
function refuseFraming(
  host: HTMLElement,
  target: PlatformTarget,
  langTag: string | undefined,
): (() => void) | undefined {
  const framing = checkFraming(window, target);
  if (framing.ok) return undefined;
  const i18n = createI18n(
    langTag ?? (typeof navigator !== 'undefined' ? navigator.language : undefined),
  );
  const root = createRoot(host);
  root.render(
    <StrictMode>
      <I18nProvider i18n={i18n}>
        <FramingRefused origins={framing.origins} />
      </I18nProvider>
    </StrictMode>,
  );
  return () => root.unmount();
}

/** Mounts one widget into `host`; returns a function that unmounts it and closes its socket. */
export function mountWidget(host: HTMLElement, { env, carry }: MountOptions): () => void {
  const redirectUri = env.redirectUri ?? `${window.location.origin}${window.location.pathname}`;
  const launch = parseLaunchParams(carry);
  const { target, problem } = applyTargetEnv(env.target, launch.targetEnv);
  const refused = refuseFraming(host, target, launch.langTag);
  if (refused) return refused;
  if (problem) launch.problems.push(problem);
  const desktop = checkHostOrigin(launch.hostOrigin, target);
  launch.hostOrigin = desktop.hostOrigin;
  if (desktop.problem) launch.problems.push(desktop.problem);
  const query = new URLSearchParams(window.location.search);
  const widget = createWidget({
    env,
    target,
    redirectUri,
    launch,
    returningFromLogin: query.has('code') || query.has('error'),
  });
  void widget.controller.start(carry);
  // Panel failures go to the console from the boundary, and to the desktop's toasts when embedded
  // (a failure before the desktop's SDK has loaded waits for it).
  const embedded = Boolean(launch.hostOrigin && launch.targetEnv);
  const panelFailureListeners = new Set<PanelFailureReporter>();
  const earlyPanelFailures: PanelFailure[] = [];
  const onPanelFailure = (failure: PanelFailure) => {
    if (embedded && panelFailureListeners.size === 0) earlyPanelFailures.push(failure);
    panelFailureListeners.forEach((listener) => listener(failure));
  };
  const root = createRoot(host);
  root.render(
    <StrictMode>
      <QueryClientProvider client={widget.queryClient}>
        <I18nProvider i18n={widget.services.i18n}>
          <ServicesProvider services={widget.services}>
            <Widget crmUrl={env.crmUrl} onPanelFailure={onPanelFailure} />
          </ServicesProvider>
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
  let detachDesktop: () => void = () => undefined;
  if (embedded && launch.hostOrigin && launch.targetEnv && window.parent !== window) {
    const { hostOrigin, targetEnv } = launch;
    const bootstrap = watchBootstrap(hostOrigin);
    // The setup check reports whether the desktop's bootstrap hook arrived (it comes at load).
    if (launch.view === 'setup')
      widget.services.slots.get(DESKTOP_HANDSHAKE, () => watchDesktopHandshake(window, hostOrigin));
    // The desktop's SDK is a lazy chunk, loaded only when embedded. If it cannot load, the panel
    // works on without the desktop's toasts and lifecycle hooks.
    import('./embedding')
      .then(({ connectToDesktop }) => {
        if (disposed) return;
        detachDesktop = connectToDesktop({
          hostOrigin,
          targetEnv,
          session: widget.services.session,
          intents: widget.services.intents,
          i18n: widget.services.i18n,
          stop: () => widget.controller.stop(),
          onPanelFailure: (listener) => {
            panelFailureListeners.add(listener);
            earlyPanelFailures.splice(0).forEach(listener);
            return () => panelFailureListeners.delete(listener);
          },
          focused: () => {
            if (widget.services.connection.getState().status !== 'live')
              widget.controller.reconnectNow();
          },
          bootstrapSeen: bootstrap.seen,
        });
      })
      .catch((error: unknown) => {
        console.warn(`Live Call Panel: the desktop connection failed (${String(error)}).`);
      })
      .finally(() => bootstrap.stop());
  }
  let disposed = false;
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    window.removeEventListener('pagehide', dispose);
    detachDesktop();
    widget.dispose();
    root.unmount();
  };
  // An interaction widget's iframe is removed when its interaction closes: hand the channel over.
  window.addEventListener('pagehide', dispose);
  return dispose;
}
