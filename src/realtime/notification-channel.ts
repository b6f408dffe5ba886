import { toPlatformError } from '../platform/errors';
import type { SubscriptionResult } from '../platform/notifications';
import type { NotificationChannel as ChannelInfo } from '../platform/types';
import { DEFAULT_BACKOFF, nextDelay, type BackoffOptions } from './backoff';
import type { ConnectionStore } from './connection-store';
import { parseFrame, type NotificationEvent } from './events';

export type CallEvent = Extract<NotificationEvent, { kind: 'call' }>;

export interface ChannelOptions {
  /** The platform's heartbeat interval (about 30 s). */
  heartbeatMs: number;
  /** No frame for this many heartbeats: send a ping. */
  pingAfterHeartbeats: number;
  /** No frame for this many heartbeats: the link is dead, reconnect. */
  deadAfterHeartbeats: number;
  /** The attempt counter resets only after the link has stayed up this long. */
  minUptimeMs: number;
  connectTimeoutMs: number;
  /** Move to a new channel this long before the current one expires. */
  renewBeforeExpiryMs: number;
  backoff: BackoffOptions;
}

export const DEFAULT_CHANNEL_OPTIONS: ChannelOptions = {
  heartbeatMs: 30_000,
  pingAfterHeartbeats: 1.5,
  deadAfterHeartbeats: 2.5,
  minUptimeMs: 5_000,
  connectTimeoutMs: 10_000,
  renewBeforeExpiryMs: 10 * 60_000,
  backoff: DEFAULT_BACKOFF,
};

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

type SocketLike = Pick<WebSocket, 'send' | 'close' | 'readyState'> & {
  onopen: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
};

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
  private readonly timers: Timers;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly createSocket: (url: string) => SocketLike;
  private link?: Link;
  private retiring?: Link;
  private generation = 0;
  private attempt = 0;
  private stopped = false;
  private held: CallEvent[] | null = null;
  private readonly timerHandles = new Map<string, unknown>();

  constructor(private readonly deps: ChannelDeps) {
    this.options = { ...DEFAULT_CHANNEL_OPTIONS, ...deps.options };
    this.timers = deps.timers ?? {
      setTimeout: (cb, ms) => setTimeout(cb, ms),
      clearTimeout: (h) => clearTimeout(h as number),
    };
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
    for (const handle of this.timerHandles.values()) this.timers.clearTimeout(handle);
    this.timerHandles.clear();
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
      this.clearTimer('retry');
      void this.connect();
    }
  }

  /** Drop the current link and reconnect now (e.g. the browser came back online). */
  reconnectNow(): void {
    if (this.stopped) return;
    this.attempt = 0;
    this.clearTimer('retry');
    void this.connect();
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    this.clearTimer('retry');
    this.update({
      status: this.link || this.attempt > 0 ? 'reconnecting' : 'connecting',
      nextRetryAt: undefined,
    });
    try {
      const channel = await this.deps.api.createChannel();
      if (generation !== this.generation) return;
      const socket = await this.open(channel.connectUri);
      if (generation !== this.generation) return void this.closeQuietly(socket);
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
    this.clearTimer('renew');
    try {
      const channel = await this.deps.api.createChannel();
      const socket = await this.open(channel.connectUri);
      if (generation !== this.generation) return void this.closeQuietly(socket);
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
    this.clearTimer('uptime');
    const delay = nextDelay(this.attempt, this.random, this.options.backoff);
    this.attempt += 1;
    this.update({
      status: 'reconnecting',
      attempt: this.attempt,
      nextRetryAt: this.now() + delay,
      staleSince: this.staleSince(),
    });
    this.setTimer('retry', delay, () => void this.connect());
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
    this.setTimer('uptime', this.options.minUptimeMs, () => {
      this.attempt = 0;
      this.update({ attempt: 0 });
    });
    const renewIn = channel.expiresAt - this.options.renewBeforeExpiryMs - this.now();
    this.setTimer('renew', Math.max(0, renewIn), () => void this.handover());
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
    if (isCurrent) {
      this.update({ lastFrameAt: this.now() });
      this.feedWatchdog();
    }
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
    this.setTimer('ping', heartbeatMs * pingAfterHeartbeats, () => {
      const socket = this.link?.socket;
      if (socket && socket.readyState === 1) socket.send(JSON.stringify({ message: 'ping' }));
    });
    this.setTimer('dead', heartbeatMs * deadAfterHeartbeats, () => {
      if (this.link && !this.stopped) this.scheduleReconnect();
    });
  }

  private open(url: string): Promise<SocketLike> {
    return new Promise((resolve, reject) => {
      const socket = this.createSocket(url);
      const fail = (why: string) => {
        this.clearTimer('connect');
        socket.onopen = socket.onerror = socket.onclose = null;
        this.closeQuietly(socket);
        reject(new Error(why));
      };
      this.setTimer('connect', this.options.connectTimeoutMs, () =>
        fail('The notifications socket did not open in time.'),
      );
      socket.onopen = () => {
        this.clearTimer('connect');
        resolve(socket);
      };
      socket.onerror = () => fail('The notifications socket could not be opened.');
      socket.onclose = () => fail('The notifications socket closed while opening.');
    });
  }

  private letGo(link: Link | undefined): void {
    if (!link) return;
    link.socket.onmessage = null;
    link.socket.onclose = null;
    link.socket.onerror = () => undefined;
    this.closeQuietly(link.socket);
    if (this.link === link) {
      this.clearTimer('ping');
      this.clearTimer('dead');
    }
  }

  private closeQuietly(socket: SocketLike): void {
    try {
      if (socket.readyState <= 1) socket.close(1000, 'Client moved on');
    } catch {
      // Closing a socket that never opened may throw in some browsers; it is gone either way.
    }
  }

  private staleSince(): number {
    return this.deps.store.getState().staleSince ?? this.now();
  }

  private update(partial: Partial<ReturnType<ConnectionStore['getState']>>): void {
    this.deps.store.setState(partial);
  }

  private setTimer(name: string, ms: number, callback: () => void): void {
    this.clearTimer(name);
    this.timerHandles.set(
      name,
      this.timers.setTimeout(() => {
        this.timerHandles.delete(name);
        callback();
      }, ms),
    );
  }

  private clearTimer(name: string): void {
    const handle = this.timerHandles.get(name);
    if (handle !== undefined) this.timers.clearTimeout(handle);
    this.timerHandles.delete(name);
  }
}
