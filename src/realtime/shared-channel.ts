import type { NotificationChannel as ChannelInfo } from '../platform/types';
import type { ConnectionStore } from './connection-store';
import type { BusMessage, InstanceBus } from './instance-bus';
import { countBusDrop, type BusDropReason } from './bus-schema';
import { mirroredState as pick, readChannelMessage, type ChannelMessage } from './channel-messages';
import type { LeaderLock } from './leader-lock';
import { createScheduler, NamedTimers, type Scheduler } from '../time/scheduler';
import { TopicRegistry, type TopicEvent } from './topic-registry';

/** What the session controller drives: the channel itself, or this stand-in for followers. */
export interface ChannelLike {
  start(): void;
  stop(): void | Promise<void>;
  tokenChanged(): void;
  reconnectNow(): void;
}

export interface LeaderChannel extends ChannelLike {
  /** The platform channel in use (shared so the next leader can reconnect to it). */
  channelInfo(): ChannelInfo | undefined;
}

export interface SharedChannelDeps {
  bus: InstanceBus;
  lock: LeaderLock;
  lockName: string;
  instanceId: string;
  /** This instance's topics (its features subscribe there). */
  registry: TopicRegistry;
  /** This instance's view of the link. */
  store: ConnectionStore;
  /** The real channel over a registry of every instance's topics (the leader builds it). */
  createChannel(options: {
    registry: TopicRegistry;
    store: ConnectionStore;
    reuse?: ChannelInfo;
  }): LeaderChannel;
  /** Drops the channel's subscriptions when the last instance stops. */
  releaseChannel?(channelId: string): Promise<unknown>;
  /** The widget's scheduler (timers and the clock); the host's own when absent. */
  scheduler?: Scheduler;
}

/** Followers repeat their topics this often; the leader forgets an instance silent for 3×. */
const KEEPALIVE_MS = 20_000;

/**
 * One notifications channel for every instance of the widget in the browser (interaction
 * widgets: one iframe per interaction, up to ten). The instances elect a leader with a lock; the
 * leader owns the platform channel and socket, holds the union of all instances' topics, and fans
 * events out over the bus; the others mirror its connection state and re-read their own topics
 * when it asks. Features only ever see their own TopicRegistry, so they cannot tell the roles
 * apart. When the leader goes, the next instance in line takes the lock, reconnects to the same
 * platform channel (so the user's channel count does not grow), re-subscribes and has everyone
 * re-read. The last instance to stop drops the channel's subscriptions.
 *
 * @example
 * const shared = new SharedChannel({ bus, lock, lockName, instanceId, registry, store, createChannel });
 * shared.start();
 */
export class SharedChannel implements ChannelLike {
  private role: 'waiting' | 'leader' | 'follower' = 'waiting';
  private started = false;
  private stopped = false;
  private lockHandle?: { release(): void };
  private channel?: LeaderChannel;
  private knownChannel?: ChannelInfo;
  /** The instance that last said it leads (followers take link state and events from it only). */
  private leaderId?: string;
  private union?: TopicRegistry;
  private readonly remote = new Map<string, { topics: string[]; seen: number }>();
  private readonly unionSubs = new Map<string, () => void>();
  private readonly cleanups: (() => void)[] = [];
  /** Topics this follower has read at least once. */
  private readonly read = new Set<string>();
  private readonly scheduler: Scheduler;
  private readonly timers: NamedTimers;

  constructor(private readonly deps: SharedChannelDeps) {
    this.scheduler = deps.scheduler ?? createScheduler();
    this.timers = new NamedTimers(this.scheduler);
  }

  /** Whether this instance owns the socket (for tests and diagnostics). */
  get isLeader(): boolean {
    return this.role === 'leader';
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.cleanups.push(this.deps.bus.subscribe((m) => this.onMessage(m)));
    this.cleanups.push(this.deps.registry.onTopicsChanged(() => this.localTopicsChanged()));
    this.role = 'follower';
    this.announce('hello');
    this.keepAlive();
    this.lockHandle = this.deps.lock.request(this.deps.lockName, () => this.becomeLeader());
  }

