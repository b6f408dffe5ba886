import type { WidgetEnv } from '../config/env';
import { createAuditTrail, type AuditTrail } from '../features/audit/audit-trail';
import type { WidgetServices } from '../services/widget-services';
import { slotKey } from '../services/widget-slots';

/** The widget's audit trail and the Play Prompt flow the playback panel starts. */
export interface AuditWiring {
  trail: AuditTrail;
  flowId?: string;
}

const AUDIT_WIRING = slotKey<AuditWiring>('widget.audit-trail', (wiring) => wiring.trail.dispose());

/**
 * Starts the session's audit trail for one widget (from before sign-in, whether or not its panel
 * is ever opened), kept in the widget's slots with the Play Prompt flow setting. Returns the
 * function that stops it (the widget stopping stops it too). Called once by the composition root.
 */
export function attachAuditTrail(services: WidgetServices, env: WidgetEnv): () => void {
  services.slots.get(AUDIT_WIRING, () => ({
    trail: createAuditTrail({
      calls: services.calls,
      intents: services.intents,
      userId: () => services.session.getState().user?.id,
    }),
    flowId: env.playPromptFlowId,
  }));
  return () => services.slots.delete(AUDIT_WIRING);
}

/** This widget's audit trail, once attached. */
export function auditWiring(services: WidgetServices): AuditWiring | undefined {
  return services.slots.peek(AUDIT_WIRING);
}
