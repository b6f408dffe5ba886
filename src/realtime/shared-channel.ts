import type { NotificationChannel as ChannelInfo } from '../platform/types';
import type { ConnectionStore } from './connection-store';
import type { BusMessage, InstanceBus } from './instance-bus';
import { countBusDrop, type BusDropReason } from './bus-schema';
import { mirroredState, readChannelMessage, type ChannelMessage } from './channel-messages';
import { LeaderClaims } from './leader-claims';
import { LinkStatus } from './link-status';
import { FollowerReads } from './follower-reads';
import type { LeaderLock } from './leader-lock';
import { createScheduler, NamedTimers, type Scheduler } from '../time/scheduler';
import type { TopicRegistry } from './topic-registry';
import { KEEPALIVE_MS, TopicUnion } from './topic-union';

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

/**
 * One notifications channel for every instance of the widget in the browser (interaction
 * widgets: one iframe per interaction, up to ten). The instances elect a leader with a lock; the
 * leader owns the platform channel and socket, holds the union of all instances' topics
 * (`TopicUnion`), and fans events out over the bus; the others mirror its connection state and
 * re-read their own topics when it asks, and believe a claim to lead only once the lock confirms
 * it (`LeaderClaims`). Features only ever see their own TopicRegistry, so they cannot tell the
 * roles apart. When the leader goes, the next instance in line takes the lock, reconnects to the
 * same platform channel (so the user's channel count does not grow), re-subscribes and has
 * everyone re-read. The last instance to stop drops the channel's subscriptions.
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
  private union?: TopicUnion;
  private readonly claims: LeaderClaims;
  private readonly link: LinkStatus;
  private readonly cleanups: (() => void)[] = [];
  private readonly reads: FollowerReads;
  private readonly scheduler: Scheduler;
  private readonly timers: NamedTimers;

  constructor(private readonly deps: SharedChannelDeps) {
    this.scheduler = deps.scheduler ?? createScheduler();
    this.timers = new NamedTimers(this.scheduler);
    this.link = new LinkStatus(deps.store, () => this.scheduler.now());
    this.reads = new FollowerReads(deps.registry, () => deps.store.getState().status === 'live');
    this.claims = new LeaderClaims({
      holder: () => deps.lock.holder(deps.lockName),
      handle: (message) => this.handle(message),
      drop: () => this.drop('unexpected'),
    });
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
    const { lock, lockName, instanceId } = this.deps;
    this.lockHandle = lock.request(lockName, instanceId, () => this.becomeLeader());
  }

  /** Final. Resolves once the channel's subscriptions are released (when this was the last). */
  stop(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.stopped = true;
    this.timers.clearAll();
    const wasLeader = this.role === 'leader';
    const channelId = this.channel?.channelInfo()?.id ?? this.knownChannel?.id;
    const alone = !this.union?.hasFollowers();
    this.post({ type: 'bye' });
    const released =
      wasLeader && alone && channelId
        ? Promise.resolve(this.deps.releaseChannel?.(channelId)).then(() => undefined)
        : Promise.resolve();
    this.channel?.stop();
    this.channel = undefined;
    this.union?.dispose();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.lockHandle?.release();
    this.link.stopped();
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
    // The link mirrored from the last leader went with it: connecting (stale) until this one's is.
    this.link.connecting(false);
    const union = new TopicUnion({
      local: this.deps.registry,
      scheduler: this.scheduler,
      post: (message) => this.post(message),
    });
    this.union = union;
    const { store } = this.deps;
    this.cleanups.push(
      store.subscribe((state) => {
        this.post({ type: 'state', state: mirroredState(state) });
        const info = this.channel?.channelInfo();
        if (info && info.id !== this.knownChannel?.id) {
          this.knownChannel = info;
          this.post({ type: 'channel', channel: info });
        }
      }),
    );
    union.sync();
    this.channel = this.deps.createChannel({
      registry: union.registry,
      store,
      reuse: this.knownChannel,
    });
    this.post({ type: 'leader', channel: this.knownChannel ?? null });
    this.post({ type: 'state', state: mirroredState(store.getState()) });
    this.channel.start();
  }

  /**
   * Every message is read against its schema first; a malformed one, or one this instance does
   * not expect (see `expected`), is dropped and counted, never applied in part. A follower checks
   * a claim to lead against the lock before it believes it (`LeaderClaims`).
   */
  private onMessage(raw: unknown): void {
    if (this.stopped) return;
    const message = readChannelMessage(raw);
    if (!message) return this.drop('malformed');
    const me = this.deps.instanceId;
    if (message.from === me || (message.to !== undefined && message.to !== me)) return;
    if (this.role !== 'leader' && this.claims.intercept(message)) return;
    this.handle(message);
  }

  private handle(message: ChannelMessage): void {
    if (this.stopped) return;
    const verdict = this.expected(message);
    if (verdict === 'ignore') return;
    if (verdict === 'drop') return this.drop('unexpected');
    this.apply(message);
  }

  /**
   * Whether a well-formed message makes sense here. The leader holds the lock, so it takes no
   * other instance's claim to lead, channel, link state, events or re-read requests; a follower
   * takes those only from the instance it believes leads, and events only for topics it asked
   * for. A reconnect request counts only from an instance that announced its topics.
   */
  private expected(message: ChannelMessage): 'apply' | 'ignore' | 'drop' {
    const leading = this.role === 'leader';
    const fromLeader = !leading && message.from === this.claims.leader;
    switch (message.type) {
      case 'hello':
      case 'topics':
        return leading ? 'apply' : 'ignore';
      case 'bye':
        return 'apply';
      case 'reconnect':
        if (!leading) return 'ignore';
        return this.union?.knows(message.from) ? 'apply' : 'drop';
      case 'event':
        if (!fromLeader) return 'drop';
        return this.deps.registry.has(message.event.topicName) ? 'apply' : 'drop';
      case 'leader':
      case 'channel':
      case 'state':
      case 'resync':
        return fromLeader ? 'apply' : 'drop';
    }
  }

  private apply(message: ChannelMessage): void {
    switch (message.type) {
      case 'hello':
      case 'topics':
        this.union?.remember(message.from, message.topics);
        if (message.type === 'hello') this.greet(message.from);
        return;
      case 'bye':
        // No leader's link any more: connecting, marked stale, until the next one's is live.
        if (message.from === this.claims.leader) this.link.connecting(false);
        this.claims.gone(message.from);
        this.union?.forget(message.from);
        return;
      case 'leader':
        if (message.channel) this.knownChannel = message.channel;
        this.announce('topics');
        return;
      case 'channel':
        this.knownChannel = message.channel;
        return;
      case 'state':
        this.deps.store.setState(message.state);
        this.reads.readUnread();
        return;
      case 'event':
        this.deps.registry.dispatch(message.event);
        return;
      case 'resync':
        this.reads.resync(message.topics);
        return;
      case 'reconnect':
        this.channel?.reconnectNow();
        return;
    }
  }

  private drop(reason: BusDropReason): void {
    countBusDrop(this.deps.store, reason);
  }

  /** A newcomer learns who leads, the link's state and the channel. */
  private greet(to: string): void {
    this.post({ type: 'leader', to, channel: this.knownChannel ?? null });
    this.post({ type: 'state', to, state: mirroredState(this.deps.store.getState()) });
  }

  private localTopicsChanged(): void {
    if (this.role === 'leader') return this.union?.sync();
    this.announce('topics');
    this.reads.readUnread();
  }

  private keepAlive(): void {
    this.timers.set('keepalive', KEEPALIVE_MS, () => {
      if (this.role !== 'leader') this.announce('topics');
      else this.union?.sync();
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
