import { skipToken, useQuery } from '@tanstack/react-query';
import type { Call } from '../../../platform/types';
import { callKeys } from '../../../calls/call-keys';

/**
 * One call's snapshot from the query cache (written only by socket events and REST re-reads);
 * never fetched from here, so the panel re-renders when its own call changes.
 */
export function useCallSnapshot(conversationId: string): Call | undefined {
  return useQuery<Call>({ queryKey: callKeys.detail(conversationId), queryFn: skipToken }).data;
}
