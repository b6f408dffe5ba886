import type { SetupReads } from '../../../platform/setup-reads';
import { text, type CheckResult } from '../model';
import { QUEUE_OBSERVATION_VIEW, QUEUE_VIEW } from '../requirements';
import { errorText } from './error-text';
import { needsPermission } from './permission-checks';

const FEATURES = ['supervisor'] as const;

/**
 * What the supervisor view reads: the queues the user may see (first page), then, for one of
 * them, the queue observation query and the view's own conversation activity query. Each needs
 * its permission; without it the check says "not checked (needs …)" and sends nothing.
 */
export async function supervisorChecks(
  reads: Pick<SetupReads, 'queues' | 'observeQueue' | 'queueActivity'>,
  can: { viewQueues: boolean; observe: boolean },
): Promise<CheckResult[]> {
  const queuesBase = {
    id: 'supervisor.queues',
    features: FEATURES,
    title: text('setup.queues.title'),
  };
  const observationBase = {
    id: 'supervisor.observation',
    features: FEATURES,
    title: text('setup.observation.title'),
  };
  const activityBase = {
    id: 'supervisor.activity',
    features: FEATURES,
    title: text('setup.activity.title'),
  };
  if (!can.viewQueues) {
    const needs = can.observe ? [QUEUE_VIEW] : [QUEUE_VIEW, QUEUE_OBSERVATION_VIEW];
    return [
      needsPermission(queuesBase, [QUEUE_VIEW]),
      needsPermission(observationBase, needs),
      needsPermission(activityBase, needs),
    ];
  }
  let queueId: string | undefined;
  let queues: CheckResult;
  try {
    const page = await reads.queues();
    queueId = page.queueIds[0];
    const count = page.total ?? page.queueIds.length;
    queues = queueId
      ? {
          ...queuesBase,
          status: 'works',
          detail: text('setup.queues.works', { count }),
          facts: { visible: count },
        }
      : {
          ...queuesBase,
          status: 'willNotWork',
          detail: text('setup.queues.none'),
          fix: text('setup.queues.fix'),
          facts: { visible: 0 },
        };
  } catch (error) {
    queues = {
      ...queuesBase,
      status: 'willNotWork',
      detail: text('setup.queues.failed', { error: errorText(error) }),
    };
  }
  if (!can.observe)
    return [
      queues,
      needsPermission(observationBase, [QUEUE_OBSERVATION_VIEW]),
      needsPermission(activityBase, [QUEUE_OBSERVATION_VIEW]),
    ];
  if (!queueId) {
    const noQueue = { status: 'notChecked' as const, detail: text('setup.queryNoQueue') };
    return [queues, { ...observationBase, ...noQueue }, { ...activityBase, ...noQueue }];
  }
  const query = async (
    base: typeof observationBase,
    run: () => Promise<number>,
  ): Promise<CheckResult> => {
    try {
      const results = await run();
      return { ...base, status: 'works', detail: text('setup.query.works'), facts: { results } };
    } catch (error) {
      return {
        ...base,
        status: 'willNotWork',
        detail: text('setup.query.failed', { error: errorText(error) }),
      };
    }
  };
  const id = queueId;
  return [
    queues,
    ...(await Promise.all([
      query(observationBase, () => reads.observeQueue(id)),
      query(activityBase, () => reads.queueActivity(id)),
    ])),
  ];
}
