import { useId } from 'react';
import { useQueueName } from '../../../directory/use-names';
import type { LiveTableModel } from '../live-table-model';
import type { RowState } from '../live-row';
import type { StateFilter } from '../table-order';
import { useSupervisorT } from '../text';
import { useTableView } from './use-model';

const STATES: RowState[] = ['waiting', 'ringing', 'connected', 'held', 'inFlow', 'other'];

function QueueOption({ queueId }: { queueId: string }) {
  const t = useSupervisorT();
  return <option value={queueId}>{useQueueName(queueId) ?? t('supervisor.queue.unnamed')}</option>;
}

/** Filter the table by queue, part of the agent's name, and state (or muted). */
export function TableFilters({ model, queueIds }: { model: LiveTableModel; queueIds: string[] }) {
  const t = useSupervisorT();
  const id = useId();
  const { filter } = useTableView(model);
  return (
    <section className="supervisor-filters" aria-labelledby={id}>
      <h3 id={id} className="visually-hidden">
        {t('supervisor.filters.label')}
      </h3>
      <label className="supervisor-field">
        <span>{t('supervisor.filters.queue')}</span>
        <select
          value={filter.queueId ?? ''}
          onChange={(e) => model.setFilter({ ...filter, queueId: e.target.value || undefined })}
        >
          <option value="">{t('supervisor.filters.allQueues')}</option>
          {queueIds.map((queueId) => (
            <QueueOption key={queueId} queueId={queueId} />
          ))}
        </select>
      </label>
      <label className="supervisor-field">
        <span>{t('supervisor.filters.agent')}</span>
        <input
          type="search"
          value={filter.agent ?? ''}
          onChange={(e) => model.setFilter({ ...filter, agent: e.target.value })}
        />
      </label>
      <label className="supervisor-field">
        <span>{t('supervisor.filters.state')}</span>
        <select
          value={filter.state ?? 'all'}
          onChange={(e) => model.setFilter({ ...filter, state: e.target.value as StateFilter })}
        >
          <option value="all">{t('supervisor.filters.allStates')}</option>
          {STATES.map((state) => (
            <option key={state} value={state}>
              {t(`supervisor.state.${state}`)}
            </option>
          ))}
          <option value="muted">{t('supervisor.filters.muted')}</option>
        </select>
      </label>
    </section>
  );
}
