import { queryOptions, skipToken } from '@tanstack/react-query';
import type { Call } from '../platform/types';
import { callKeys } from './call-keys';

/**
 * The query of one call's snapshot, for `useQueries` over several calls. Never fetched: socket
 * events and REST re-reads (the call sync) are its only writers.
 */
export function callQueryOptions(conversationId: string) {
  return queryOptions<Call>({ queryKey: callKeys.detail(conversationId), queryFn: skipToken });
}

/** The query of an id list: the user's calls. */
export function myCallIdsQueryOptions(userId: string) {
  return queryOptions<string[]>({ queryKey: callKeys.mine(userId), queryFn: skipToken });
}
