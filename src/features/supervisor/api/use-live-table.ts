import { useEffect, useRef, useState } from 'react';
import { useServices } from '../../../services/widget-services';
import type { SupervisionApi } from '../../../platform/supervision';
import { LiveTableModel } from '../live-table-model';
import type { QueueWatch } from '../../../calls/queues/queue-watch';
import { watchQueues } from '../../../calls/queues/watch-queues';

export interface LiveTable {
  watch: QueueWatch;
  model: LiveTableModel;
}

/**
 * The chosen queues' live calls: one queue watch (topics, snapshots, lists; from the call core)
 * and one `LiveTableModel` (rows per frame, order, figures) per mounted view. Agents' names are
 * looked up as they appear (batched by the name directory) so the table can sort and filter by
 * them, and the rows are told when names arrive.
 */
export function useLiveTable(api: SupervisionApi, queueIds: readonly string[]): LiveTable {
  const services = useServices();
  const { calls, directory } = services;
  const chosen = useRef(queueIds);
  const [parts] = useState<LiveTable>(() => {
    const watch = watchQueues(services, api);
    const model = new LiveTableModel({
      watch,
      calls,
      scheduler: services.scheduler,
      queueIds: () => chosen.current,
      names: {
        agent: (id) => directory.knownUserName(id),
        queue: (id) => directory.knownQueueName(id),
      },
      // Asked for in a task of their own: a first snapshot brings hundreds of agents at once,
      // and registering each lookup in the frame that draws the rows made it a long task.
      onAgents: (ids) => {
        services.scheduler.after(0, () => {
          for (const id of ids) directory.prefetchUser(id);
        });
      },
    });
    return { watch, model };
  });

  useEffect(() => {
    const stop = parts.model.start();
    const offNames = directory.onNames(() => parts.model.namesChanged());
    return () => {
      stop();
      offNames();
    };
  }, [parts, directory]);

  useEffect(() => {
    chosen.current = queueIds;
    parts.watch.setQueues(queueIds);
    parts.model.queuesChanged();
  }, [parts, queueIds]);

  useEffect(() => () => parts.watch.setQueues([]), [parts]);
  return parts;
}
