import { PanelBoundary } from '../components/ui/panel-boundary';
import { retryableLazy } from '../components/ui/retryable-lazy';
import type { WidgetEnv } from '../config/env';
import { createAuditTrail, type AuditTrail } from '../features/audit/audit-trail';
import { useServices, type WidgetServices } from '../services/widget-services';
import type { Call } from '../platform/types';

const PlaybackPanel = retryableLazy(() => import('../features/playback/components/playback-panel'));
const AuditPanel = retryableLazy(() => import('../features/audit/components/audit-panel'));

interface Wiring {
  trail: AuditTrail;
  flowId?: string;
}

const wirings = new WeakMap<WidgetServices, Wiring>();

/**
 * Starts the session's audit trail for one widget (from before sign-in, whether or not its panel
 * is ever opened) and keeps the Play Prompt flow setting with it. Returns the function that
 * stops it. Called once by the composition root.
 */
export function attachPlaybackExtras(services: WidgetServices, env: WidgetEnv): () => void {
  const trail = createAuditTrail({
    calls: services.calls,
    intents: services.intents,
    userId: () => services.session.getState().user?.id,
  });
  wirings.set(services, { trail, flowId: env.playPromptFlowId });
  return () => {
    trail.dispose();
    wirings.delete(services);
  };
}

/**
 * Playback and audit trail under a call, each its own lazy chunk in its own boundary: one that
 * fails to load says so and leaves the other alone.
 */
export function PlaybackExtras({ call, userId }: { call: Call; userId: string }) {
  const wiring = wirings.get(useServices());
  if (!wiring) return null;
  const { trail, flowId } = wiring;
  return (
    <>
      <PanelBoundary panel="playback" lazies={[PlaybackPanel]}>
        <PlaybackPanel
          call={call}
          userId={userId}
          flowId={flowId}
          onAction={(action) => trail.record(action)}
        />
      </PanelBoundary>
      <PanelBoundary panel="audit" lazies={[AuditPanel]}>
        <AuditPanel trail={trail} call={call} />
      </PanelBoundary>
    </>
  );
}
