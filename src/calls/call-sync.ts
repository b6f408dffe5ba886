import type { QueryClient } from '@tanstack/query-core';
import { isCallEnded, isLegEnded } from '../domain/call-selectors';
import { parseCall } from '../platform/call-mapping';
import { toPlatformError } from '../platform/errors';
import type { Call } from '../platform/types';
import { callKeys } from './call-keys';
import { CallRetention, type Release } from './call-retention';
import { carryUnreadable, diffCall, type CallChange, type ChangeMeta } from './call-diff';
import type { TopicRegistry } from '../realtime/topic-registry';
import { userCallsTopic } from '../realtime/topics';
import type { Scheduler } from '../time/scheduler';

/** How many ended calls stay in the user's list (for the "call ended" view) before they go. */
export const ENDED_CALLS_KEPT = 3;

export interface CallUpdate {
  call: Call;
  previous?: Call;
  changes: CallChange[];
  meta: ChangeMeta;
}

export interface CallSyncApi {
  listCalls(): Promise<Call[]>;
  getCall(conversationId: string): Promise<Call>;
}

export interface CallSyncDeps {
  queryClient: QueryClient;
  registry: TopicRegistry;
  api: CallSyncApi;
  now?: () => number;
  /** An event body that is not a call (counted, dropped). */
  onMalformed?(): void;
  /** How long a call nothing holds any more is kept (default 0: it goes at once). */
  gcMs?: number;
  scheduler?: Scheduler;
}

/**
 * The sync step between the notifications channel and the query cache: writes each call
 * snapshot (socket event or REST re-read) into its own cache entry, keeps the id lists, and
 * emits the `CallChange` diffs that provenance, announcements and the audit trail read.
 * Lifetime by reference: each id list (the user's, each watched queue's) holds its calls, an
 * open panel holds its call with `retain`, and a call's entry goes when nothing holds it.
 *
 * @example
 * const sync = new CallSync({ queryClient, registry, api: platform });
 * const stop = sync.watchMyCalls(user.id); // subscribes the topic; re-reads after each subscribe
 * sync.onUpdate(({ changes }) => changes.forEach(log));
 */
export class CallSync {
  private readonly listeners = new Set<(update: CallUpdate) => void>();
  private readonly forgetListeners = new Set<(conversationId: string) => void>();
  private readonly now: () => number;
  private readonly rereads = new Map<string, Promise<void>>();
  /**
   * Socket events applied per call. A REST answer that crossed one may hold the call as it was
   * before that event (read before a change the event reports): it is dropped, as the queue
   * watch drops such reads; the event is a whole, fresher snapshot.
   */
  private readonly events = new Map<string, number>();
  private readonly retention: CallRetention;

  constructor(private readonly deps: CallSyncDeps) {
    this.now = deps.now ?? (() => Date.now());
    this.retention = new CallRetention({
      onUnretained: (id) => this.forget(id),
      gcMs: deps.gcMs,
      scheduler: deps.scheduler,
    });
  }

  /**
   * Keeps the call's entry (and everything kept about it) until the returned function is
   * called, e.g. while a panel shows it after it left every list.
   */
  retain(conversationId: string): Release {
    return this.retention.retain(conversationId);
  }

  /** Whether a list or a panel holds the call. */
  isRetained(conversationId: string): boolean {
    return this.retention.isRetained(conversationId);
  }

