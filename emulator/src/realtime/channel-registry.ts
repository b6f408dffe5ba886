import type { WebSocket } from 'ws';
import type { Clock, ClockTimer } from '../clock.js';
import { toIso } from '../clock.js';
import type { IdSource } from '../ids.js';
import { secretId } from '../secrets.js';

export const CHANNEL_TTL_MS = 24 * 60 * 60_000;
export const MAX_CHANNELS_PER_USER_AND_CLIENT = 20;
export const MAX_TOPICS_PER_CHANNEL = 1000;
export const DEFAULT_SOCKET_CLOSING_GRACE_MS = 60_000;
const CHANNEL_ID_LENGTH = 26;

export interface ChannelRecord {
  id: string;
  userId: string;
  clientId: string;
  token: string;
  connectUri: string;
  expiresAt: number;
  lastUsedAt: number;
  topics: Set<string>;
  socket?: WebSocket;
  heartbeat?: NodeJS.Timeout;
}

export interface Envelope {
  topicName: string;
  version: string;
  eventBody: unknown;
  metadata?: { CorrelationId: string };
}

/**
 * Notification channels and their sockets (contract §3): 24 h life extended by re-subscribing,
 * 20 per user and OAuth client with oldest-first eviction, one socket per channel, heartbeats.
 */
export class ChannelRegistry {
  private readonly channels = new Map<string, ChannelRecord>();
  /** The socket_closing deadlines, waits on the emulator's clock. */
  private readonly timers = new Set<ClockTimer>();
  /** Sockets of channels that are gone (`channelGone`), left open until reset. */
  private readonly orphans = new Set<WebSocket>();

  constructor(
    private readonly clock: Clock,
    private readonly ids: IdSource,
    private readonly heartbeatMs: number,
  ) {}

  create(
    owner: { userId: string; clientId: string; token: string },
    wsBase: string,
  ): ChannelRecord {
    this.evictIfFull(owner.userId, owner.clientId);
    // Crypto-random: the id is all a socket upgrade needs, so it must not be guessable.
    const id = `streaming-0-${secretId(CHANNEL_ID_LENGTH)}`;
    const now = this.clock.now();
    const channel: ChannelRecord = {
      ...owner,
      id,
      connectUri: `${wsBase}/channels/${id}`,
      expiresAt: now + CHANNEL_TTL_MS,
      lastUsedAt: now,
      topics: new Set(),
    };
    this.channels.set(id, channel);
    return channel;
  }

  /** A live channel (not expired), or undefined. */
  get(id: string): ChannelRecord | undefined {
    const channel = this.channels.get(id);
    return channel && channel.expiresAt > this.clock.now() ? channel : undefined;
  }

  forOwner(userId: string, clientId: string): ChannelRecord[] {
    return [...this.channels.values()].filter(
      (c) => c.userId === userId && c.clientId === clientId && c.expiresAt > this.clock.now(),
    );
  }

  all(): ChannelRecord[] {
    return [...this.channels.values()];
  }

  toJson(channel: ChannelRecord) {
    return { id: channel.id, connectUri: channel.connectUri, expires: toIso(channel.expiresAt) };
  }

  /** Adds or replaces topics; either way the channel's life is extended by 24 h. */
  setTopics(channel: ChannelRecord, topics: readonly string[], mode: 'add' | 'replace'): void {
    if (mode === 'replace') channel.topics.clear();
    for (const topic of topics) channel.topics.add(topic);
    this.touch(channel);
    channel.expiresAt = this.clock.now() + CHANNEL_TTL_MS;
  }

  clearTopics(channel: ChannelRecord): void {
    channel.topics.clear();
    this.touch(channel);
  }

  /** A second connection to the same channel drops the first. */
  attach(channel: ChannelRecord, socket: WebSocket): void {
    this.detach(channel, 1000, 'Replaced by a newer connection to this channel');
    channel.socket = socket;
    this.touch(channel);
    channel.heartbeat = setInterval(() => {
      this.send(channel, {
        topicName: 'channel.metadata',
        version: '2',
        eventBody: { message: 'WebSocket Heartbeat' },
      });
    }, this.heartbeatMs);
    channel.heartbeat.unref();
    socket.on('close', () => {
      if (channel.socket !== socket) return;
      clearInterval(channel.heartbeat);
      channel.socket = undefined;
      channel.heartbeat = undefined;
    });
    socket.on('message', (data) => this.onClientMessage(channel, socket, data.toString()));
    // A bad frame (over maxPayload): ws closed it (1009); unheard, the error would crash us.
    socket.on('error', () => undefined);
  }

  publish(topicName: string, eventBody: unknown, correlationId: string): number {
    let delivered = 0;
    for (const channel of this.channels.values()) {
      if (!channel.topics.has(topicName) || channel.expiresAt <= this.clock.now()) continue;
      if (
        this.send(channel, {
          topicName,
          version: '2',
          eventBody,
          metadata: { CorrelationId: correlationId },
        })
      ) {
        delivered += 1;
      }
    }
    return delivered;
  }

