import type { SubscriptionResult } from '../platform/notifications';
import type { NotificationChannel as ChannelInfo } from '../platform/types';
import type { ConnectionStore } from './connection-store';
import type { TopicRegistry } from './topic-registry';

export interface SubscriptionDeps {
  api: {
    replaceSubscriptions(channelId: string, topics: readonly string[]): Promise<SubscriptionResult>;
  };
  registry: TopicRegistry;
  store: ConnectionStore;
}

/**
 * What the platform holds for the channel's current link: the registry's topics as one bulk
 * replace, the topics it refused reported back to the registry, and the re-reads that follow.
 * One replace at a time; a change meanwhile goes out after it.
 *
 * @example
 * const subscriptions = new ChannelSubscriptions({ api, registry, store });
 * await subscriptions.subscribeAndResync(channel); // a new link: subscribe, everyone re-reads
 */
export class ChannelSubscriptions {
  /** Topics the platform holds for the current link (lower case). */
  private subscribed = new Set<string>();
  private subscribing?: Promise<void>;

  constructor(private readonly deps: SubscriptionDeps) {}

  /** Full subscribe on a new channel, then every owner re-reads. */
  async subscribeAndResync(channel: ChannelInfo): Promise<void> {
    this.subscribed = new Set();
    await this.put(channel);
    await this.deps.registry.resync();
    this.deps.store.setState({ resyncs: this.deps.store.getState().resyncs + 1 });
  }

  /**
   * The topic set changed while live: one bulk replace on the current link, then the new
   * topics' owners re-read. A failure goes to `onFailure` with the link it happened on.
   */
  async resubscribe<L extends { channel: ChannelInfo }>(
    current: () => L | undefined,
    onFailure: (error: unknown, link: L) => void,
  ): Promise<void> {
    if (this.subscribing) return this.subscribing.then(() => this.resubscribe(current, onFailure));
    const link = current();
    if (!link) return;
    this.subscribing = (async () => {
      const before = this.subscribed;
      try {
        const permitted = await this.put(link.channel);
        const added = permitted.filter((t) => !before.has(t.toLowerCase()));
        if (added.length > 0) await this.deps.registry.resync(added);
      } catch (error) {
        onFailure(error, link);
      }
    })();
    try {
      await this.subscribing;
    } finally {
      this.subscribing = undefined;
    }
  }

  /** The registry changed while the link was being set up. */
  differs(): boolean {
    const topics = this.deps.registry.topics().map((t) => t.toLowerCase());
    return topics.length !== this.subscribed.size || topics.some((t) => !this.subscribed.has(t));
  }

  private async put(channel: ChannelInfo): Promise<string[]> {
    const topics = this.deps.registry.topics();
    const result = await this.deps.api.replaceSubscriptions(channel.id, topics);
    for (const { topic, reason } of result.rejected) this.deps.registry.reject(topic, reason);
    const permitted = topics.filter(
      (t) => !result.rejected.some((r) => r.topic.toLowerCase() === t.toLowerCase()),
    );
    this.subscribed = new Set(permitted.map((t) => t.toLowerCase()));
    return permitted;
  }
}
