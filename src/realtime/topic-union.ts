import type { Scheduler } from '../time/scheduler';
import type { BusMessage } from './instance-bus';
import { TopicRegistry, type TopicEvent } from './topic-registry';

/** Followers repeat their topics this often; the leader forgets an instance silent for 3×. */
export const KEEPALIVE_MS = 20_000;

export interface TopicUnionDeps {
  /** The leader's own topics (its features subscribe there). */
  local: TopicRegistry;
  scheduler: Scheduler;
  /** Tells the followers: an event on one of their topics, or "re-read your topics". */
  post(message: Omit<BusMessage, 'from'>): void;
}

/**
 * The leader's registry of every instance's topics, which the platform channel holds: the
 * leader's own, whose events and re-reads go to its registry, and each live follower's (heard
 * from within three keep-alives), whose events and re-reads go out on the bus. A topic two
 * instances want is one subscription with both owners.
 *
 * @example
 * const union = new TopicUnion({ local: registry, scheduler, post });
 * union.remember('i2', ['v2.users.u2.conversations.calls']);
 * createChannel({ registry: union.registry, … });
 */
export class TopicUnion {
  readonly registry: TopicRegistry;
  private readonly remote = new Map<string, { topics: string[]; seen: number }>();
  private readonly subs = new Map<string, () => void>();

  constructor(private readonly deps: TopicUnionDeps) {
    this.registry = new TopicRegistry({ scheduler: deps.scheduler });
  }

  /** A follower said which topics it wants (hello, topics, keep-alive). */
  remember(from: string, topics: string[]): void {
    this.remote.set(from, { topics, seen: this.deps.scheduler.now() });
    this.sync();
  }

  /** A follower left. */
  forget(from: string): void {
    if (this.remote.delete(from)) this.sync();
  }

  /** Whether `from` ever announced its topics (a stranger's requests are not taken). */
  knows(from: string): boolean {
    return this.remote.has(from);
  }

  /** Whether any follower is still heard from. */
  hasFollowers(): boolean {
    return this.liveRemotes().length > 0;
  }

  /** Subscribes to what the leader and its live followers want now, and no more. */
  sync(): void {
    const local = new Set(this.deps.local.topics().map((t) => t.toLowerCase()));
    const remote = new Set(this.liveRemotes().flatMap((r) => r.topics.map((t) => t.toLowerCase())));
    const wanted = new Map<string, string>();
    for (const topic of [
      ...this.deps.local.topics(),
      ...this.liveRemotes().flatMap((r) => r.topics),
    ])
      wanted.set(topic.toLowerCase(), topic);
    for (const [key, off] of [...this.subs]) {
      const [kind, topic] = key.split('\u0000') as [string, string];
      if ((kind === 'local' && !local.has(topic)) || (kind === 'remote' && !remote.has(topic))) {
        off();
        this.subs.delete(key);
      }
    }
    for (const [lower, topic] of wanted) {
      if (local.has(lower) && !this.subs.has(`local\u0000${lower}`))
        this.subs.set(
          `local\u0000${lower}`,
          this.registry.subscribe({ topic, onEvent: this.localEvent, resync: this.localResync }),
        );
      if (remote.has(lower) && !this.subs.has(`remote\u0000${lower}`))
        this.subs.set(
          `remote\u0000${lower}`,
          this.registry.subscribe({ topic, onEvent: this.remoteEvent, resync: this.remoteResync }),
        );
    }
  }

  dispose(): void {
    for (const off of this.subs.values()) off();
    this.subs.clear();
    this.registry.dispose();
  }

  private readonly localEvent = (event: TopicEvent) => void this.deps.local.dispatch(event);
  private readonly localResync = () => this.deps.local.resync();
  private readonly remoteEvent = ({ topicName, body, correlationId }: TopicEvent) =>
    this.deps.post({
      type: 'event',
      event: correlationId === undefined ? { topicName, body } : { topicName, body, correlationId },
    });
  private readonly remoteResync = async () => this.deps.post({ type: 'resync' });

  private liveRemotes() {
    const cutoff = this.deps.scheduler.now() - 3 * KEEPALIVE_MS;
    return [...this.remote.values()].filter((r) => r.seen >= cutoff);
  }
}
