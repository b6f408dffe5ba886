import { useCallback, useSyncExternalStore } from 'react';
import { useQueueName } from '../../../directory/use-names';
import { ProblemText } from '../../../components/ui/problem-text';
import { explainError } from '../../../errors/explain-error';
import type { QueueStatus, QueueWatch } from '../../../calls/queues/queue-watch';
import { useSupervisorT } from '../text';

function QueueLine({ queueId, status }: { queueId: string; status: QueueStatus }) {
  const t = useSupervisorT();
  const queue = useQueueName(queueId) ?? t('supervisor.queue.unnamed');
  if (status.state === 'ready') return null;
  if (status.state === 'loading')
    return <li className="muted">{t('supervisor.queue.loading', { queue })}</li>;
  if (status.state === 'rejected')
    return (
      <li className="inline-alert" role="alert">
        {t('supervisor.queue.rejected', { queue, reason: status.reason ?? '' })}
      </li>
    );
  return (
    <li className="inline-alert" role="alert">
      <p>{t('supervisor.queue.failed', { queue })}</p>
      {status.error ? (
        <p>
          <ProblemText problem={explainError(status.error)} />
        </p>
      ) : null}
    </li>
  );
}

/** Per queue: still reading, refused or failed (nothing while all is well). */
export function QueueStatuses({ watch }: { watch: QueueWatch }) {
  const status = useSyncExternalStore(
    useCallback((listener) => watch.subscribeStatus(listener), [watch]),
    () => watch.status(),
  );
  const entries = Object.entries(status.queues).filter(([, s]) => s.state !== 'ready');
  if (entries.length === 0) return null;
  return (
    <ul className="supervisor-queue-status">
      {entries.map(([queueId, s]) => (
        <QueueLine key={queueId} queueId={queueId} status={s} />
      ))}
    </ul>
  );
}