  /** Every applied snapshot, with its diff; returns the function that stops listening. */
  onUpdate(listener: (update: CallUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A call left every list and its cache entry was removed. */
  onForget(listener: (conversationId: string) => void): () => void {
    this.forgetListeners.add(listener);
    return () => this.forgetListeners.delete(listener);
  }

  /** The user's calls: subscribes their calls topic and re-reads them after every subscribe. */
  watchMyCalls(userId: string): () => void {
    return this.deps.registry.subscribe({
      topic: userCallsTopic(userId),
      onEvent: (event) => {
        const call = parseCall(event.body);
        if (!call) return this.deps.onMalformed?.();
        this.receiveForUser(userId, call, {
          correlationId: event.correlationId,
          at: this.now(),
          source: 'event',
        });
      },
      resync: () => this.resyncMyCalls(userId),
    });
  }

  /** The cached snapshot of one call. */
  get(conversationId: string): Call | undefined {
    return this.deps.queryClient.getQueryData<Call>(callKeys.detail(conversationId));
  }

  /**
   * Writes one snapshot (whole-object, last write wins) and reports what changed. Fields the
   * snapshot could not read keep their last known value; the call is re-read once to learn them.
   */
  apply(call: Call, meta: ChangeMeta): Call {
    if (meta.source === 'event') this.events.set(call.id, this.eventsOf(call.id) + 1);
    const previous = this.get(call.id);
    const next = carryUnreadable(previous, call);
    this.deps.queryClient.setQueryData<Call>(callKeys.detail(call.id), next);
    const stored = this.get(call.id) ?? next;
    const changes = diffCall(previous, stored, meta);
    if (call.participants.some((p) => p.unreadable) && meta.source === 'event')
      void this.reread(call.id).catch(() => undefined);
    if (stored !== previous)
      for (const listener of [...this.listeners])
        listener({ call: stored, previous, changes, meta });
    return stored;
  }

  /** One REST read of one call (deduplicated while in flight). */
  reread(conversationId: string): Promise<void> {
    const running = this.rereads.get(conversationId);
    if (running) return running;
    const seen = this.eventsOf(conversationId);
    const run = this.deps.api
      .getCall(conversationId)
      .then((call) => {
        if (this.eventsOf(conversationId) === seen)
          this.apply(call, { at: this.now(), source: 'reread' });
      })
      .finally(() => this.rereads.delete(conversationId));
    this.rereads.set(conversationId, run);
    return run;
  }

  /**
   * A REST re-read of the user's active calls. Calls the list held as active that the listing
   * no longer has are read once more by id to learn how they ended.
   */
  async resyncMyCalls(userId: string): Promise<void> {
    const seen = new Map(this.events);
    const fresh = await this.deps.api.listCalls();
    const at = this.now();
    const ids = this.myIds(userId);
    const freshIds = new Set(fresh.map((c) => c.id));
    const vanished = ids.filter((id) => {
      const call = this.get(id);
      return call && !isCallEnded(call, userId) && !freshIds.has(id);
    });
    const resolved = await Promise.all(
      vanished.map((id) =>
        this.deps.api.getCall(id).catch((error: unknown) => {
          // Gone from the platform (404) or no longer ours (403): over for this user. Anything
          // else (offline, 5xx) is not evidence of an ending: the re-read fails instead.
          const kind = toPlatformError(error).kind;
          if (kind !== 'notFound' && kind !== 'forbidden') throw error;
          return markEndedLocally(this.get(id)!, userId);
        }),
      ),
    );
    for (const call of [...resolved, ...fresh])
      if (this.eventsOf(call.id) === (seen.get(call.id) ?? 0))
        this.apply(call, { at, source: 'reread', gap: true });
    const kept = ids.filter((id) => !freshIds.has(id));
    this.setMyIds(userId, [...kept, ...fresh.map((c) => c.id)]);
  }

  /** Ids in the user's list, oldest first. */
  myIds(userId: string): string[] {
    return this.deps.queryClient.getQueryData<string[]>(callKeys.mine(userId)) ?? [];
  }

  /** A call the agent looked up by id (the launch URL's): written like a re-read. */
  applyLookup(call: Call): Call {
    return this.apply(call, { at: this.now(), source: 'reread' });
  }

  /** Ids in a watched queue's list. */
  queueIds(queueId: string): string[] {
    return this.deps.queryClient.getQueryData<string[]>(callKeys.queue(queueId)) ?? [];
  }

  /** A watched queue's list holds exactly these calls; `undefined` removes the list. */
  setQueueIds(queueId: string, ids: readonly string[] | undefined): void {
    const key = callKeys.queue(queueId);
    if (ids) this.deps.queryClient.setQueryData<string[]>(key, [...ids]);
    else this.deps.queryClient.removeQueries({ queryKey: key, exact: true });
    this.retention.hold(key.join('/'), ids ?? []);
  }

  private receiveForUser(userId: string, call: Call, meta: ChangeMeta): void {
    const ids = this.myIds(userId);
    if (!ids.includes(call.id) && isCallEnded(call, userId)) return;
    this.apply(call, meta);
    if (!ids.includes(call.id)) this.setMyIds(userId, [...ids, call.id]);
    else this.setMyIds(userId, ids);
  }

  /** Keeps every active call and the newest few ended ones; forgets the rest entirely. */
  private setMyIds(userId: string, ids: string[]): void {
    const unique = [...new Set(ids)];
    const ended = unique.filter((id) => {
      const call = this.get(id);
      return !call || isCallEnded(call, userId);
    });
    const drop = new Set(ended.slice(0, Math.max(0, ended.length - ENDED_CALLS_KEPT)));
    const kept = unique.filter((id) => !drop.has(id));
    const key = callKeys.mine(userId);
    this.deps.queryClient.setQueryData<string[]>(key, kept);
    this.retention.hold(key.join('/'), kept);
  }

  private eventsOf(conversationId: string): number {
    return this.events.get(conversationId) ?? 0;
  }

  /** Nothing holds the call any more: its entry goes (keeps memory flat over a long shift). */
  private forget(conversationId: string): void {
    this.events.delete(conversationId);
    this.deps.queryClient.removeQueries({ queryKey: callKeys.detail(conversationId) });
    for (const listener of [...this.forgetListeners]) listener(conversationId);
  }
}

/** The platform has no record left: show the user's leg as ended rather than keep it live. */
function markEndedLocally(call: Call, userId: string): Call {
  return {
    ...call,
    participants: call.participants.map((p) =>
      p.userId === userId && !isLegEnded(p) ? { ...p, state: 'disconnected', held: false } : p,
    ),
  };
}
