import { isCallOver } from '../../domain/call-selectors';
import { toPlatformError } from '../../platform/errors';
import type { ConversationActivity, SupervisionApi } from '../../platform/supervision';
import type { Call } from '../../platform/types';
import type { TopicEvent } from '../../realtime/topic-registry';
import { createScheduler, type Scheduler } from '../../time/scheduler';
import type { ChangeMeta } from '../call-diff';
import type { CallSync } from '../call-sync';
import { activitiesByCall } from './queue-activity';
import { QueueLists } from './queue-lists';
import { QueueTopics, type QueueTopicsDeps } from './queue-topics';
import { ReadLedger } from './read-ledger';
import { SnapshotFetcher, type FetcherOptions, type ReadPermit } from './snapshot-fetcher';
import { StatusBoard, type WatchStatus } from './watch-status';
import { parseCall } from '../../platform/call-mapping';

export type { QueueStatus, WatchStatus } from './watch-status';

export interface QueueWatchDeps extends Omit<QueueTopicsDeps, 'scheduler'> {
  calls: Pick<CallSync, 'apply' | 'get' | 'queueIds' | 'setQueueIds'>;
  api: Pick<SupervisionApi, 'queryConversationActivity' | 'getConversation'>;
  fetcher?: FetcherOptions;
  /** A queue topic event that is not a call (counted, dropped). */
  onMalformed?(): void;
  /** The widget's one scheduler (time and timers). */
  scheduler?: Scheduler;
}

/** Failures that another attempt will not fix: said on screen, the channel is not restarted. */
const PERMANENT = new Set(['forbidden', 'notFound', 'invalid', 'unauthorized']);

/**
 * The calls of the queues a supervisor watches. Per queue: the queue's calls topic in the topic
 * registry, whose `resync` (after every (re)subscribe, events held meanwhile) takes a snapshot:
 * the conversation activity query, paged, lists the queue's live calls, then each call is read
 * with the generic GET through a `SnapshotFetcher` (from the widget's request budget, behind the
 * agent's own requests). Events are whole call snapshots: they go straight to the call cache
 * (`CallSync.apply`), and a read that started before the call's latest event is dropped as
 * older. Each queue's id list (kept by the call sync) holds its calls; a call that ends leaves
 * it, and its entry goes once nothing else (another list, an open panel) holds it.
 *
 * @example
 * const watch = new QueueWatch({ registry, calls, api, isLive });
 * watch.setQueues([supportId, salesId]);
 * watch.onChange((ids) => table.markDirty(ids));
 */
export class QueueWatch {
  private readonly topics: QueueTopics;
  private readonly summaries = new Map<string, ConversationActivity>();
  private readonly lists: QueueLists;
  private readonly ledger = new ReadLedger();
  private activityRequests = 0;
  private readonly fetcher: SnapshotFetcher;
  private readonly board: StatusBoard;
  private readonly changeListeners = new Set<(ids: readonly string[]) => void>();
  private readonly scheduler: Scheduler;

  constructor(private readonly deps: QueueWatchDeps) {
    this.scheduler = deps.scheduler ?? createScheduler();
    this.lists = new QueueLists(deps.calls);
    this.topics = new QueueTopics(
      { ...deps, scheduler: this.scheduler },
      {
        onEvent: (qid, event) => this.onEvent(qid, event),
        snapshot: (qid, current) => this.snapshot(qid, current),
        onRejected: (qid, reason) => this.board.set(qid, { state: 'rejected', reason }),
        onFailed: (qid, error) => this.board.set(qid, { state: 'failed', error }),
      },
    );
    this.fetcher = new SnapshotFetcher(
      {
        skip: (id) => this.readNotNeeded(id),
        read: (id, permit) => this.read(id, permit),
        retryable: (error) => !PERMANENT.has(toPlatformError(error).kind),
        onGiveUp: (id) => this.giveUp(id),
      },
      { scheduler: this.scheduler, ...deps.fetcher },
    );
    this.board = new StatusBoard(() => {
      const refused = this.ledger.refusedIds();
      return {
        fetch: this.fetcher.stats(),
        activityRequests: this.activityRequests,
        unread: this.summaries.size - [...refused].filter((id) => this.summaries.has(id)).length,
        unreadable: refused.size,
      };
    });
    this.fetcher.subscribe(() => this.board.changed());
  }

  /** Watches exactly these queues: new ones are subscribed, the others let go. */
  setQueues(queueIds: readonly string[]): void {
    for (const qid of this.topics.ids()) if (!queueIds.includes(qid)) this.unwatch(qid);
    for (const qid of queueIds) if (!this.topics.has(qid)) this.watch(qid);
  }

  /** Every watched call id, queue by queue, each once. */
  ids(): string[] {
    return this.lists.ids();
  }

  /** The first watched queue whose list holds the call. */
  queueOf(conversationId: string): string | undefined {
    return this.lists.firstQueueOf(conversationId);
  }

  /**
   * While a call still owes its re-read (the link came back and no event has given it since):
   * when what is shown of it was last known true. Undefined when the call is current, or when
   * nothing of it but the activity summary has been seen.
   */
  asOf(conversationId: string): number | undefined {
    return this.lists.has(conversationId) ? this.ledger.asOf(conversationId) : undefined;
  }

  /** Whether the call's read failed for good (it still updates from its events). */
  isUnreadable(conversationId: string): boolean {
    return this.ledger.isRefused(conversationId);
  }

  /** What the activity query said of a call not read yet. */
  summary(conversationId: string): ConversationActivity | undefined {
    return this.summaries.get(conversationId);
  }

