import { toPlatformError } from '../platform/errors';
import type { NotificationChannel as ChannelInfo } from '../platform/types';
import { nextDelay } from './backoff';
import { DEFAULT_CHANNEL_OPTIONS, type ChannelOptions } from './channel-options';
import type { ConnectionState, ConnectionStore } from './connection-store';
import { ChannelSubscriptions, type SubscriptionDeps } from './channel-subscriptions';
import { parseFrame } from './events';
import { HeldChannel } from './held-channel';
import { closeQuietly, openSocket, type SocketLike } from './open-socket';
import type { TopicRegistry } from './topic-registry';
import { createScheduler, NamedTimers, type Scheduler } from '../time/scheduler';

export type ChannelApi = SubscriptionDeps['api'] & {
  createChannel(): Promise<ChannelInfo>;
  /** Releases a channel the client left (absent: left channels keep their subscriptions). */
  deleteSubscriptions?(channelId: string): Promise<void>;
};

export interface ChannelDeps {
  api: ChannelApi;
  /** The topics to hold and where their events go; features subscribe there. */
  registry: TopicRegistry;
  store: ConnectionStore;
  /** A channel to reconnect to first (another instance's, handed over); if it fails, a new one. */
  reuse?: ChannelInfo;
  createSocket?: (url: string) => SocketLike;
  /** The widget's scheduler (timers and the clock); the host's own when absent. */
  scheduler?: Scheduler;
  random?: () => number;
  options?: Partial<ChannelOptions>;
}

interface Link {
  channel: ChannelInfo;
  socket: SocketLike;
}

/**
 * The notifications channel, as plain TypeScript: create channel → open socket → subscribe to
 * the registry's topics → each topic owner re-reads once (that topic's events are held meanwhile,
 * so nothing between the two is lost). Changes to the topic set go out as one debounced bulk
 * replace. A heartbeat watchdog pings, then reconnects with capped, jittered backoff, to the same
 * channel while it lives (`HeldChannel`); `{"result":"404"}` reconnects at once, to a new one.
 * `v2.system.socket_closing`, channel expiry and a new token all move to a fresh channel before
 * the old socket is let go, and the old channel's subscriptions are released. Nothing is opened
 * until a feature subscribes to a topic.
 *
 * @example
 * const channel = new NotificationChannelClient({ api: platform, registry, store });
 * channel.start();
 */
export class NotificationChannelClient {
  private readonly options: ChannelOptions;
  private readonly scheduler: Scheduler;
  private readonly timers: NamedTimers;
  private readonly random: () => number;
  private readonly createSocket: (url: string) => SocketLike;
  private link?: Link;
  private retiring?: Link;
  private generation = 0;
  private attempt = 0;
  private started = false;
  private stopped = false;
  private readonly subscriptions: ChannelSubscriptions;
  private readonly held: HeldChannel;
  private readonly offTopics: () => void;

  constructor(private readonly deps: ChannelDeps) {
    this.options = { ...DEFAULT_CHANNEL_OPTIONS, ...deps.options };
    this.scheduler = deps.scheduler ?? createScheduler();
    this.timers = new NamedTimers(this.scheduler);
    this.random = deps.random ?? Math.random;
    this.createSocket = deps.createSocket ?? ((url) => new WebSocket(url));
    this.held = new HeldChannel({
      release: (id) => deps.api.deleteSubscriptions?.(id),
      now: () => this.scheduler.now(),
      marginMs: this.options.renewBeforeExpiryMs,
      handedOver: deps.reuse,
    });
    this.subscriptions = new ChannelSubscriptions(deps);
    this.offTopics = deps.registry.onTopicsChanged(() => this.topicsChanged());
  }

  /** Connects as soon as a feature has subscribed to a topic. */
  start(): void {
    if (this.stopped || this.started) return;
    this.started = true;
    if (this.deps.registry.topics().length > 0) void this.connect();
  }

  /** The platform channel in use, if any. */
  channelInfo(): ChannelInfo | undefined {
    return this.link?.channel;
  }

