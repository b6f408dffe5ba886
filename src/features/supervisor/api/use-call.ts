import { skipToken, useQuery } from '@tanstack/react-query';
import type { Call } from '../../../platform/types';
import { callKeys } from '../../../calls/call-keys';

/** One call's cached snapshot (written by the queue watch and the user's own calls topic). */
export function useCall(conversationId: string): Call | undefined {
  return useQuery<Call>({ queryKey: callKeys.detail(conversationId), queryFn: skipToken }).data;
}
