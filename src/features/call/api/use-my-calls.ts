import { skipToken, useQuery } from '@tanstack/react-query';
import type { Call } from '../../../platform/types';
import { callKeys } from '../../../realtime/call-cache';

/**
 * The signed-in user's calls (active and recently ended). Never fetched from here: the
 * notifications channel's re-read and socket events fill this cache entry.
 */
export function useMyCalls(userId: string) {
  return useQuery<Call[]>({ queryKey: callKeys.mine(userId), queryFn: skipToken });
}
