import { skipToken, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useServices } from '../../../services/widget-services';
import { callKeys } from '../../../calls/call-keys';

/**
 * The ids of the signed-in user's calls (active and recently ended), oldest first. Mounting it
 * subscribes the user's calls topic; the channel re-reads them after every (re)subscribe.
 * `undefined` until the first re-read has answered.
 */
export function useMyCallIds(userId: string): string[] | undefined {
  const { calls } = useServices();
  useEffect(() => calls.watchMyCalls(userId), [calls, userId]);
  return useQuery<string[]>({ queryKey: callKeys.mine(userId), queryFn: skipToken }).data;
}
