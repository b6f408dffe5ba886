import { useQuery } from '@tanstack/react-query';
import { isCallEnded, myParticipant } from '../domain/call-selectors';
import { useServices } from '../services/widget-services';
import type { PlatformError } from '../platform/errors';
import { callKeys } from './call-keys';

export type LookupVerdict = 'mine' | 'ended' | 'notYours' | 'notFound';

/**
 * The call a launch URL names (`gcConversationId`), read once with
 * `GET /api/v2/conversations/calls/{id}` when it is not among the user's calls: whether it is
 * theirs, has ended, is someone else's (403 or no leg of theirs) or does not exist (404).
 */
export function useCallLookup(conversationId: string, userId: string, known: boolean) {
  const { platform, calls } = useServices();
  return useQuery<LookupVerdict, PlatformError>({
    queryKey: [...callKeys.all, 'lookup', conversationId],
    enabled: !known,
    staleTime: Infinity,
    queryFn: async () => {
      try {
        const call = await platform.getCall(conversationId);
        if (!myParticipant(call, userId)) return 'notYours';
        calls.applyLookup(call);
        return isCallEnded(call, userId) ? 'ended' : 'mine';
      } catch (error) {
        const kind = (error as PlatformError).kind;
        if (kind === 'forbidden') return 'notYours';
        if (kind === 'notFound') return 'notFound';
        throw error;
      }
    },
  });
}
