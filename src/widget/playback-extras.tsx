import { PanelBoundary } from '../components/ui/panel-boundary';
import { retryableLazy } from '../components/ui/retryable-lazy';
import { useServices } from '../services/widget-services';
import type { Call } from '../platform/types';
import { auditWiring } from './audit-trail-wiring';

const PlaybackPanel = retryableLazy(() => import('../features/playback/components/playback-panel'));
const AuditPanel = retryableLazy(() => import('../features/audit/components/audit-panel'));

/**
 * Playback and audit trail under a call, each its own lazy chunk in its own boundary: one that
 * fails to load says so and leaves the other alone.
 */
export function PlaybackExtras({ call, userId }: { call: Call; userId: string }) {
  const wiring = auditWiring(useServices());
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