  /** Final: closes the socket and stops every timer. */
  stop(): void {
    this.stopped = true;
    this.generation += 1;
    this.offTopics();
    this.timers.clearAll();
    this.letGo(this.link);
    this.letGo(this.retiring);
    this.link = this.retiring = undefined;
    this.update({ status: 'stopped', nextRetryAt: undefined });
  }

  /** After re-authentication: channels die with their token, so move to one made with the new token. */
  tokenChanged(): void {
    if (!this.started || this.stopped) return;
    this.held.moveOn();
    if (this.link && this.deps.store.getState().status === 'live') void this.handover();
    else this.reconnectNow();
  }

  /** Drop the current link and reconnect now (the browser came back online, the channel is gone). */
  reconnectNow(): void {
    if (!this.started || this.stopped) return;
    this.attempt = 0;
    this.timers.clear('retry');
    void this.connect();
  }

  private topicsChanged(): void {
    if (!this.started || this.stopped) return;
    const status = this.deps.store.getState().status;
    if (this.link && status === 'live') void this.resubscribe();
    else if (!this.link && (status === 'idle' || status === 'stopped')) void this.connect();
    // Connecting or reconnecting: the next subscribe reads the registry then.
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    this.timers.clear('retry');
    this.update({
      status: this.link || this.attempt > 0 ? 'reconnecting' : 'connecting',
      nextRetryAt: undefined,
    });
    try {
      const { channel, socket } = await this.openChannel(true);
      if (generation !== this.generation) return void closeQuietly(socket);
      this.letGo(this.link);
      this.adopt({ channel, socket });
      await this.subscriptions.subscribeAndResync(channel);
      if (this.settled(channel, generation)) this.markLive(channel);
    } catch (error) {
      if (generation !== this.generation || this.stopped) return;
      this.onFailure(error);
    }
  }

  /** Opens the next channel while the current socket still delivers, then lets the old one go. */
  private async handover(): Promise<void> {
    const generation = ++this.generation;
    this.timers.clear('renew');
    try {
      const { channel, socket } = await this.openChannel(false);
      if (generation !== this.generation) return void closeQuietly(socket);
      this.retiring = this.link;
      this.adopt({ channel, socket });
      await this.subscriptions.subscribeAndResync(channel);
      this.letGo(this.retiring);
      this.retiring = undefined;
      if (this.settled(channel, generation)) this.markLive(channel);
    } catch (error) {
      if (generation !== this.generation || this.stopped) return;
      if (this.retiring) {
        this.link = this.retiring;
        this.retiring = undefined;
      }
      this.onFailure(error);
    }
  }

  /** An open socket (not yet subscribed): on the held channel if `resume` and it lives, else a new one. */
  private async openChannel(resume: boolean): Promise<Link> {
    const again = resume ? this.held.resumable() : undefined;
    // One socket per channel: the platform would close the link's own when the next one opens.
    if (again && this.link?.channel.id === again.id) {
      this.letGo(this.link);
      this.link = undefined;
    }
    // A held channel that will not reopen is gone, or the network is: a new channel tells which.
    const link = again && (await this.openOn(again).catch(() => undefined));
    return link ?? this.openOn(await this.deps.api.createChannel());
  }

  private async openOn(channel: ChannelInfo): Promise<Link> {
    const socket = await openSocket(
      this.createSocket,
      channel.connectUri,
      this.options.connectTimeoutMs,
      this.timers.named('connect'), // so that stop() cancels a pending connect timeout
    );
    return { channel, socket };
  }

  /** The link's subscriptions are in place: it is live now, unless a newer try took over. */
  private settled(channel: ChannelInfo, generation: number): boolean {
    return !this.stopped && this.held.subscribed(channel, generation === this.generation);
  }

