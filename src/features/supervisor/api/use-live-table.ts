import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useServices } from '../../../services/widget-services';
import type { SupervisionApi } from '../../../platform/supervision';
import type { DirectoryQueue, DirectoryUser } from '../../../platform/types';
import { LiveTableModel } from '../live-table-model';
import { QueueWatch } from '../../../calls/queues/queue-watch';

export interface LiveTable {
  watch: QueueWatch;
  model: LiveTableModel;
}

/**
 * The chosen queues' live calls: one `QueueWatch` (topics, snapshots, lists) and one
 * `LiveTableModel` (rows per frame, order, figures) per mounted view. Agents' names are looked
 * up as they appear (batched by the name directory) so the table can sort and filter by them.
 * Name keys come from the directory instance (`services.directory`), not its module: importing
 * shared modules from this chunk makes the bundler split them out of the agent panel's entry.
 */
export function useLiveTable(api: SupervisionApi, queueIds: readonly string[]): LiveTable {
  const { registry, calls, connection, directory } = useServices();
  const queryClient = useQueryClient();
  const chosen = useRef(queueIds);
  const [parts] = useState<LiveTable>(() => {
    const watch = new QueueWatch({
      registry,
      calls,
      queryClient,
      api,
      isLive: () => connection.getState().status === 'live',
      onMalformed: () => {
        const dropped = connection.getState().dropped;
        connection.setState({ dropped: { ...dropped, malformed: dropped.malformed + 1 } });
      },
    });
    const model = new LiveTableModel({
      watch,
      calls,
      queueIds: () => chosen.current,
      names: {
        agent: (id) =>
          queryClient.getQueryData<DirectoryUser | null>(directory.userQuery(id).queryKey)?.name,
        queue: (id) =>
          queryClient.getQueryData<DirectoryQueue | null>(directory.queueQuery(id).queryKey)?.name,
      },
      onAgents: (ids) => {
        for (const id of ids) void queryClient.prefetchQuery(directory.userQuery(id));
      },
    });
    return { watch, model };
  });

  useEffect(() => {
    const stop = parts.model.start();
    const namespace = directory.userQuery('').queryKey[0];
    const offNames = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.query.queryKey[0] === namespace)
        parts.model.namesChanged();
    });
    return () => {
      stop();
      offNames();
    };
  }, [parts, queryClient, directory]);

  useEffect(() => {
    chosen.current = queueIds;
    parts.watch.setQueues(queueIds);
    parts.model.queuesChanged();
  }, [parts, queueIds]);

  useEffect(() => () => parts.watch.setQueues([]), [parts]);
  return parts;
}
