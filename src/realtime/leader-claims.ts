import type { ChannelMessage } from './channel-messages';

/** At most this many messages of one claimant wait while its claim is checked. */
const WAITING_MAX = 256;

export interface LeaderClaimsDeps {
  /** Who holds the leader lock now, as the lock says (`LeaderLock.holder`). */
  holder(): Promise<string | undefined>;
  /** Handles a message in order: a claim once believed, then what waited behind it. */
  handle(message: ChannelMessage): void;
  /** A claim that did not hold (or a message past the waiting room) is dropped and counted. */
  drop(): void;
}

/**
 * A follower's view of who leads. A claim to lead is believed only when its sender holds the
 * leader lock when the claim is checked: a claim from an instance that did not win the election
 * fails, and so does a late one from an earlier leader (it let the lock go when it stopped).
 * While a claim is checked, its sender's messages wait in order, then go on with it (believed)
 * or are handled as any stranger's (refused). The believed leader keeps the role until it says
 * bye: an instance leads at most once, holding the lock until it stops, so its own later claims
 * (a greeting to a newcomer) stand without a check.
 *
 * @example
 * if (claims.intercept(message)) return; // a claim being checked, or a message waiting on one
 * if (message.from === claims.leader) apply(message);
 */
export class LeaderClaims {
  private leaderId?: string;
  private readonly waiting = new Map<string, ChannelMessage[]>();

  constructor(private readonly deps: LeaderClaimsDeps) {}

  /** The instance believed to lead, if any. */
  get leader(): string | undefined {
    return this.leaderId;
  }

  /** Takes `message` when it is a claim to check or waits on one; false: handle it now. */
  intercept(message: ChannelMessage): boolean {
    const queue = this.waiting.get(message.from);
    if (queue) {
      if (queue.length < WAITING_MAX) queue.push(message);
      else this.deps.drop();
      return true;
    }
    if (message.type !== 'leader' || message.from === this.leaderId) return false;
    this.waiting.set(message.from, [message]);
    this.deps.holder().then(
      (holder) => this.decide(message.from, holder === message.from),
      () => this.decide(message.from, false),
    );
    return true;
  }

  /** `from` said bye: if it led, nobody is believed to lead until the next claim holds. */
  gone(from: string): void {
    if (from === this.leaderId) this.leaderId = undefined;
  }

  private decide(from: string, holds: boolean): void {
    const [claim, ...rest] = this.waiting.get(from) ?? [];
    this.waiting.delete(from);
    if (!claim) return;
    if (holds) {
      this.leaderId = from;
      this.deps.handle(claim);
    } else this.deps.drop();
    // A refused claimant's later claims in the queue are refused with it, not checked again.
    for (const message of rest)
      if (holds || message.type !== 'leader') this.deps.handle(message);
      else this.deps.drop();
  }
}