  /** Abrupt loss of every socket (no close frame), as a network failure looks to the client. */
  dropSockets(): number {
    let dropped = 0;
    for (const channel of this.channels.values()) {
      if (channel.socket) {
        channel.socket.terminate();
        dropped += 1;
      }
    }
    return dropped;
  }

  /**
   * A dead channel (contract §3.2): every channel with a socket gets the frame `{"result":"404"}`
   * and is removed, so no event or heartbeat reaches that socket again, but the socket is left
   * open (a client waiting for its heartbeat watchdog would sit there). Closed on reset.
   */
  channelGone(): number {
    let gone = 0;
    for (const channel of [...this.channels.values()]) {
      const socket = channel.socket;
      if (!socket) continue;
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ result: '404' }));
      clearInterval(channel.heartbeat);
      channel.heartbeat = undefined;
      channel.socket = undefined;
      this.channels.delete(channel.id);
      this.orphans.add(socket);
      socket.once('close', () => this.orphans.delete(socket));
      gone += 1;
    }
    return gone;
  }

  /** Sends one raw text frame on every socket of the channels `which` selects; returns how many. */
  sendRaw(which: (channel: ChannelRecord) => boolean, text: string): number {
    let sent = 0;
    for (const channel of this.channels.values()) {
      const socket = channel.socket;
      if (!socket || socket.readyState !== socket.OPEN || !which(channel)) continue;
      socket.send(text);
      sent += 1;
    }
    return sent;
  }

  /** Sends `v2.system.socket_closing` on every socket, then closes them after the grace period. */
  socketClosing(graceMs: number): number {
    let warned = 0;
    for (const channel of this.channels.values()) {
      const socket = channel.socket;
      if (!socket) continue;
      this.send(channel, {
        topicName: 'v2.system.socket_closing',
        version: '2',
        eventBody: {
          channelId: channel.id,
          userId: channel.userId,
          oauthClientId: channel.clientId,
          message: 'The socket will close soon; open a new channel and move to it.',
        },
        metadata: { CorrelationId: this.ids.uuid() },
      });
      warned += 1;
      const timer = this.clock.setTimeout(
        () => {
          this.timers.delete(timer);
          if (socket.readyState === socket.OPEN) socket.close(1001, 'Socket closing');
        },
        graceMs,
        'socket closing',
      );
      this.timers.add(timer);
    }
    return warned;
  }

  /** Removes expired channels and channels whose token is no longer valid, closing their sockets. */
  sweep(isTokenValid: (token: string) => boolean): number {
    let removed = 0;
    for (const channel of [...this.channels.values()]) {
      const expired = channel.expiresAt <= this.clock.now();
      if (!expired && isTokenValid(channel.token)) continue;
      this.remove(channel, expired ? 'Channel expired' : 'Token expired');
      removed += 1;
    }
    return removed;
  }

  reset(): void {
    for (const channel of [...this.channels.values()]) this.remove(channel, 'Emulator reset');
    for (const timer of this.timers) this.clock.clearTimeout(timer);
    this.timers.clear();
    for (const socket of this.orphans) socket.close(1000, 'Emulator reset');
    this.orphans.clear();
  }

  private remove(channel: ChannelRecord, reason: string): void {
    this.detach(channel, 1000, reason);
    this.channels.delete(channel.id);
  }

  private detach(channel: ChannelRecord, code: number, reason: string): void {
    clearInterval(channel.heartbeat);
    channel.heartbeat = undefined;
    const socket = channel.socket;
    channel.socket = undefined;
    if (socket && socket.readyState <= socket.OPEN) socket.close(code, reason);
  }

  private evictIfFull(userId: string, clientId: string): void {
    const owned = this.forOwner(userId, clientId);
    if (owned.length < MAX_CHANNELS_PER_USER_AND_CLIENT) return;
    // Oldest last-used first, channels without an active connection before connected ones.
    owned.sort(
      (a, b) =>
        Number(Boolean(a.socket)) - Number(Boolean(b.socket)) || a.lastUsedAt - b.lastUsedAt,
    );
    const victim = owned[0];
    if (victim) this.remove(victim, 'Channel evicted: too many channels for this user and client');
  }

  private touch(channel: ChannelRecord): void {
    channel.lastUsedAt = this.clock.now();
  }

  private send(channel: ChannelRecord, envelope: Envelope): boolean {
    const socket = channel.socket;
    if (!socket || socket.readyState !== socket.OPEN) return false;
    socket.send(JSON.stringify(envelope));
    return true;
  }

  private onClientMessage(channel: ChannelRecord, socket: WebSocket, text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (
      typeof message === 'object' &&
      message !== null &&
      'message' in message &&
      message.message === 'ping'
    ) {
      if (channel.socket === socket) {
        this.send(channel, {
          topicName: 'channel.metadata',
          version: '2',
          eventBody: { message: 'pong' },
        });
      }
    }
  }
}
