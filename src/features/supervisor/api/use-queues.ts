import { useQuery } from '@tanstack/react-query';
import { useServices } from '../../../services/widget-services';
import type { PlatformError } from '../../../platform/errors';
import type { SupervisionApi } from '../../../platform/supervision';
import type { DirectoryQueue } from '../../../platform/types';

/**
 * Every queue the supervisor may see (`GET /api/v2/routing/queues`, all pages), sorted by name.
 * Their names seed the name directory, so the table never looks a queue up again.
 */
export function useQueues(api: SupervisionApi) {
  const { directory } = useServices();
  return useQuery<DirectoryQueue[], PlatformError>({
    queryKey: ['supervisor', 'queues'],
    staleTime: 10 * 60_000,
    queryFn: async () => {
      const queues = await api.listQueues();
      directory.rememberQueues(queues);
      return [...queues].sort((a, b) => a.name.localeCompare(b.name));
    },
  });
}
