import { useCallback } from 'react';
import { isLegEnded } from '../../../domain/call-selectors';
import { useUserName } from '../../../directory/use-names';
import type { Call } from '../../../platform/types';
import { useCallIds, useCalls } from '../../../calls/use-call';
import { supervisedAgent, supervisorLeg, type SupervisorLeg } from '../supervisor-legs';
import { useSupervisorT } from '../text';

function LegLine({ leg, onOpen }: { leg: SupervisorLeg; onOpen(id: string): void }) {
  const t = useSupervisorT();
  const agent = useUserName(leg.agent?.userId) ?? t('supervisor.role.agent');
  return (
    <li>
      <span>
        {leg.mode ? t(`supervisor.mine.${leg.mode}`, { agent }) : t('supervisor.mine.other')}
      </span>{' '}
      <button type="button" className="link-button" onClick={() => onOpen(leg.callId)}>
        {t('supervisor.mine.open')}
      </button>
    </li>
  );
}

const NO_IDS: readonly string[] = [];

/** The calls the supervisor is on now (monitoring, coaching, barged in), each to open. */
export function MyLegs({ userId, onOpen }: { userId: string; onOpen(id: string): void }) {
  const t = useSupervisorT();
  const ids = useCallIds(userId, { watch: false });
  const combine = useCallback(
    (calls: readonly (Call | undefined)[]) =>
      calls.flatMap((call) => {
        const mine = call && supervisorLeg(call, userId);
        if (!call || !mine || isLegEnded(mine)) return [];
        return [{ callId: call.id, leg: mine, ...supervisedAgent(call, mine) }];
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
