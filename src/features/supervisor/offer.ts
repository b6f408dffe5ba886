/**
 * Whether to offer the supervisor view: the one check the agent panel's header makes (this file
 * ships in its entry; the rest of the view, `permissions.ts` included, in the view's chunk).
 */

/** The permission the view's snapshot needs first (contract §2.13). */
export const QUEUE_OBSERVATION_VIEW = 'analytics:queueObservation:view';

/**
 * Whether a granted permission covers a wanted one. Genesys permissions are
 * `domain:entity:action`, and roles may grant `*` for any segment (`conversation:call:*`).
 */
export function grants(granted: string, wanted: string): boolean {
  const have = granted.toLowerCase().split(':');
  const want = wanted.toLowerCase().split(':');
  return (
    have.length === want.length &&
    have.every((segment, i) => segment === '*' || segment === want[i])
  );
}

export const hasPermission = (permissions: readonly string[], wanted: string): boolean =>
  permissions.some((granted) => grants(granted, wanted));

/** The header offers the supervisor view to users who can read queue activity. */
export const offersSupervisorView = (permissions: readonly string[]): boolean =>
  hasPermission(permissions, QUEUE_OBSERVATION_VIEW);
