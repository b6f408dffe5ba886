import type { WidgetServices } from '../../services/widget-services';
import { QueueWatch, type QueueWatchDeps } from './queue-watch';

/**
 * A watch over queues' calls for this widget (see `QueueWatch`): its lists live beside the
 * user's in the call cache and hold their calls there; its events and reads go through the
 * widget's call sync; its reads draw from the widget's request budget at background priority.
 * Call `setQueues` to choose, `dispose` when done.
 *
 * @example
 * const watch = watchQueues(services, supervisionApi);
 * watch.setQueues([supportId]);
 */
export function watchQueues(
  services: Pick<WidgetServices, 'registry' | 'calls' | 'connection' | 'platform' | 'scheduler'>,
  api: QueueWatchDeps['api'],
): QueueWatch {
  const { registry, calls, connection, platform, scheduler } = services;
  return new QueueWatch({
    registry,
    calls,
    api,
    scheduler,
    // Every read draws from the widget's one request budget, behind the agent's own requests.
    fetcher: { permit: () => platform.acquirePermit('background') },
    isLive: () => connection.getState().status === 'live',
    onMalformed: () => {
      const dropped = connection.getState().dropped;
      connection.setState({ dropped: { ...dropped, malformed: dropped.malformed + 1 } });
    },
  });
}
