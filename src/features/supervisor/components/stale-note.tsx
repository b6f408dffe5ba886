import { useConnection } from '../../../services/widget-services';
import { useSupervisorT } from '../text';

/** While the link is not live, the table is the state as of a time, not now. */
export function StaleNote() {
  const t = useSupervisorT();
  const status = useConnection((s) => s.status);
  const staleSince = useConnection((s) => s.staleSince);
  if (status === 'live' || staleSince === undefined) return null;
  return (
    <p className="stale-banner" role="status">
      {t('supervisor.stale', { time: new Date(staleSince) })}
    </p>
  );
}
