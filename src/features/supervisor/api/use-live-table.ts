import { useEffect, useRef, useState } from 'react';
import { useServices } from '../../../services/widget-services';
import type { SupervisionApi } from '../../../platform/supervision';
import { LiveTableModel } from '../live-table-model';
import type { QueueWatch } from '../../../calls/queues/queue-watch';
import { watchQueues } from '../../../calls/queues/watch-queues';
import { inSlices } from './in-slices';

export interface LiveTable {
  watch: QueueWatch;
  model: LiveTableModel;
  /** Agents' names to look up, a slice per task. */
  lookups: { stop(): void };
}

const NAME_LOOKUPS_PER_TASK = 50;

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
    // Agents' names are asked for in tasks of their own, 50 at a time: a first snapshot brings
    // hundreds of agents at once, and registering each lookup in the frame that draws the rows
    // made it a long task.
    const lookups = inSlices(services.scheduler, NAME_LOOKUPS_PER_TASK, (id: string) =>
      directory.prefetchUser(id),
    );
    const model = new LiveTableModel({
      watch,
      calls,
      scheduler: services.scheduler,
      queueIds: () => chosen.current,
      names: {
        agent: (id) => directory.knownUserName(id),
        queue: (id) => directory.knownQueueName(id),
      },
      onAgents: (ids) => lookups.add(ids),
    });
    return { watch, model, lookups };
  });

  useEffect(() => {
    const stop = parts.model.start();
    const offNames = directory.onNames(() => parts.model.namesChanged());
    return () => {
      stop();
      offNames();
      parts.lookups.stop();
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