  /** Final. Resolves once the channel's subscriptions are released (when this was the last). */
  stop(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.stopped = true;
    this.timers.clearAll();
    const wasLeader = this.role === 'leader';
    const channelId = this.channel?.channelInfo()?.id ?? this.knownChannel?.id;
    const alone = this.liveRemotes().length === 0;
    this.post({ type: 'bye' });
    const released =
      wasLeader && alone && channelId
        ? Promise.resolve(this.deps.releaseChannel?.(channelId)).then(() => undefined)
        : Promise.resolve();
    this.channel?.stop();
    this.channel = undefined;
    for (const off of this.unionSubs.values()) off();
    this.unionSubs.clear();
    this.union?.dispose();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.lockHandle?.release();
    this.deps.store.setState({ status: 'stopped', nextRetryAt: undefined });
    return released;
  }

  tokenChanged(): void {
    if (this.role === 'leader') this.channel?.tokenChanged();
  }

  reconnectNow(): void {
    if (this.role === 'leader') this.channel?.reconnectNow();
    else this.post({ type: 'reconnect' });
  }

  private becomeLeader(): void {
    if (this.stopped) return;
    this.role = 'leader';
    // The link mirrored from the last leader went with it: not live until this one's is.
    this.linkLost();
    const union = new TopicRegistry({ scheduler: this.scheduler });
    this.union = union;
    const { store } = this.deps;
    this.cleanups.push(
      store.subscribe((state) => {
        this.post({ type: 'state', state: pick(state) });
        const info = this.channel?.channelInfo();
        if (info && info.id !== this.knownChannel?.id) {
          this.knownChannel = info;
          this.post({ type: 'channel', channel: info });
        }
      }),
    );
    this.syncUnion();
    this.channel = this.deps.createChannel({ registry: union, store, reuse: this.knownChannel });
    this.post({ type: 'leader', channel: this.knownChannel ?? null });
    this.post({ type: 'state', state: pick(store.getState()) });
    this.channel.start();
  }

  /**
   * Every message is read against its schema first; a malformed one, or one this instance does
   * not expect (see `expected`), is dropped and counted, never applied in part.
   */
  private onMessage(raw: unknown): void {
    if (this.stopped) return;
    const message = readChannelMessage(raw);
    if (!message) return this.drop('malformed');
    const me = this.deps.instanceId;
    if (message.from === me || (message.to !== undefined && message.to !== me)) return;
    const verdict = this.expected(message);
    if (verdict === 'ignore') return;
    if (verdict === 'drop') return this.drop('unexpected');
    this.apply(message);
  }

  /**
   * Whether a well-formed message makes sense here. The leader holds the lock, so it takes no
   * other instance's claim to lead, channel, link state, events or re-read requests; a follower
   * takes those only from the instance that said it leads, and events only for topics it asked
   * for. A reconnect request counts only from an instance that announced its topics.
   */
  private expected(message: ChannelMessage): 'apply' | 'ignore' | 'drop' {
    const leading = this.role === 'leader';
    switch (message.type) {
      case 'hello':
      case 'topics':
        return leading ? 'apply' : 'ignore';
      case 'bye':
        return 'apply';
      case 'reconnect':
        if (!leading) return 'ignore';
        return this.remote.has(message.from) ? 'apply' : 'drop';
      case 'leader':
        return leading ? 'drop' : 'apply';
      case 'event':
        if (leading || message.from !== this.leaderId) return 'drop';
        return this.deps.registry.has(message.event.topicName) ? 'apply' : 'drop';
      case 'channel':
      case 'state':
      case 'resync':
        return !leading && message.from === this.leaderId ? 'apply' : 'drop';
    }
  }

  private apply(message: ChannelMessage): void {
    switch (message.type) {
      case 'hello':
      case 'topics':
        this.remote.set(message.from, { topics: message.topics, seen: this.scheduler.now() });
        this.syncUnion();
        if (message.type === 'hello') this.greet(message.from);
        return;
      case 'bye':
        if (message.from === this.leaderId) {
          this.leaderId = undefined;
          this.linkLost();
        }
        if (this.remote.delete(message.from)) this.syncUnion();
        return;
      case 'leader':
        this.leaderId = message.from;
        if (message.channel) this.knownChannel = message.channel;
        this.announce('topics');
        return;
      case 'channel':
        this.knownChannel = message.channel;
        return;
      case 'state':
        this.deps.store.setState(message.state);
        this.firstRead();
        return;
      case 'event':
        this.deps.registry.dispatch(message.event);
        return;
      case 'resync':
        for (const t of this.deps.registry.topics()) this.read.add(t.toLowerCase());
        void this.deps.registry.resync(message.topics).catch(() => undefined);
        return;
      case 'reconnect':
        this.channel?.reconnectNow();
        return;
    }
  }

