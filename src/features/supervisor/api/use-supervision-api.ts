import { use } from 'react';
import { useServices } from '../../../services/widget-services';
import type { Platform } from '../../../platform/platform';
import type { SupervisionApi } from '../../../platform/supervision';

const loads = new WeakMap<Platform, Promise<SupervisionApi>>();

/** The supervisor's API group (its own small chunk); suspends until it has loaded. */
export function useSupervisionApi(): SupervisionApi {
  const { platform } = useServices();
  let load = loads.get(platform);
  if (!load) {
    load = platform.supervision();
    loads.set(platform, load);
    // A failed chunk load may be retried on the next render.
    load.catch(() => loads.delete(platform));
  }
  return use(load);
}
