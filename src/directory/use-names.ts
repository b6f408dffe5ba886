import { useQuery } from '@tanstack/react-query';
import { useServices } from '../services/widget-services';

/** A user's name by id: undefined while it loads or when the platform has none to give. */
export function useUserName(userId: string | undefined): string | undefined {
  const { directory } = useServices();
  const query = useQuery({
    ...directory.userQuery(userId ?? ''),
    enabled: Boolean(userId),
  });
  return query.data?.name || undefined;
}

/** A queue's name by id, with the same rules. */
export function useQueueName(queueId: string | undefined): string | undefined {
  const { directory } = useServices();
  const query = useQuery({
    ...directory.queueQuery(queueId ?? ''),
    enabled: Boolean(queueId),
  });
  return query.data?.name || undefined;
}
