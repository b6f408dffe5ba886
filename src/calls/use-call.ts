import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { Call } from '../platform/types';
import { useServices } from '../services/widget-services';
import { callQueryOptions, myCallIdsQueryOptions } from './call-query';

/**
 * One call's snapshot: a component re-renders only when its own call changed. `undefined` while
 * the call is not known (or for no id).
 */
export function useCall(conversationId: string | undefined): Call | undefined {
  return useQuery({ ...callQueryOptions(conversationId ?? ''), enabled: Boolean(conversationId) })
    .data;
}

/**
 * Several calls' snapshots folded into one value by `combine` (keep it stable with
 * `useCallback`): the component re-renders when the combined value changes.
 */
export function useCalls<T>(
  ids: readonly string[],
  combine: (calls: readonly (Call | undefined)[]) => T,
): T {
  const combined = useCallback(
    (results: readonly { data?: Call }[]) => combine(results.map((r) => r.data)),
    [combine],
  );
  return useQueries({ queries: ids.map((id) => callQueryOptions(id)), combine: combined });
}

/**
 * The call while this component is mounted, kept even after it leaves every list (its last
 * state stays shown): the panel holds it, and releases it on unmount.
 */
export function useRetainedCall(conversationId: string): Call | undefined {
  const { calls } = useServices();
  useEffect(() => calls.retain(conversationId), [calls, conversationId]);
  return useCall(conversationId);
}

/** Subscribes the user's calls topic while mounted; the channel re-reads them after each subscribe. */
export function useWatchMyCalls(userId: string | undefined): void {
  const { calls } = useServices();
  useEffect(() => (userId ? calls.watchMyCalls(userId) : undefined), [calls, userId]);
}

/**
 * The ids of the signed-in user's calls (active and recently ended), oldest first; `undefined`
 * until the first re-read has answered. With `watch` (the default) mounting it subscribes the
 * user's calls topic; without, it only reads the list someone else watches.
 */
export function useCallIds(
  userId: string,
  options: { watch?: boolean } = {},
): string[] | undefined {
  useWatchMyCalls(options.watch === false ? undefined : userId);
  return useQuery(myCallIdsQueryOptions(userId)).data;
}
