import { I18nProvider } from '@lingui/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { WidgetEnv } from '../config/env';
import { parseLaunchParams } from '../config/launch-params';
import { applyTargetEnv } from '../config/target';
import { ServicesProvider } from '../lib/services';
import { createWidget } from './create-widget';
import { Widget } from './widget';
import 'virtual:spark-tokens.css';
import '../styles/theme.css';
import './widget.css';

export interface MountOptions {
  env: WidgetEnv;
  /** Launch parameters read from the URL before anything else ran. */
  carry: Record<string, string>;
}

/** Mounts one widget into `host`; returns a function that unmounts it and closes its socket. */
export function mountWidget(host: HTMLElement, { env, carry }: MountOptions): () => void {
  const redirectUri = env.redirectUri ?? `${window.location.origin}${window.location.pathname}`;
  const launch = parseLaunchParams(carry);
  const { target, problem } = applyTargetEnv(env.target, launch.targetEnv);
  if (problem) launch.problems.push(problem);
  const widget = createWidget({ env, target, redirectUri, launch });
  void widget.controller.start(carry);
  const root = createRoot(host);
  root.render(
    <StrictMode>
      <QueryClientProvider client={widget.queryClient}>
        <I18nProvider i18n={widget.services.i18n}>
          <ServicesProvider services={widget.services}>
            <Widget crmUrl={env.crmUrl} />
          </ServicesProvider>
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
  return () => {
    widget.dispose();
    root.unmount();
  };
}