  private onFailure(error: unknown): void {
    if (toPlatformError(error).kind === 'unauthorized') {
      this.held.moveOn();
      this.letGo(this.link);
      this.link = undefined;
      this.update({
        status: 'signInNeeded',
        nextRetryAt: undefined,
      });
      return;
    }
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.letGo(this.link);
    this.link = undefined;
    this.timers.clear('uptime');
    const delay = nextDelay(this.attempt, this.random, this.options.backoff);
    this.attempt += 1;
    this.update({
      status: 'reconnecting',
      attempt: this.attempt,
      nextRetryAt: this.scheduler.now() + delay,
    });
    this.timers.set('retry', delay, () => void this.connect());
  }

  /** The topic set changed while live: one bulk replace, then the new topics' owners re-read. */
  private resubscribe(): Promise<void> {
    return this.subscriptions.resubscribe(
      () => this.link,
      (error, link) => {
        if (this.link === link && !this.stopped) this.onFailure(error);
      },
    );
  }

  private markLive(channel: ChannelInfo): void {
    this.update({
      status: 'live',
      staleSince: undefined,
      nextRetryAt: undefined,
      channelId: channel.id,
      attempt: this.attempt,
    });
    this.timers.set('uptime', this.options.minUptimeMs, () => {
      this.attempt = 0;
      this.update({ attempt: 0 });
    });
    const renewIn = channel.expiresAt - this.options.renewBeforeExpiryMs - this.scheduler.now();
    this.timers.set('renew', Math.max(0, renewIn), () => void this.handover());
    this.feedWatchdog();
    if (this.subscriptions.differs()) void this.resubscribe();
  }

  private adopt(link: Link): void {
    this.link = link;
    const { socket } = link;
    socket.onmessage = (event) => this.onFrame(socket, String(event.data));
    socket.onerror = () => undefined;
    socket.onclose = () => {
      if (this.link?.socket !== socket || this.stopped) return;
      this.scheduleReconnect();
    };
    this.feedWatchdog();
  }

  private onFrame(socket: SocketLike, text: string): void {
    const isCurrent = this.link?.socket === socket;
    if (!isCurrent && this.retiring?.socket !== socket) return;
    if (isCurrent) this.feedWatchdog();
    const result = parseFrame(text);
    if (!result.ok) return this.countDropped('malformed');
    const frame = result.frame;
    if (frame.kind === 'socketClosing' && isCurrent) void this.handover();
    if (frame.kind === 'channelGone' && isCurrent) {
      if (this.link) this.held.gone(this.link.channel.id);
      this.reconnectNow();
    }
    if (frame.kind !== 'topic') return;
    if (!this.deps.registry.dispatch(frame)) this.countDropped('unknownTopic');
  }

  private countDropped(reason: keyof ConnectionState['dropped']): void {
    const dropped = { ...this.deps.store.getState().dropped };
    dropped[reason] += 1;
    this.update({ dropped });
  }

  /** Every frame re-arms two timers: ping after 1.5 quiet heartbeats, reconnect after 2.5. */
  private feedWatchdog(): void {
    const { heartbeatMs, pingAfterHeartbeats, deadAfterHeartbeats } = this.options;
    this.timers.set('ping', heartbeatMs * pingAfterHeartbeats, () => {
      const socket = this.link?.socket;
      if (socket && socket.readyState === 1) socket.send(JSON.stringify({ message: 'ping' }));
    });
    this.timers.set('dead', heartbeatMs * deadAfterHeartbeats, () => {
      if (this.link && !this.stopped) this.scheduleReconnect();
    });
  }

  private letGo(link: Link | undefined): void {
    if (!link) return;
    link.socket.onmessage = null;
    link.socket.onclose = null;
    link.socket.onerror = () => undefined;
    closeQuietly(link.socket);
    if (this.link === link) {
      this.timers.clear('ping');
      this.timers.clear('dead');
    }
  }

  /** Every state but live says since when the screen may be out of date (kept across states). */
  private update(partial: Partial<ConnectionState>): void {
    const since = this.deps.store.getState().staleSince ?? this.scheduler.now();
    const notLive = partial.status !== undefined && partial.status !== 'live';
    this.deps.store.setState(notLive ? { ...partial, staleSince: since } : partial);
  }
}
