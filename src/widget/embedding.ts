import type { I18n } from '@lingui/core';
import ClientApp from 'purecloud-client-app-sdk';
import { explainError } from '../errors/explain-error';
import type { IntentRegistry } from '../calls/intents/intent-registry';
import type { CoreMessageId, Message, Problem } from '../i18n/message';
import type { SessionStore } from '../stores/session-store';

export interface EmbeddingOptions {
  /** A validated Genesys Cloud desktop origin (see config/host-origin.ts). */
  hostOrigin: string;
  targetEnv: string;
  session: SessionStore;
  intents: IntentRegistry;
  i18n: I18n;
  /** The lifecycle `stop` hook: release the channel, then report stopped. */
  stop(): Promise<void>;
  /** The widget got the focus back: catch up at once if the link is down. */
  focused(): void;
  /** Lazy panels that failed to load or render ("Call data couldn't load"), each once. */
  onPanelFailure?(listener: (failure: { message: Message }) => void): () => void;
  /** The desktop's `bootstrap` hook arrived before this chunk (see `watchBootstrap`). */
  bootstrapSeen?(): boolean;
}

const TOAST_TITLE = 'Live Call Panel';

/** "Couldn't mute", "Couldn't put the call on hold", "Couldn't save call data"… */
function actionId(group: 'flags' | 'attributes', field: string, value: unknown): CoreMessageId {
  if (group === 'attributes') return 'action.saveCallData';
  if (field === 'muted') return value ? 'action.mute' : 'action.unmute';
  return value ? 'action.hold' : 'action.resume';
}

function text(i18n: I18n, problem: Problem): string {
  const reason = i18n._(problem.reason.id, problem.reason.values);
  const body = problem.action
    ? i18n._('problem.withAction', { action: i18n._(problem.action.id), reason })
    : reason;
  return problem.reference
    ? `${body} ${i18n._('error.reference', { id: problem.reference })}`
    : body;
}

/**
 * The interaction widget inside the Genesys Cloud desktop, through the official Client App SDK
 * (this module and the SDK are a lazy chunk, loaded only when embedded): errors the agent must
 * see as toasts (error toasts stay until closed), an attention count while something needs the
 * agent, and the lifecycle hooks (bootstrap → bootstrapped; focus/blur; stop → release the
 * channel → stopped). The SDK posts only to the host origin, which the widget validated first.
 * Returns a function that detaches.
 */
export function connectToDesktop(options: EmbeddingOptions): () => void {
  if (typeof window === 'undefined' || window.parent === window) return () => undefined;
  const app = new ClientApp({ gcHostOrigin: options.hostOrigin, gcTargetEnv: options.targetEnv });
  const { session, intents, i18n } = options;
  const cleanups: (() => void)[] = [];

  const whenReady = () => {
    if (session.getState().status !== 'signingIn') return app.lifecycle.bootstrapped();
    const off = session.subscribe((state) => {
      if (state.status === 'signingIn') return;
      off();
      app.lifecycle.bootstrapped();
    });
    cleanups.push(off);
  };
  if (options.bootstrapSeen?.()) whenReady();
  else app.lifecycle.addBootstrapListener(whenReady, true);
  app.lifecycle.addFocusListener(() => options.focused());
  app.lifecycle.addStopListener(() => {
    void options
      .stop()
      .catch(() => undefined)
      .then(() => app.lifecycle.stopped());
  }, true);

  const toast = (message: string) =>
    app.alerting.showToastPopup(TOAST_TITLE, message, {
      type: 'error',
      timeout: 0,
      showCloseButton: true,
      markdownMessage: false,
    });
  cleanups.push(
    intents.onEvent((event) => {
      if (event.type !== 'outcome' || event.outcome.kind !== 'failed') return;
      const { field, value, error } = event.outcome;
      toast(text(i18n, explainError(error, { id: actionId(event.group, field, value) })));
    }),
  );
  const offPanels = options.onPanelFailure?.(({ message }) =>
    toast(i18n._(message.id, message.values)),
  );
  if (offPanels) cleanups.push(offPanels);
  cleanups.push(
    session.subscribe((state, previous) => {
      if (state.status === 'expired' && previous.status !== 'expired')
        toast(i18n._('session.expired'));
    }),
  );

  let attention = -1;
  const updateAttention = () => {
    const status = session.getState().status;
    const count =
      (status === 'expired' || status === 'signInRequired' || session.getState().renewDue ? 1 : 0) +
      intents.openOutcomes();
    if (count === attention) return;
    attention = count;
    app.alerting.setAttentionCount(count);
  };
  cleanups.push(session.subscribe(updateAttention));
  cleanups.push(intents.subscribe(updateAttention));
  updateAttention();
  return () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
}
