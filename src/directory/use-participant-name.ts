import { readableNumber } from '../domain/call-selectors';
import { useQueueName, useUserName } from './use-names';
import type { Participant } from '../platform/types';

/**
 * The name to show for a leg: users and queues by id lookup (real legs carry no names), the
 * caller's display text or number; undefined when the platform gives nothing (the caller then
 * shows the role, never an invented name).
 */
export function useParticipantName(p: Participant | undefined): string | undefined {
  const isPerson = p?.purpose === 'agent' || p?.purpose === 'user';
  const userName = useUserName(isPerson ? p?.userId : undefined);
  const queueName = useQueueName(p?.purpose === 'acd' ? p?.queueId : undefined);
  if (!p) return undefined;
  if (isPerson) return userName;
  if (p.purpose === 'acd') return queueName ?? p.queueName ?? p.name;
  if (p.purpose === 'customer' || p.purpose === 'external')
    return p.name || readableNumber(p.ani) || undefined;
  return p.name;
}
