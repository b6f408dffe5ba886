import type { NotificationChannel as ChannelInfo } from '../platform/types';

export interface HeldChannelDeps {
  /** `DELETE …/channels/{id}/subscriptions`; a failure is ignored (the channel dies with its token). */
  release(channelId: string): Promise<unknown> | undefined;
  now(): number;
  /** A channel this close to expiry is not reconnected to (the client would move on at once). */
  marginMs: number;
  /** A channel handed over by another instance of the widget: reconnected to first. */
  handedOver?: ChannelInfo;
}

/**
 * The platform channel a notifications client holds, so that one agent's shift never piles up
 * channels (the platform keeps 20 per user and OAuth client, then evicts): subscriptions live on
 * the channel, not on its socket, so after a dropped socket the client reconnects to the same
 * channel; and a channel it leaves for another (a new token, `socket_closing`, expiry, a
 * handed-over channel that would not reopen) has its subscriptions released as soon as the next
 * channel holds them. A channel the platform says is gone is neither reopened nor released.
 *
 * @example
 * const held = new HeldChannel({ release: (id) => api.deleteSubscriptions(id), now: Date.now, marginMs: 600_000 });
 * held.subscribed(channel, true); // the channel held before it is released
 * held.resumable(); // after a drop: `channel`, while it lives and no new token came
 */
export class HeldChannel {
  private held?: { channel: ChannelInfo; resumable: boolean };

  constructor(private readonly deps: HeldChannelDeps) {
    if (deps.handedOver) this.held = { channel: deps.handedOver, resumable: true };
  }

  /** The channel to reconnect to before creating one, if any. */
  resumable(): ChannelInfo | undefined {
    const held = this.held;
    if (!held?.resumable) return undefined;
    return held.channel.expiresAt - this.deps.marginMs > this.deps.now() ? held.channel : undefined;
  }

  /** `channel` holds the subscriptions now; the channel held before it is released. */
  hold(channel: ChannelInfo): void {
    const before = this.held?.channel;
    this.held = { channel, resumable: true };
    if (before && before.id !== channel.id) this.release(before.id);
  }

  /**
   * A link's subscriptions are in place: held if that try is still `current`; otherwise a newer
   * try took over, and the channel is released unless it is the held one. Returns `current`.
   */
  subscribed(channel: ChannelInfo, current: boolean): boolean {
    if (current) this.hold(channel);
    else if (channel.id !== this.held?.channel.id) this.release(channel.id);
    return current;
  }

  /** A new token (or none): the held channel dies with its token, so the next one is new. */
  moveOn(): void {
    if (this.held) this.held.resumable = false;
  }

  /** The platform dropped the channel (`{"result":"404"}`): nothing to reopen or release. */
  gone(channelId: string): void {
    if (this.held?.channel.id === channelId) this.held = undefined;
  }

  private release(channelId: string): void {
    void Promise.resolve()
      .then(() => this.deps.release(channelId))
      .catch(() => undefined);
  }
}
