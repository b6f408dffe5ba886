import { useCallback } from 'react';
import { useUserName } from '../../../directory/use-names';
import type { Call } from '../../../platform/types';
import { useCallIds, useCalls } from '../../../calls/use-call';
import {
  statusMessage,
  supervisedAgent,
  supervisionStatus,
  type SupervisionStatus,
  type SupervisorLeg,
} from '../supervisor-legs';
import { useSupervisorT } from '../text';

type LiveLeg = SupervisorLeg & { status: SupervisionStatus };

function LegLine({ leg, onOpen }: { leg: LiveLeg; onOpen(id: string): void }) {
  const t = useSupervisorT();
  const agent = useUserName(leg.agent?.userId) ?? t('supervisor.role.agent');
  return (
    <li data-phase={leg.status.phase}>
      <span>{t.message(statusMessage(leg.status, agent))}</span>{' '}
      <button type="button" className="link-button" onClick={() => onOpen(leg.callId)}>
        {t('supervisor.mine.open')}
      </button>
    </li>
  );
}

const NO_IDS: readonly string[] = [];

/**
 * The calls the supervisor is on now (monitoring, coaching, barged in, or their phone still
 * being called for one of those), each to open.
 */
export function MyLegs({ userId, onOpen }: { userId: string; onOpen(id: string): void }) {
  const t = useSupervisorT();
  const ids = useCallIds(userId, { watch: false });
  const combine = useCallback(
    (calls: readonly (Call | undefined)[]) =>
      calls.flatMap((call): LiveLeg[] => {
        const status = call && supervisionStatus(call, userId);
        if (!call || !status || status.phase === 'unanswered') return [];
        return [{ callId: call.id, leg: status.leg, status, ...supervisedAgent(call, status.leg) }];
      }),
    [userId],
  );
  const legs = useCalls(ids ?? NO_IDS, combine);
  if (legs.length === 0) return null;
  return (
    <section
      className="notice supervisor-mine"
      aria-label={t('supervisor.mine.title', { count: legs.length })}
    >
      <p>{t('supervisor.mine.title', { count: legs.length })}</p>
      <ul>
        {legs.map((leg) => (
          <LegLine key={leg.callId} leg={leg} onOpen={onOpen} />
        ))}
      </ul>
    </section>
  );
}
