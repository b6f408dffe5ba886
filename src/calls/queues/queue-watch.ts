import type { QueryClient } from '@tanstack/react-query';
import { isCallOver } from '../../domain/call-selectors';
import type { PlatformError } from '../../platform/errors';
import type { ConversationActivity, SupervisionApi } from '../../platform/supervision';
import type { Call } from '../../platform/types';
import type { ChangeMeta } from '../call-diff';
import { callKeys } from '../call-keys';
import type { CallSync } from '../call-sync';
import type { TopicEvent, TopicRegistry } from '../../realtime/topic-registry';
import { queueCallsTopic } from '../../realtime/topics';
import { toPlatformError } from '../../platform/errors';
import { ReadLedger } from './read-ledger';
import { SnapshotFetcher, type FetcherOptions, type FetcherStats } from './snapshot-fetcher';

export interface QueueStatus {
  state: 'loading' | 'ready' | 'failed' | 'rejected';
  error?: PlatformError;
  /** The platform's reason for refusing the topic. */
  reason?: string;
}

export interface WatchStatus {
  queues: Readonly<Record<string, QueueStatus>>;
  fetch: FetcherStats;
  /** Activity query pages asked (one request each). */
  activityRequests: number;
  /** Calls known only from the activity query so far (being read, or to be read). */
  unread: number;
  /** Calls whose read failed for good (e.g. 403): shown as far as they are known, marked. */
  unreadable: number;
}

export interface QueueWatchDeps {
  registry: Pick<TopicRegistry, 'subscribe' | 'resync'>;
  calls: Pick<CallSync, 'apply' | 'get' | 'forgetIfUnlisted'>;
  queryClient: QueryClient;
  api: Pick<SupervisionApi, 'queryConversationActivity' | 'getConversation' | 'readCallEvent'>;
  /** Whether the channel is live (a topic added then gets its re-read from the channel). */
  isLive(): boolean;
  now?: () => number;
  fetcher?: FetcherOptions;
  /** A queue topic event that is not a call (counted, dropped). */
  onMalformed?(): void;
  /** How long to wait for the channel's re-read of a newly watched queue before asking for it. */
  ensureSnapshotMs?: number;
  setTimer?: (run: () => void, ms: number) => () => void;
}

interface Watched {
  off(): void;
  cancelEnsure?(): void;
  snapshotStarted: boolean;
}

const METRIC_RANK = { oWaiting: 0, oAlerting: 1, oInteracting: 2 } as const;
/** Failures that another attempt will not fix: said on screen, the channel is not restarted. */
const PERMANENT = new Set(['forbidden', 'notFound', 'invalid', 'unauthorized']);

const browserTimer = (run: () => void, ms: number) => {
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
};

/**
 * The calls of the queues a supervisor watches. Per queue: the queue's calls topic in the topic
 * registry, whose `resync` (after every (re)subscribe, events held meanwhile) takes a snapshot:
 * the conversation activity query, paged, lists the queue's live calls, then each call is read
 * with the generic GET through a `SnapshotFetcher` (capped, no storm). Events are whole call
 * snapshots: they go straight to the call cache (`CallSync.apply`), and a read that started
 * before the call's latest event is dropped as older. Keeps `callKeys.queue(qid)` id lists;
 * calls that end leave them (and the cache, once no list holds them).
 *
 * @example
 * const watch = new QueueWatch({ registry, calls, queryClient, api, isLive });
 * watch.setQueues([supportId, salesId]);
 * watch.onChange((ids) => table.markDirty(ids));
 */
export class QueueWatch {
  private readonly watched = new Map<string, Watched>();
  private readonly statuses = new Map<string, QueueStatus>();
  private readonly summaries = new Map<string, ConversationActivity>();
  /** Which watched lists hold each call. */
  private readonly listedIn = new Map<string, Set<string>>();
  private readonly ledger = new ReadLedger();
  private activityRequests = 0;
  private readonly fetcher: SnapshotFetcher;
  private readonly changeListeners = new Set<(ids: readonly string[]) => void>();
  private readonly statusListeners = new Set<() => void>();
  private statusCache?: WatchStatus;
  private readonly now: () => number;
  private readonly setTimer: (run: () => void, ms: number) => () => void;

  constructor(private readonly deps: QueueWatchDeps) {
    this.now = deps.now ?? (() => Date.now());
    this.setTimer = deps.setTimer ?? browserTimer;
    this.fetcher = new SnapshotFetcher(
      {
        skip: (id) => this.readNotNeeded(id),
        read: (id) => this.read(id),
        retryable: (error) => !PERMANENT.has(toPlatformError(error).kind),
        onGiveUp: (id) => this.giveUp(id),
      },
      deps.fetcher,
    );
    this.fetcher.subscribe(() => this.statusChanged());
  }

