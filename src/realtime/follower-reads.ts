import type { TopicRegistry } from './topic-registry';

/**
 * A follower's reads of its own topics. The leader asks for re-reads after each (re)subscription;
 * a topic the leader already held brings no new subscription, so the follower reads it itself,
 * once, when it is added or when the link is first seen live.
 */
export class FollowerReads {
  private readonly read = new Set<string>();

  constructor(
    private readonly registry: TopicRegistry,
    private readonly isLive: () => boolean,
  ) {}

  /** The leader asked for a re-read of these topics; every topic here counts as read since. */
  resync(topics?: readonly string[]): void {
    for (const t of this.registry.topics()) this.read.add(t.toLowerCase());
    void this.registry.resync(topics).catch(() => undefined);
  }

  /** A topic added here, or the link seen live: read what was never read, if the link is live. */
  readUnread(): void {
    if (!this.isLive()) return;
    const unread = this.registry.topics().filter((t) => !this.read.has(t.toLowerCase()));
    if (unread.length === 0) return;
    for (const topic of unread) this.read.add(topic.toLowerCase());
    void this.registry.resync(unread).catch(() => undefined);
  }
}
