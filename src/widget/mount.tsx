import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { WidgetEnv } from '../config/env';
import { parseLaunchParams } from '../config/launch-params';
import { applyTargetEnv } from '../config/target';
import { createQueryClient } from '../lib/query-client';
import { ServicesProvider, type WidgetServices } from '../lib/services';
import { createPlatform } from '../platform/platform';
import { createConnectionStore } from '../realtime/connection-store';
import { createSessionStore } from '../stores/session-store';
import { createUiStore } from '../stores/ui-store';
import { SessionController } from './session';
import { Widget } from './widget';
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
  const platform = createPlatform({ target, clientId: env.clientId, redirectUri });
  const queryClient = createQueryClient();
  const session = createSessionStore(launch);
  const connection = createConnectionStore();
  const controller = new SessionController({ env, platform, queryClient, session, connection });
  const services: WidgetServices = {
    platform,
    session,
    connection,
    ui: createUiStore(),
    resync: () => controller.resync(),
    onUnauthorized: () => void controller.reauthenticate(),
  };
  void controller.start(carry);
  const root = createRoot(host);
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ServicesProvider services={services}>
          <Widget onSignInAgain={() => void controller.reauthenticate()} />
        </ServicesProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
  return () => {
    controller.stop();
    root.unmount();
  };
}
