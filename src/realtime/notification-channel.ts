import { toPlatformError } from '../platform/errors';
import type { NotificationChannel as ChannelInfo } from '../platform/types';
import { nextDelay } from './backoff';
import { DEFAULT_CHANNEL_OPTIONS, type ChannelOptions } from './channel-options';
import type { ConnectionStore } from './connection-store';
import { ChannelSubscriptions, type SubscriptionDeps } from './channel-subscriptions';
import { parseFrame } from './events';
import { HeldChannel } from './held-channel';
import { LinkStatus } from './link-status';
import { LinkWatchdog } from './link-watchdog';
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
 * replace. A heartbeat watchdog (`LinkWatchdog`) pings, then reconnects with capped, jittered
 * backoff, to the same channel while it lives (`HeldChannel`); `{"result":"404"}` reconnects at
 * once, to a new one. `v2.system.socket_closing`, channel expiry and a new token all move to a
 * fresh channel before the old socket is let go, and the old channel's subscriptions are
 * released. The link's state goes to the connection store through `LinkStatus`. Nothing is
 * opened until a feature subscribes to a topic.
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
  /** A channel is being opened (the newest try has not settled). */
  private opening = false;
  private attempt = 0;
  private started = false;
  private stopped = false;
  private readonly subscriptions: ChannelSubscriptions;
  private readonly held: HeldChannel;
  private readonly watchdog: LinkWatchdog;
  private readonly status: LinkStatus;
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
    this.status = new LinkStatus(deps.store, () => this.scheduler.now());
    this.watchdog = new LinkWatchdog({
      timers: this.timers,
      options: this.options,
      socket: () => this.link?.socket,
      onDead: () => {
        if (this.link && !this.stopped) this.scheduleReconnect();
      },
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
    this.status.stopped();
  }

  /** After re-authentication: channels die with their token, so move to one made with the new token. */
  tokenChanged(): void {
    if (!this.started || this.stopped) return;
    this.held.moveOn();
    if (this.link && this.status.current === 'live') void this.handover();
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
    const status = this.status.current;
    if (this.link && status === 'live') void this.resubscribe();
    // No link, none on its way, no retry due: the first topic connects (whatever the status says:
    // a shared channel's leader reads "connecting" from the moment it takes over).
    else if (!this.link && !this.opening && !this.timers.has('retry') && status !== 'signInNeeded')
      void this.connect();
    // Connecting or reconnecting: the next subscribe reads the registry then.
  }

  private connect(): Promise<void> {
    this.timers.clear('retry');
    this.status.connecting(this.link !== undefined || this.attempt > 0);
    return this.move(true);
  }

  /** Opens the next channel while the current socket still delivers, then lets the old one go. */
  private handover(): Promise<void> {
    this.timers.clear('renew');
    return this.move(false);
  }

  /**
   * Opens a channel and moves to it: to reconnect (`resume`: the held channel first; the old
   * link goes once the new socket is open), or to hand over (a new channel; the old socket keeps
   * delivering until the new one holds the subscriptions, and stays if the move fails).
   */
  private async move(resume: boolean): Promise<void> {
    const generation = ++this.generation;
    this.opening = true;
    try {
      const { channel, socket } = await this.openChannel(resume);
      if (generation !== this.generation) return void closeQuietly(socket);
      if (resume) this.letGo(this.link);
      else this.retiring = this.link;
      this.adopt({ channel, socket });
      await this.subscriptions.subscribeAndResync(channel);
      this.letGo(this.retiring);
      this.retiring = undefined;
      if (this.settled(channel, generation)) this.markLive(channel);
    } catch (error) {
      if (generation !== this.generation || this.stopped) return;
      if (this.retiring) [this.link, this.retiring] = [this.retiring, undefined];
      this.onFailure(error);
    } finally {
      if (generation === this.generation) this.opening = false;
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
      return this.status.signInNeeded();
    }
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.letGo(this.link);
    this.link = undefined;
    this.timers.clear('uptime');
    const delay = nextDelay(this.attempt, this.random, this.options.backoff);
    this.attempt += 1;
    this.status.retrying(this.attempt, this.scheduler.now() + delay);
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
    this.status.live(channel.id, this.attempt);
    this.timers.set('uptime', this.options.minUptimeMs, () => {
      this.attempt = 0;
      this.status.attemptsReset();
    });
    const renewIn = channel.expiresAt - this.options.renewBeforeExpiryMs - this.scheduler.now();
    this.timers.set('renew', Math.max(0, renewIn), () => void this.handover());
    this.watchdog.feed();
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
    this.watchdog.feed();
  }

  private onFrame(socket: SocketLike, text: string): void {
    const isCurrent = this.link?.socket === socket;
    if (!isCurrent && this.retiring?.socket !== socket) return;
    if (isCurrent) this.watchdog.feed();
    const result = parseFrame(text);
    if (!result.ok) return this.status.dropped('malformed');
    const frame = result.frame;
    if (frame.kind === 'socketClosing' && isCurrent) void this.handover();
    if (frame.kind === 'channelGone' && isCurrent) {
      if (this.link) this.held.gone(this.link.channel.id);
      this.reconnectNow();
    }
    if (frame.kind !== 'topic') return;
    if (!this.deps.registry.dispatch(frame)) this.status.dropped('unknownTopic');
  }

  private letGo(link: Link | undefined): void {
    if (!link) return;
    link.socket.onmessage = null;
    link.socket.onclose = null;
    link.socket.onerror = () => undefined;
    closeQuietly(link.socket);
    if (this.link === link) this.watchdog.stop();
  }
}
