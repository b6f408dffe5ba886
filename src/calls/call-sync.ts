import type { QueryClient } from '@tanstack/query-core';
import { isCallEnded, isLegEnded } from '../domain/call-selectors';
import { parseCall } from '../platform/call-mapping';
import { toPlatformError } from '../platform/errors';
import type { Call } from '../platform/types';
import { callKeys } from './call-keys';
import { carryUnreadable, diffCall, type CallChange, type ChangeMeta } from './call-diff';
import type { TopicRegistry } from '../realtime/topic-registry';
import { userCallsTopic } from '../realtime/topics';

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
}

/**
 * The sync step between the notifications channel and the query cache: writes each call
 * snapshot (socket event or REST re-read) into its own cache entry, keeps the id lists, and
 * emits the `CallChange` diffs that provenance, announcements and the audit trail read.
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

  constructor(private readonly deps: CallSyncDeps) {
    this.now = deps.now ?? (() => Date.now());
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
    const run = this.deps.api
      .getCall(conversationId)
      .then((call) => void this.apply(call, { at: this.now(), source: 'reread' }))
      .finally(() => this.rereads.delete(conversationId));
    this.rereads.set(conversationId, run);
    return run;
  }

  /**
   * A REST re-read of the user's active calls. Calls the list held as active that the listing
   * no longer has are read once more by id to learn how they ended.
   */
  async resyncMyCalls(userId: string): Promise<void> {
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
    for (const call of [...resolved, ...fresh]) this.apply(call, { at, source: 'reread' });
    const kept = ids.filter((id) => !freshIds.has(id));
    this.setMyIds(userId, [...kept, ...fresh.map((c) => c.id)]);
  }

  /** Ids in the user's list, oldest first. */
  myIds(userId: string): string[] {
    return this.deps.queryClient.getQueryData<string[]>(callKeys.mine(userId)) ?? [];
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
    this.deps.queryClient.setQueryData<string[]>(callKeys.mine(userId), kept);
    for (const id of drop) this.forgetIfUnlisted(id);
  }

  /** Removes a call's entry once no list holds it (keeps memory flat over a long shift). */
  forgetIfUnlisted(conversationId: string): void {
    const listed = this.deps.queryClient
      .getQueriesData<string[]>({ queryKey: callKeys.lists() })
      .some(([, ids]) => ids?.includes(conversationId));
    if (listed) return;
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
