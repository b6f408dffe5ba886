import type { SupervisionMode } from '../../platform/supervision';
import { hasPermission, QUEUE_OBSERVATION_VIEW } from './offer';

/**
 * What the supervisor view needs (contract §2.1, §3.3, §6): the activity query for the
 * snapshot, the generic conversation read for the calls themselves, and the queue list (the
 * queue topics need the same permission in the emulator, FIDELITY row 44).
 */
export const VIEW_PERMISSIONS = [
  QUEUE_OBSERVATION_VIEW,
  'conversation:communication:view',
  'routing:queue:view',
] as const;

const MODE_PERMISSIONS: Record<SupervisionMode, string> = {
  monitor: 'conversation:call:monitor',
  coach: 'conversation:call:coach',
  barge: 'conversation:call:barge',
};

/** The view's permissions the user lacks (empty: they may use it). */
export function missingViewPermissions(permissions: readonly string[]): string[] {
  return VIEW_PERMISSIONS.filter((p) => !hasPermission(permissions, p));
}

/** Monitor, coach and barge: each offered only with its own permission. */
export function allowedModes(permissions: readonly string[]): SupervisionMode[] {
  return (Object.keys(MODE_PERMISSIONS) as SupervisionMode[]).filter((mode) =>
    hasPermission(permissions, MODE_PERMISSIONS[mode]),
  );
}