  /** Watches exactly these queues: new ones are subscribed, the others let go. */
  setQueues(queueIds: readonly string[]): void {
    for (const qid of [...this.watched.keys()]) if (!queueIds.includes(qid)) this.unwatch(qid);
    for (const qid of queueIds) if (!this.watched.has(qid)) this.watch(qid);
  }

  /** Every watched call id, queue by queue, each once. */
  ids(): string[] {
    return [...this.listedIn.keys()];
  }

  /** The first watched queue whose list holds the call. */
  queueOf(conversationId: string): string | undefined {
    return this.listedIn.get(conversationId)?.values().next().value;
  }

  /**
   * While a call still owes its re-read (the link came back and no event has given it since):
   * when what is shown of it was last known true. Undefined when the call is current, or when
   * nothing of it but the activity summary has been seen.
   */
  asOf(conversationId: string): number | undefined {
    return this.listedIn.has(conversationId) ? this.ledger.asOf(conversationId) : undefined;
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

  status(): WatchStatus {
    this.statusCache ??= {
      queues: Object.fromEntries(this.statuses),
      fetch: this.fetcher.stats(),
      activityRequests: this.activityRequests,
      unread:
        this.summaries.size -
        [...this.ledger.refusedIds()].filter((id) => this.summaries.has(id)).length,
      unreadable: this.ledger.refusedIds().size,
    };
    return this.statusCache;
  }

  subscribeStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Reads these calls before the rest of the snapshot (e.g. the rows on screen). */
  prioritize(ids: readonly string[]): void {
    this.fetcher.prioritize(ids);
  }

  dispose(): void {
    this.setQueues([]);
    this.fetcher.dispose();
    this.changeListeners.clear();
    this.statusListeners.clear();
  }

  private watch(qid: string): void {
    const entry: Watched = { off: () => undefined, snapshotStarted: false };
    this.watched.set(qid, entry);
    this.setStatus(qid, { state: 'loading' });
    const topic = queueCallsTopic(qid);
    try {
      entry.off = this.deps.registry.subscribe({
        topic,
        onEvent: (event) => this.onEvent(qid, event),
        resync: () => this.snapshot(qid, entry),
        onRejected: (reason) => this.setStatus(qid, { state: 'rejected', reason }),
      });
    } catch (error) {
      this.setStatus(qid, { state: 'failed', error: toPlatformError(error) });
      return;
    }
    // Subscribed while live, a topic the channel already held (e.g. let go and taken back
    // within its debounce) gets no re-read from the channel: ask for one.
    entry.cancelEnsure = this.setTimer(() => {
      entry.cancelEnsure = undefined;
      if (this.watched.get(qid) !== entry || entry.snapshotStarted || !this.deps.isLive()) return;
      void this.deps.registry.resync([topic]).catch(() => undefined);
    }, this.deps.ensureSnapshotMs ?? 1000);
  }

  private unwatch(qid: string): void {
    const entry = this.watched.get(qid);
    entry?.off();
    entry?.cancelEnsure?.();
    this.watched.delete(qid);
    this.statuses.delete(qid);
    const ids = this.list(qid);
    this.deps.queryClient.removeQueries({ queryKey: callKeys.queue(qid), exact: true });
    const dropped: string[] = [];
    for (const id of ids) {
      const lists = this.listedIn.get(id);
      lists?.delete(qid);
      if (lists && lists.size > 0) continue;
      dropped.push(id);
      this.forgetLocally(id);
    }
    this.fetcher.cancel(dropped);
    for (const id of dropped) this.deps.calls.forgetIfUnlisted(id);
    this.emit(ids);
    this.statusChanged();
  }

  private onEvent(qid: string, event: TopicEvent): void {
    const call = this.deps.api.readCallEvent(event.body);
    if (!call) return this.deps.onMalformed?.();
    const owed = this.asOf(call.id) !== undefined || this.ledger.isRefused(call.id);
    this.ledger.event(call.id);
    this.receive(
      call,
      { correlationId: event.correlationId, at: this.now(), source: 'event' },
      qid,
    );
    if (owed) this.settled(call.id);
  }

  /** The call is current again: its row loses its "as of" mark. */
  private settled(id: string): void {
    const wasRefused = this.ledger.clearRefusal(id);
    this.emit([id]);
    if (wasRefused) this.statusChanged();
  }

  private giveUp(id: string): void {
    if (this.readNotNeeded(id)) return;
    this.ledger.refuse(id);
    this.emit([id]);
    this.statusChanged();
  }

  /** One whole snapshot of a call, from its queue's topic (`qid`) or from a read. */
  private receive(call: Call, meta: ChangeMeta, qid?: string): void {
    const listed = this.listedIn.has(call.id);
    if (isCallOver(call)) {
      if (listed) this.deps.calls.apply(call, meta);
      return this.drop(call.id);
    }
    if (!qid && !listed) return;
    this.deps.calls.apply(call, meta);
    this.ledger.received(call.id, meta.at);
    const hadSummary = this.summaries.delete(call.id);
    if (qid && !this.list(qid).includes(call.id)) this.setList(qid, [...this.list(qid), call.id]);
    else if (!qid) this.leaveQueuesNotNamed(call);
    if (hadSummary || !listed) {
      this.emit([call.id]);
      if (hadSummary) this.statusChanged();
    }
  }

  /** A read showed the call no longer names a watched queue it was listed in. */
  private leaveQueuesNotNamed(call: Call): void {
    for (const qid of [...(this.listedIn.get(call.id) ?? [])]) {
      if (call.participants.some((p) => p.queueId === qid)) continue;
      this.setList(
        qid,
        this.list(qid).filter((id) => id !== call.id),
      );
    }
    if (!this.listedIn.has(call.id)) this.drop(call.id);
  }

  /**
   * The queue's snapshot (its topic's resync): the activity query, then every listed call is
   * queued for one read. Resolves once the list is known; the reads go on behind it.
   */
  private async snapshot(qid: string, entry: Watched): Promise<void> {
    if (this.watched.get(qid) !== entry) return;
    entry.snapshotStarted = true;
    const position = this.ledger.position();
    this.setStatus(qid, { state: 'loading' });
    let activities: ConversationActivity[];
    try {
      const result = await this.deps.api.queryConversationActivity([qid]);
      this.activityRequests += result.pages;
      activities = result.activities;
    } catch (raw) {
      const error = toPlatformError(raw);
      if (this.watched.get(qid) === entry) this.setStatus(qid, { state: 'failed', error });
      if (PERMANENT.has(error.kind)) return;
      throw error;
    }
    if (this.watched.get(qid) !== entry) return;
    const byId = new Map<string, ConversationActivity>();
    for (const a of activities) {
      if (a.queueId && a.queueId !== qid) continue;
      const seen = byId.get(a.conversationId);
      if (!seen || METRIC_RANK[a.metric] > METRIC_RANK[seen.metric]) byId.set(a.conversationId, a);
    }
    for (const [id, activity] of byId)
      if (!this.deps.calls.get(id)) this.summaries.set(id, activity);
    const ids = [...new Set([...this.list(qid), ...byId.keys()])];
    this.setList(qid, ids);
    this.ledger.schedule(ids, position);
    // Read once the events held during this re-read are delivered: they may make reads needless.
    this.setTimer(() => {
      if (this.watched.get(qid) === entry) this.fetcher.enqueue(ids);
    }, 0);
    this.setStatus(qid, { state: 'ready' });
    this.emit(ids);
  }

  /** An event since the snapshot asked for the read is a whole, fresher snapshot. */
  private readNotNeeded(id: string): boolean {
    if (!this.listedIn.has(id)) return true;
    return this.ledger.eventSinceScheduled(id);
  }

  private async read(id: string): Promise<void> {
    const sent = this.ledger.position();
    let call: Call;
    try {
      call = await this.deps.api.getConversation(id);
    } catch (raw) {
      if (toPlatformError(raw).kind === 'notFound') return this.drop(id);
      throw raw;
    }
    if (this.ledger.eventSince(id, sent)) return;
    this.ledger.read(id);
    this.receive(call, { at: this.now(), source: 'reread' });
    this.settled(id);
  }

  private list(qid: string): string[] {
    return this.deps.queryClient.getQueryData<string[]>(callKeys.queue(qid)) ?? [];
  }

  private setList(qid: string, ids: string[]): void {
    for (const id of this.list(qid)) {
      const lists = this.listedIn.get(id);
      lists?.delete(qid);
      if (lists?.size === 0) this.listedIn.delete(id);
    }
    for (const id of ids) {
      const lists = this.listedIn.get(id) ?? new Set<string>();
      lists.add(qid);
      this.listedIn.set(id, lists);
    }
    this.deps.queryClient.setQueryData<string[]>(callKeys.queue(qid), ids);
  }

  /** The call leaves every list (it ended, or no watched queue holds it). */
  private drop(id: string): void {
    for (const qid of [...(this.listedIn.get(id) ?? [])])
      this.setList(
        qid,
        this.list(qid).filter((x) => x !== id),
      );
    const counted = this.summaries.has(id) || this.ledger.isRefused(id);
    this.forgetLocally(id);
    this.fetcher.cancel([id]);
    this.deps.calls.forgetIfUnlisted(id);
    this.emit([id]);
    if (counted) this.statusChanged();
  }

  private forgetLocally(id: string): void {
    this.listedIn.delete(id);
    this.summaries.delete(id);
    this.ledger.forget(id);
  }

  private setStatus(qid: string, status: QueueStatus): void {
    this.statuses.set(qid, status);
    this.statusChanged();
  }

  private statusChanged(): void {
    this.statusCache = undefined;
    for (const listener of [...this.statusListeners]) listener();
  }

  private emit(ids: readonly string[]): void {
    if (ids.length === 0) return;
    for (const listener of [...this.changeListeners]) listener(ids);
  }
}
