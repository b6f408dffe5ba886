import { skipToken, useQuery } from '@tanstack/react-query';
import type { Call } from '../../../platform/types';
import { callKeys } from '../../../calls/call-keys';

/**
 * One call's snapshot. Never fetched from here: socket events and REST re-reads fill it, so a
 * component re-renders only when its own call changed.
 */
export function useCall(conversationId: string | undefined): Call | undefined {
  return useQuery<Call>({
    queryKey: callKeys.detail(conversationId ?? ''),
    queryFn: skipToken,
    enabled: Boolean(conversationId),
  }).data;
}