  /** Calls that joined or left a list, or whose summary changed. */
  onChange(listener: (ids: readonly string[]) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** The same object until something in it changed. */
  status(): WatchStatus {
    return this.board.get();
  }

  subscribeStatus(listener: () => void): () => void {
    return this.board.subscribe(listener);
  }

  /** Reads these calls before the rest of the snapshot (e.g. the rows on screen). */
  prioritize(ids: readonly string[]): void {
    this.fetcher.prioritize(ids);
  }

  dispose(): void {
    this.setQueues([]);
    this.fetcher.dispose();
    this.changeListeners.clear();
    this.board.clear();
  }

  private watch(qid: string): void {
    this.board.set(qid, { state: 'loading' });
    this.topics.add(qid);
  }

  private unwatch(qid: string): void {
    this.topics.remove(qid);
    this.board.delete(qid);
    const { ids, unlisted } = this.lists.clear(qid);
    for (const id of unlisted) this.forgetLocally(id);
    this.fetcher.cancel(unlisted);
    this.emit(ids);
    this.board.changed();
  }

  private onEvent(qid: string, event: TopicEvent): void {
    const call = parseCall(event.body);
    if (!call) return this.deps.onMalformed?.();
    const owed = this.asOf(call.id) !== undefined || this.ledger.isRefused(call.id);
    this.ledger.event(call.id);
    const meta: ChangeMeta = {
      correlationId: event.correlationId,
      at: this.scheduler.now(),
      source: 'event',
    };
    this.receive(call, meta, qid);
    // A whole snapshot: a read still queued for this call is not needed any more.
    this.fetcher.settled([call.id]);
    if (owed) this.settled(call.id);
  }

  /** The call is current again: its row loses its "as of" mark. */
  private settled(id: string): void {
    const wasRefused = this.ledger.clearRefusal(id);
    this.emit([id]);
    if (wasRefused) this.board.changed();
  }

  private giveUp(id: string): void {
    if (this.readNotNeeded(id)) return;
    this.ledger.refuse(id);
    this.emit([id]);
    this.board.changed();
  }

  /** One whole snapshot of a call, from its queue's topic (`qid`) or from a read. */
  private receive(call: Call, meta: ChangeMeta, qid?: string): void {
    const listed = this.lists.has(call.id);
    if (isCallOver(call)) {
      if (listed) this.deps.calls.apply(call, meta);
      return this.drop(call.id);
    }
    if (!qid && !listed) return;
    this.deps.calls.apply(call, meta);
    this.ledger.received(call.id, meta.at);
    const hadSummary = this.summaries.delete(call.id);
    if (qid) this.lists.add(qid, call.id);
    else this.leaveQueuesNotNamed(call);
    if (hadSummary || !listed) {
      this.emit([call.id]);
      if (hadSummary) this.board.changed();
    }
  }

  /** A read showed the call no longer names a watched queue it was listed in. */
  private leaveQueuesNotNamed(call: Call): void {
    for (const qid of this.lists.queuesOf(call.id))
      if (!call.participants.some((p) => p.queueId === qid)) this.lists.remove(qid, call.id);
    if (!this.lists.has(call.id)) this.drop(call.id);
  }

  /**
   * The queue's snapshot (its topic's resync): the activity query, then every listed call is
   * queued for one read. Resolves once the list is known; the reads go on behind it.
   */
  private async snapshot(qid: string, current: () => boolean): Promise<void> {
    const position = this.ledger.position();
    this.board.set(qid, { state: 'loading' });
    let activities: readonly ConversationActivity[];
    try {
      const result = await this.deps.api.queryConversationActivity([qid], {
        priority: 'background',
      });
      this.activityRequests += result.pages;
      activities = result.activities;
    } catch (raw) {
      const error = toPlatformError(raw);
      if (current()) this.board.set(qid, { state: 'failed', error });
      if (PERMANENT.has(error.kind)) return;
      throw error;
    }
    if (!current()) return;
    const byId = activitiesByCall(activities, qid);
    for (const [id, activity] of byId)
      if (!this.deps.calls.get(id)) this.summaries.set(id, activity);
    const ids = [...new Set([...this.lists.list(qid), ...byId.keys()])];
    this.lists.set(qid, ids);
    this.ledger.schedule(ids, position);
    // Read once the events held during this re-read are delivered: they may make reads needless.
    this.scheduler.after(0, () => {
      if (current()) this.fetcher.enqueue(ids);
    });
    this.board.set(qid, { state: 'ready' });
    this.emit(ids);
  }

  /** An event since the snapshot asked for the read is a whole, fresher snapshot. */
  private readNotNeeded(id: string): boolean {
    if (!this.lists.has(id)) return true;
    return this.ledger.eventSinceScheduled(id);
  }

  private async read(id: string, permit?: ReadPermit): Promise<void> {
    const sent = this.ledger.position();
    let call: Call;
    try {
      call = await this.deps.api.getConversation(id, { priority: 'background', permit });
    } catch (raw) {
      if (toPlatformError(raw).kind === 'notFound') return this.drop(id);
      throw raw;
    }
    if (this.ledger.eventSince(id, sent)) return;
    this.ledger.read(id);
    this.receive(call, { at: this.scheduler.now(), source: 'reread' });
    this.settled(id);
  }

  /** The call leaves every list (it ended, or no watched queue holds it). */
  private drop(id: string): void {
    this.lists.removeEverywhere(id);
    const counted = this.summaries.has(id) || this.ledger.isRefused(id);
    this.forgetLocally(id);
    this.fetcher.cancel([id]);
    this.emit([id]);
    if (counted) this.board.changed();
  }

  private forgetLocally(id: string): void {
    this.summaries.delete(id);
    this.ledger.forget(id);
  }

  private emit(ids: readonly string[]): void {
    if (ids.length === 0) return;
    for (const listener of [...this.changeListeners]) listener(ids);
  }
}
