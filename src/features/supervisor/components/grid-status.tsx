import { useCallback, useSyncExternalStore } from 'react';
import type { LiveTableModel } from '../live-table-model';
import type { QueueWatch, WatchStatus } from '../../../calls/queues/queue-watch';
import { useSupervisorT } from '../text';
import { useTableView } from './use-model';

function useWatchStatus(watch: QueueWatch): WatchStatus {
  return useSyncExternalStore(
    useCallback((listener) => watch.subscribeStatus(listener), [watch]),
    () => watch.status(),
  );
}

/** Calls still to be read in full: known only from analytics, queued, or waiting to retry. */
const callsToRead = ({ unread, fetch }: WatchStatus): number =>
  Math.max(unread, fetch.queued + fetch.inFlight + fetch.retrying);

/** The table's name, how many calls it shows, and whether every call has been read yet. */
export function GridStatus({ model, watch }: { model: LiveTableModel; watch: QueueWatch }) {
  const t = useSupervisorT();
  const { order, total } = useTableView(model);
  const status = useWatchStatus(watch);
  const left = callsToRead(status);
  const { unreadable } = status;
  return (
    <div className="supervisor-grid-status">
      <h3 id="supervisor-grid-label" className="supervisor-subtitle">
        {t('supervisor.table.label')}
      </h3>
      <p className="muted">
        {t('supervisor.table.count', { shown: order.length, total })}
        {' · '}
        <span data-testid="supervisor-reading" data-left={left}>
          {left > 0 ? t('supervisor.table.reading', { left }) : t('supervisor.table.allRead')}
        </span>
        {unreadable > 0 ? (
          <>
            {' · '}
            <span data-testid="supervisor-unreadable">
              {t('supervisor.table.unreadable', { count: unreadable })}
            </span>
          </>
        ) : null}
      </p>
      <p id="supervisor-grid-hint" className="visually-hidden">
        {t('supervisor.table.hint')}
      </p>
      {order.length === 0 ? (
        <p className="empty-state">
          {t(total === 0 ? 'supervisor.table.empty' : 'supervisor.table.noMatch')}
        </p>
      ) : null}
    </div>
  );
}
