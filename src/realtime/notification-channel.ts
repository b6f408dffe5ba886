import { toPlatformError } from '../platform/errors';
import type { SubscriptionResult } from '../platform/notifications';
import type { NotificationChannel as ChannelInfo } from '../platform/types';
import { nextDelay } from './backoff';
import { DEFAULT_CHANNEL_OPTIONS, type ChannelOptions } from './channel-options';
import type { ConnectionStore } from './connection-store';
import { parseFrame, type NotificationEvent } from './events';
import { browserTimers, NamedTimers, type Timers } from './named-timers';
import { closeQuietly, openSocket, type SocketLike } from './open-socket';

export type CallEvent = Extract<NotificationEvent, { kind: 'call' }>;

export interface ChannelDeps {
  api: {
    createChannel(): Promise<ChannelInfo>;
    replaceSubscriptions(channelId: string, topics: readonly string[]): Promise<SubscriptionResult>;
  };
  /** The topics to hold, read on every (re)subscribe. */
  topics(): readonly string[];
  onEvent(event: CallEvent): void;
  /** Re-read state over REST once after each (re)subscribe. */
  resync(): Promise<void>;
  store: ConnectionStore;
  createSocket?: (url: string) => SocketLike;
  timers?: Timers;
  now?: () => number;
  random?: () => number;
  options?: Partial<ChannelOptions>;
}

interface Link {
  channel: ChannelInfo;
  socket: SocketLike;
}

/**
 * The notifications channel, as plain TypeScript: create channel → open socket → subscribe →
 * one REST re-read (events arriving meanwhile are held and replayed after it, so nothing between
 * the two is lost). A heartbeat watchdog pings, then reconnects with capped, jittered backoff.
 * `v2.system.socket_closing`, channel expiry and a new token all move to a fresh channel before
 * the old socket is let go.
 *
 * @example
 * const channel = new NotificationChannelClient({ api: platform, topics, onEvent, resync, store });
 * channel.start();
 */
export class NotificationChannelClient {
  private readonly options: ChannelOptions;
  private readonly timers: NamedTimers;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly createSocket: (url: string) => SocketLike;
  private link?: Link;
  private retiring?: Link;
  private generation = 0;
  private attempt = 0;
  private stopped = false;
  private held: CallEvent[] | null = null;

  constructor(private readonly deps: ChannelDeps) {
    this.options = { ...DEFAULT_CHANNEL_OPTIONS, ...deps.options };
    this.timers = new NamedTimers(deps.timers ?? browserTimers);
    this.now = deps.now ?? (() => Date.now());
    this.random = deps.random ?? Math.random;
    this.createSocket = deps.createSocket ?? ((url) => new WebSocket(url));
  }

  start(): void {
    if (this.stopped || this.link) return;
    void this.connect();
  }

  /** Final: closes the socket and stops every timer. */
  stop(): void {
    this.stopped = true;
    this.generation += 1;
    this.timers.clearAll();
    this.letGo(this.link);
    this.letGo(this.retiring);
    this.link = this.retiring = undefined;
    this.update({ status: 'stopped', nextRetryAt: undefined });
  }

  /** After re-authentication: channels die with their token, so move to one made with the new token. */
  tokenChanged(): void {
    if (this.stopped) return;
    if (this.link && this.deps.store.getState().status === 'live') void this.handover();
    else {
      this.attempt = 0;
      this.timers.clear('retry');
      void this.connect();
    }
  }

  /** Drop the current link and reconnect now (e.g. the browser came back online). */
  reconnectNow(): void {
    if (this.stopped) return;
    this.attempt = 0;
    this.timers.clear('retry');
    void this.connect();
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    this.timers.clear('retry');
    this.update({
      status: this.link || this.attempt > 0 ? 'reconnecting' : 'connecting',
      nextRetryAt: undefined,
    });
    try {
      const { channel, socket } = await this.openChannel();
      if (generation !== this.generation) return void closeQuietly(socket);
      this.letGo(this.link);
      this.adopt({ channel, socket });
      await this.subscribeAndResync(channel);
      if (generation !== this.generation) return;
      this.markLive(channel);
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
      const { channel, socket } = await this.openChannel();
      if (generation !== this.generation) return void closeQuietly(socket);
      this.retiring = this.link;
      this.adopt({ channel, socket });
      await this.subscribeAndResync(channel);
      this.letGo(this.retiring);
      this.retiring = undefined;
      if (generation === this.generation) this.markLive(channel);
    } catch (error) {
      if (generation !== this.generation || this.stopped) return;
      if (this.retiring) {
        this.link = this.retiring;
        this.retiring = undefined;
      }
      this.onFailure(error);
    }
  }

  /** A new channel and an open socket on it (not yet subscribed). */
  private async openChannel(): Promise<Link> {
    const channel = await this.deps.api.createChannel();
    const socket = await openSocket(
      this.createSocket,
      channel.connectUri,
      this.options.connectTimeoutMs,
      this.timers,
    );
    return { channel, socket };
  }

  private onFailure(error: unknown): void {
    if (toPlatformError(error).kind === 'unauthorized') {
      this.letGo(this.link);
      this.link = undefined;
      this.update({
        status: 'signInNeeded',
        nextRetryAt: undefined,
        staleSince: this.staleSince(),
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
      nextRetryAt: this.now() + delay,
      staleSince: this.staleSince(),
    });
    this.timers.set('retry', delay, () => void this.connect());
  }

  private async subscribeAndResync(channel: ChannelInfo): Promise<void> {
    await this.deps.api.replaceSubscriptions(channel.id, this.deps.topics());
    this.held = [];
    try {
      await this.deps.resync();
      this.update({ resyncs: this.deps.store.getState().resyncs + 1 });
    } finally {
      const held = this.held;
      this.held = null;
      for (const event of held) this.deps.onEvent(event);
    }
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
    const renewIn = channel.expiresAt - this.options.renewBeforeExpiryMs - this.now();
    this.timers.set('renew', Math.max(0, renewIn), () => void this.handover());
    this.feedWatchdog();
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
    if (!result.ok) {
      const dropped = { ...this.deps.store.getState().dropped };
      dropped[result.reason] += 1;
      this.update({ dropped });
      return;
    }
    const event = result.event;
    if (event.kind === 'socketClosing' && isCurrent) void this.handover();
    if (event.kind !== 'call') return;
    if (this.held) this.held.push(event);
    else this.deps.onEvent(event);
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

  private staleSince(): number {
    return this.deps.store.getState().staleSince ?? this.now();
  }

  private update(partial: Partial<ReturnType<ConnectionStore['getState']>>): void {
    this.deps.store.setState(partial);
  }
}
