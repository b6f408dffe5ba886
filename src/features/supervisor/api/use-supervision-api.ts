import { use } from 'react';
import { useServices } from '../../../services/widget-services';
import { slotKey } from '../../../services/widget-slots';
import type { SupervisionApi } from '../../../platform/supervision';

/** The widget's load of the supervision API group (one per widget, kept in its slots). */
const SUPERVISION_LOAD = slotKey<Promise<SupervisionApi>>('supervisor.api-load');

/** The supervisor's API group (its own small chunk); suspends until it has loaded. */
export function useSupervisionApi(): SupervisionApi {
  const { platform, slots } = useServices();
  const load = slots.get(SUPERVISION_LOAD, () => {
    const started = platform.supervision();
    // A failed chunk load may be retried on the next render.
    started.catch(() => slots.delete(SUPERVISION_LOAD));
    return started;
  });
  return use(load);
}
