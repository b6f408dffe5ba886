import { useId, useState } from 'react';
import { displayString, TITLE_MAX } from '../../../components/ui/display-text';
import { UntrustedText } from '../../../components/ui/untrusted-text';
import type { SupervisionApi } from '../../../platform/supervision';
import { useQueues } from '../api/use-queues';
import { useSupervisorT } from '../text';

/** Shows a search box above this many queues. */
const SEARCH_FROM = 8;
/** A queue name is cut here (the whole name, made safe, in the label's title). */
const QUEUE_NAME_MAX = 80;

/** Which queues to watch: a disclosure with a checkbox per queue (open while none is chosen). */
export function QueuePicker({
  api,
  chosen,
  onChange,
}: {
  api: SupervisionApi;
  chosen: string[];
  onChange(queueIds: string[]): void;
}) {
  const t = useSupervisorT();
  const id = useId();
  const [open, setOpen] = useState(chosen.length === 0);
  const [search, setSearch] = useState('');
  const queues = useQueues(api);
  const wanted = search.trim().toLowerCase();
  const shown = (queues.data ?? []).filter(
    (q) => !wanted || q.name.toLowerCase().includes(wanted) || chosen.includes(q.id),
  );
  const toggle = (queueId: string, on: boolean) =>
    onChange(on ? [...chosen, queueId] : chosen.filter((x) => x !== queueId));
  return (
    <section className="supervisor-queues">
      <button
        type="button"
        className="disclosure"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
      >
        {t('supervisor.queues.toggle', { count: chosen.length })}
      </button>
      <div id={id} hidden={!open}>
        {queues.isPending ? <p className="muted">{t('supervisor.queues.loading')}</p> : null}
        {queues.isError ? (
          <div className="inline-alert" role="alert">
            <p>{t('supervisor.queues.failed')}</p>
            <button type="button" className="button" onClick={() => void queues.refetch()}>
              {t('action.tryAgain')}
            </button>
          </div>
        ) : null}
        {queues.data?.length === 0 ? <p className="muted">{t('supervisor.queues.none')}</p> : null}
        {queues.data && queues.data.length > 0 ? (
          <fieldset className="supervisor-queue-list">
            <legend>{t('supervisor.queues.legend')}</legend>
            {queues.data.length >= SEARCH_FROM ? (
              <label className="supervisor-field">
                <span>{t('supervisor.queues.filter')}</span>
                <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
              </label>
            ) : null}
            {shown.map((queue) => (
              <label
                key={queue.id}
                className="supervisor-check"
                title={displayString(queue.name, { max: TITLE_MAX })}
              >
                <input
                  type="checkbox"
                  checked={chosen.includes(queue.id)}
                  onChange={(e) => toggle(queue.id, e.target.checked)}
                />
                <span>
                  {queue.name ? (
                    <UntrustedText text={queue.name} max={QUEUE_NAME_MAX} />
                  ) : (
                    t('supervisor.queue.unnamed')
                  )}
                </span>
              </label>
            ))}
          </fieldset>
        ) : null}
      </div>
    </section>
  );
}
