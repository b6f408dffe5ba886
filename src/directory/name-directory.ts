import type { QueryClient } from '@tanstack/react-query';
import { toPlatformError } from '../platform/errors';
import type { Platform } from '../platform/platform';
import type { DirectoryQueue, DirectoryUser } from '../platform/types';
import { createScheduler, type Cancel, type Scheduler } from '../time/scheduler';

/** Names do not change during a shift: looked up once per id, kept for the session. */
const NAMES_STALE_MS = 8 * 3_600_000;

const directoryKeys = {
  all: ['directory'] as const,
  user: (id: string) => [...directoryKeys.all, 'user', id] as const,
  queue: (id: string) => [...directoryKeys.all, 'queue', id] as const,
  myQueues: () => [...directoryKeys.all, 'myQueues'] as const,
};

type Lookup = Pick<Platform, 'getUsers' | 'getQueue' | 'getMyQueues'>;

/**
 * Names for user and queue ids (real call payloads carry ids only, contract §2.3a). Users are
 * fetched in batches (ids asked for within a few milliseconds share one request), queues by id;
 * when a queue lookup is forbidden (agents often lack `routing:queue:view`) the user's own queues
 * answer instead, once per session. Every answer, including "unknown", is cached in the query
 * cache, so each id costs at most one request per session.
 *
 * @example
 * const directory = new NameDirectory(queryClient, platform);
 * queryClient.fetchQuery(directory.userQuery(id)); // → { id, name } or null
 */
export class NameDirectory {
  private waiting = new Map<string, ((user: DirectoryUser | null) => void)[]>();
  private flushTimer?: Cancel;

  constructor(
    private readonly queryClient: QueryClient,
    private readonly platform: Lookup,
    private readonly batchWindowMs = 10,
    private readonly scheduler: Pick<Scheduler, 'after'> = createScheduler(),
  ) {}

  /** Seeds a name the widget already knows (the signed-in user). */
  remember(user: DirectoryUser): void {
    this.queryClient.setQueryData(directoryKeys.user(user.id), user);
  }

  /** Seeds queue names already read (e.g. the supervisor's list of queues): never looked up again. */
  rememberQueues(queues: readonly DirectoryQueue[]): void {
    for (const queue of queues) this.queryClient.setQueryData(directoryKeys.queue(queue.id), queue);
  }

  /** A user's name if already known (never asks the platform). */
  knownUserName(id: string): string | undefined {
    return this.queryClient.getQueryData<DirectoryUser | null>(directoryKeys.user(id))?.name;
  }

  /** A queue's name if already known (never asks the platform). */
  knownQueueName(id: string): string | undefined {
    return this.queryClient.getQueryData<DirectoryQueue | null>(directoryKeys.queue(id))?.name;
  }

  /** Looks a user's name up ahead of need (batched with the others asked meanwhile). */
  prefetchUser(id: string): void {
    void this.queryClient.prefetchQuery(this.userQuery(id));
  }

  /** Some name arrived or changed; returns the function that stops listening. */
  onNames(listener: () => void): () => void {
    return this.queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.query.queryKey[0] === directoryKeys.all[0]) listener();
    });
  }

  userQuery(id: string) {
    return {
      queryKey: directoryKeys.user(id),
      queryFn: () => this.loadUser(id),
      staleTime: NAMES_STALE_MS,
      gcTime: NAMES_STALE_MS,
    };
  }

  queueQuery(id: string) {
    return {
      queryKey: directoryKeys.queue(id),
      queryFn: () => this.loadQueue(id),
      staleTime: NAMES_STALE_MS,
      gcTime: NAMES_STALE_MS,
    };
  }

  private loadUser(id: string): Promise<DirectoryUser | null> {
    return new Promise((resolve) => {
      this.waiting.set(id, [...(this.waiting.get(id) ?? []), resolve]);
      this.flushTimer ??= this.scheduler.after(this.batchWindowMs, () => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    this.flushTimer = undefined;
    const waiting = this.waiting;
    this.waiting = new Map();
    let found: DirectoryUser[] = [];
    try {
      found = await this.platform.getUsers([...waiting.keys()]);
    } catch (error) {
      console.warn(`Live Call Panel: user names unavailable (${toPlatformError(error).kind}).`);
    }
    for (const [id, resolvers] of waiting) {
      const user = found.find((u) => u.id === id) ?? null;
      for (const resolve of resolvers) resolve(user);
    }
  }

  private async loadQueue(id: string): Promise<DirectoryQueue | null> {
    try {
      return await this.platform.getQueue(id);
    } catch (error) {
      const kind = toPlatformError(error).kind;
      if (kind !== 'forbidden' && kind !== 'notFound') throw error;
      const mine = await this.queryClient.fetchQuery({
        queryKey: directoryKeys.myQueues(),
        queryFn: () => this.platform.getMyQueues().catch(() => []),
        staleTime: NAMES_STALE_MS,
      });
      return mine.find((q) => q.id === id) ?? null;
    }
  }
}