  /** No leader's link (it stopped, or this one takes over): waiting, marked stale from now. */
  private linkLost(): void {
    const since = this.deps.store.getState().staleSince ?? this.scheduler.now();
    this.deps.store.setState({ status: 'connecting', nextRetryAt: undefined, staleSince: since });
  }

  private drop(reason: BusDropReason): void {
    countBusDrop(this.deps.store, reason);
  }

  /** A newcomer learns who leads, the link's state and the channel. */
  private greet(to: string): void {
    this.post({ type: 'leader', to, channel: this.knownChannel ?? null });
    this.post({ type: 'state', to, state: pick(this.deps.store.getState()) });
  }

  private localTopicsChanged(): void {
    if (this.role === 'leader') return this.syncUnion();
    this.announce('topics');
    // A topic the leader already holds brings no new subscription (so no re-read from it):
    // read it here once the link is live.
    const added = this.deps.registry.topics().filter((t) => !this.read.has(t.toLowerCase()));
    if (added.length > 0 && this.deps.store.getState().status === 'live') this.readTopics(added);
  }

  /** A follower's first sight of a live link: read its topics (later re-reads come from the leader). */
  private firstRead(): void {
    if (this.deps.store.getState().status !== 'live') return;
    const unread = this.deps.registry.topics().filter((t) => !this.read.has(t.toLowerCase()));
    if (unread.length > 0) this.readTopics(unread);
  }

  private readTopics(topics: string[]): void {
    for (const topic of topics) this.read.add(topic.toLowerCase());
    void this.deps.registry.resync(topics).catch(() => undefined);
  }

  /** The union registry mirrors this instance's topics and every live follower's. */
  private syncUnion(): void {
    const union = this.union;
    if (!union) return;
    const local = new Set(this.deps.registry.topics().map((t) => t.toLowerCase()));
    const remote = new Set(this.liveRemotes().flatMap((r) => r.topics.map((t) => t.toLowerCase())));
    const wanted = new Map<string, string>();
    for (const topic of [
      ...this.deps.registry.topics(),
      ...this.liveRemotes().flatMap((r) => r.topics),
    ])
      wanted.set(topic.toLowerCase(), topic);
    for (const [key, off] of [...this.unionSubs]) {
      const [kind, topic] = key.split('\u0000') as [string, string];
      if ((kind === 'local' && !local.has(topic)) || (kind === 'remote' && !remote.has(topic))) {
        off();
        this.unionSubs.delete(key);
      }
    }
    for (const [lower, topic] of wanted) {
      if (local.has(lower) && !this.unionSubs.has(`local\u0000${lower}`))
        this.unionSubs.set(
          `local\u0000${lower}`,
          union.subscribe({ topic, onEvent: this.localEvent, resync: this.localResync }),
        );
      if (remote.has(lower) && !this.unionSubs.has(`remote\u0000${lower}`))
        this.unionSubs.set(
          `remote\u0000${lower}`,
          union.subscribe({ topic, onEvent: this.remoteEvent, resync: this.remoteResync }),
        );
    }
  }

  private readonly localEvent = (event: TopicEvent) => void this.deps.registry.dispatch(event);
  private readonly localResync = () => this.deps.registry.resync();
  private readonly remoteEvent = ({ topicName, body, correlationId }: TopicEvent) =>
    this.post({
      type: 'event',
      event: correlationId === undefined ? { topicName, body } : { topicName, body, correlationId },
    });
  private readonly remoteResync = async () => this.post({ type: 'resync' });

  private liveRemotes() {
    const cutoff = this.scheduler.now() - 3 * KEEPALIVE_MS;
    return [...this.remote.values()].filter((r) => r.seen >= cutoff);
  }

  private keepAlive(): void {
    this.timers.set('keepalive', KEEPALIVE_MS, () => {
      if (this.role !== 'leader') this.announce('topics');
      else this.syncUnion();
      this.keepAlive();
    });
  }

  private announce(type: 'hello' | 'topics'): void {
    this.post({ type, topics: this.deps.registry.topics() });
  }

  private post(message: Omit<BusMessage, 'from'>): void {
    this.deps.bus.post({ ...message, from: this.deps.instanceId } as BusMessage);
  }
}
