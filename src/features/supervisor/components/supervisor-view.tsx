import { Suspense, useEffect, useState } from 'react';
import { useCatalog } from '../../../i18n/use-catalog';
import { useSession } from '../../../services/widget-services';
import { useWatchMyCalls } from '../../../calls/use-call';
import type { CurrentUser } from '../../../platform/types';
import { useLiveTable } from '../api/use-live-table';
import { useSupervisionApi } from '../api/use-supervision-api';
import { missingViewPermissions } from '../permissions';
import { loadChosenQueues, saveChosenQueues } from '../queue-choice';
import { CATALOG, useSupervisorT } from '../text';
import { CallDetail } from './call-detail';
import { LiveFigures } from './live-figures';
import { LiveGrid } from './live-grid';
import { MyLegs } from './my-legs';
import { NoAccess } from './no-access';
import { QueuePicker } from './queue-picker';
import { QueueStatuses } from './queue-statuses';
import { StaleNote } from './stale-note';
import { TableFilters } from './table-filters';
import '../supervisor.css';
import '../supervisor-grid.css';

export interface SupervisorViewProps {
  /** Back to the agent panel. */
  onLeave(): void;
}

/**
 * The supervisor view (a lazy chunk): every live call in the chosen queues, small live figures,
 * and one call opened as a read-only live panel with monitor / coach / barge. Users without the
 * permissions get an explanation instead.
 */
export default function SupervisorView({ onLeave }: SupervisorViewProps) {
  useCatalog(CATALOG);
  const t = useSupervisorT();
  const user = useSession((s) => s.user);
  const userId = user?.id;
  // The user's own calls stay live here too: a supervisor's own legs (monitoring, coaching), and
  // for anyone the calls the agent panel shows on the way back. It also opens the channel
  // before any queue is chosen.
  useWatchMyCalls(userId);
  if (!user) return null;
  const missing = missingViewPermissions(user.permissions);
  if (missing.length > 0) return <NoAccess missing={missing} onLeave={onLeave} />;
  return (
    <Suspense fallback={<p className="muted">{t('supervisor.loading')}</p>}>
      <Dashboard user={user} />
    </Suspense>
  );
}

function Dashboard({ user }: { user: CurrentUser }) {
  const t = useSupervisorT();
  const api = useSupervisionApi();
  const [chosen, setChosen] = useState<string[]>(() => loadChosenQueues(user.id));
  const [openId, setOpenId] = useState<string>();
  const table = useLiveTable(api, chosen);
  useEffect(() => saveChosenQueues(user.id, chosen), [user.id, chosen]);
  return (
    <div className="supervisor">
      <h2 className="supervisor-title">{t('supervisor.title')}</h2>
      <StaleNote />
      <MyLegs userId={user.id} onOpen={setOpenId} />
      <QueuePicker api={api} chosen={chosen} onChange={setChosen} />
      <QueueStatuses watch={table.watch} />
      <div className={`supervisor-body${openId ? ' has-detail' : ''}`}>
        {openId ? (
          <CallDetail
            key={openId}
            conversationId={openId}
            user={user}
            api={api}
            onClose={() => setOpenId(undefined)}
          />
        ) : null}
        {chosen.length > 0 ? (
          <div className="supervisor-main">
            <LiveFigures model={table.model} />
            <TableFilters model={table.model} queueIds={chosen} />
            <LiveGrid table={table} openId={openId} onOpen={setOpenId} />
          </div>
        ) : (
          <p className="notice">{t('supervisor.queues.choose')}</p>
        )}
      </div>
    </div>
  );
}
