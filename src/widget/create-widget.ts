import { QueryCache } from '@tanstack/react-query';
import type { WidgetEnv } from '../config/env';
import type { LaunchParams } from '../config/launch-params';
import type { PlatformTarget } from '../config/target';
import { createI18n } from '../i18n/setup';
import { NameDirectory } from '../directory/name-directory';
import { IntentRegistry } from '../calls/intents/intent-registry';
import { createQueryClient } from '../services/query-client';
import type { WidgetServices } from '../services/widget-services';
import { toPlatformError } from '../platform/errors';
import { createPlatform } from '../platform/platform';
import { RequestBudget } from '../platform/request-budget';
import { CallSync } from '../calls/call-sync';
import { createConnectionStore } from '../realtime/connection-store';
import { attachDiagnostics } from '../diagnostics/attach-diagnostics';
import { ObservedTopicRegistry } from '../diagnostics/observed-topic-registry';
import { DiagnosticsRecorder } from '../diagnostics/recorder';
import { createSessionStore } from '../stores/session-store';
import { createUiStore } from '../stores/ui-store';
import { createScheduler } from '../time/scheduler';
import { WidgetSlots } from '../services/widget-slots';
import { connectInstances } from './instances';
import { attachAuditTrail } from './audit-trail-wiring';
import { SessionController } from './session';
import { clearSignInFailures } from './sign-in-clears';

export interface WidgetParts {
  services: WidgetServices;
  controller: SessionController;
  queryClient: ReturnType<typeof createQueryClient>;
  dispose(): void;
}

/**
 * Wires one widget's services: platform → registry → channel → call sync → query cache, with the
 * intent registry fed by the sync step. The composition root; nothing imports it.
 */
export function createWidget(options: {
  env: WidgetEnv;
  target: PlatformTarget;
  redirectUri: string;
  launch: LaunchParams;
  /** This load is the return from the login page. */
  returningFromLogin?: boolean;
}): WidgetParts {
  const { env, target, redirectUri, launch } = options;
  const scheduler = createScheduler();
  // The one request budget of this widget waits on the widget's scheduler too.
  const budget = new RequestBudget({
    now: () => scheduler.now(),
    sleep: (ms) => new Promise((resolve) => scheduler.after(ms, resolve)),
  });
  // The diagnostic trace: what the widget saw (frames, REST) and did, the last 10 minutes.
  const recorder = new DiagnosticsRecorder({ now: () => scheduler.now() });
  const platform = createPlatform(
    {
      target,
      clientId: env.clientId,
      redirectUri,
      popup: launch.usePopupAuth,
      observeHttp: recorder.rest,
    },
    budget,
  );
  const session = createSessionStore(launch);
  const connection = createConnectionStore(scheduler.now());
  const registry = new ObservedTopicRegistry({ scheduler }, (event, delivered) =>
    recorder.record({ kind: 'frame', event, delivered }),
  );
  const late: { controller?: SessionController } = {};
  const onUnauthorized = () => late.controller?.unauthorized();
  const queryClient = createQueryClient(
    new QueryCache({
      onError: (error) => {
        if (toPlatformError(error).kind === 'unauthorized') onUnauthorized();
      },
    }),
  );
  const calls = new CallSync({
    queryClient,
    registry,
    scheduler,
    api: platform,
    onMalformed: () => {
      const dropped = connection.getState().dropped;
      connection.setState({ dropped: { ...dropped, malformed: dropped.malformed + 1 } });
    },
  });
  const intents = new IntentRegistry({
    acquire: () => platform.acquirePermit('agent'),
    sendFlags: (cid, pid, change, permit) => platform.changeParticipant(cid, pid, change, permit),
    sendAttributes: (cid, pid, values, permit) =>
      platform.patchAttributes(cid, pid, values, permit),
    reread: (cid) => calls.reread(cid),
    get: (cid) => calls.get(cid),
    scheduler,
  });
  const offUpdates = calls.onUpdate((update) => intents.receive(update));
  const offForget = calls.onForget((cid) => intents.forget(cid));
  const offOutcomes = intents.onEvent((event) => {
    if (event.type === 'outcome' && event.outcome.kind === 'failed')
      if (event.outcome.error.kind === 'unauthorized') onUnauthorized();
  });
  const offSignInFailures = clearSignInFailures(session, intents);
  const directory = new NameDirectory(queryClient, platform, undefined, scheduler);
  const instances = connectInstances({
    target,
    clientId: env.clientId,
    platform,
    registry,
    connection,
    intents,
    heartbeatMs: env.heartbeatMs,
    scheduler,
  });
  const controller = new SessionController({
    env,
    platform,
    session,
    connection,
    registry,
    onSignedIn: (user) => directory.remember(user),
    createChannel: (_deps, userId) => instances.createChannel(userId),
    tokens: instances.tokens,
    returningFromLogin: options.returningFromLogin,
    scheduler,
  });
  late.controller = controller;
  const services: WidgetServices = {
    platform,
    session,
    connection,
    ui: createUiStore(),
    registry,
    calls,
    intents,
    directory,
    i18n: createI18n(
      launch.langTag ?? (typeof navigator !== 'undefined' ? navigator.language : undefined),
    ),
    renewSignIn: () => controller.renew(),
    onUnauthorized,
    scheduler,
    slots: new WidgetSlots(),
  };
  // The audit trail records from here on, whether or not its panel is ever opened.
  const offAudit = attachAuditTrail(services, env);
  const offDiagnostics = attachDiagnostics(services, recorder);
  return {
    services,
    controller,
    queryClient,
    dispose: () => {
      offAudit();
      offDiagnostics();
      offUpdates();
      offForget();
      offOutcomes();
      offSignInFailures();
      void controller.stop();
      instances.close();
      registry.dispose();
      queryClient.clear();
      services.slots.dispose();
      platform.dispose();
    },
  };
}
