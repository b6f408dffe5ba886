import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { directoryKeys } from '../../../lib/directory/name-directory';
import { useServices } from '../../../lib/services';
import type { SupervisionApi } from '../../../platform/supervision';
import type { DirectoryQueue, DirectoryUser } from '../../../platform/types';
import { LiveTableModel } from '../live-table-model';
import { QueueWatch } from '../queue-watch';

export interface LiveTable {
  watch: QueueWatch;
  model: LiveTableModel;
}

/**
 * The chosen queues' live calls: one `QueueWatch` (topics, snapshots, lists) and one
 * `LiveTableModel` (rows per frame, order, figures) per mounted view. Agents' names are looked
 * up as they appear (batched by the name directory) so the table can sort and filter by them.
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
        agent: (id) => queryClient.getQueryData<DirectoryUser | null>(directoryKeys.user(id))?.name,
        queue: (id) =>
          queryClient.getQueryData<DirectoryQueue | null>(directoryKeys.queue(id))?.name,
      },
      onAgents: (ids) => {
        for (const id of ids) void queryClient.prefetchQuery(directory.userQuery(id));
      },
    });
    return { watch, model };
  });

  useEffect(() => {
    const stop = parts.model.start();
    const offNames = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.query.queryKey[0] === directoryKeys.all[0])
        parts.model.namesChanged();
    });
    return () => {
      stop();
      offNames();
    };
  }, [parts, queryClient]);

  useEffect(() => {
    chosen.current = queueIds;
    parts.watch.setQueues(queueIds);
    parts.model.queuesChanged();
  }, [parts, queueIds]);

  useEffect(() => () => parts.watch.setQueues([]), [parts]);
  return parts;
}
