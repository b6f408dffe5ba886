import type { ConnectionState, ConnectionStatus, ConnectionStore } from './connection-store';

/**
 * What the notifications channel tells the connection store, which the pill, the "as of" line
 * and the diagnostics read: the link's status, its reconnect attempt and next try, and since
 * when the screen may be out of date (every state but live says so: from the first moment the
 * link was not live, kept across states, cleared only when it is live again).
 *
 * @example
 * const status = new LinkStatus(store, () => scheduler.now());
 * status.retrying(2, now + 4000); // "Reconnecting", stale since the link first went
 */
export class LinkStatus {
  constructor(
    private readonly store: ConnectionStore,
    private readonly now: () => number,
  ) {}

  get current(): ConnectionStatus {
    return this.store.getState().status;
  }

  /** A first connection, or another try (`again`) once the link has been up or failed. */
  connecting(again: boolean): void {
    this.store.setState({
      status: again ? 'reconnecting' : 'connecting',
      nextRetryAt: undefined,
      staleSince: this.staleSince(),
    });
  }

  retrying(attempt: number, nextRetryAt: number): void {
    this.store.setState({
      status: 'reconnecting',
      attempt,
      nextRetryAt,
      staleSince: this.staleSince(),
    });
  }

  signInNeeded(): void {
    this.store.setState({
      status: 'signInNeeded',
      nextRetryAt: undefined,
      staleSince: this.staleSince(),
    });
  }

  live(channelId: string, attempt: number): void {
    this.store.setState({
      status: 'live',
      staleSince: undefined,
      nextRetryAt: undefined,
      channelId,
      attempt,
    });
  }

  /** The link stayed up: attempts count from zero again. */
  attemptsReset(): void {
    this.store.setState({ attempt: 0 });
  }

  stopped(): void {
    this.store.setState({
      status: 'stopped',
      nextRetryAt: undefined,
      staleSince: this.staleSince(),
    });
  }

  /** A frame that was not used: not readable, or for a topic nobody holds. */
  dropped(reason: keyof ConnectionState['dropped']): void {
    const dropped = { ...this.store.getState().dropped };
    dropped[reason] += 1;
    this.store.setState({ dropped });
  }

  private staleSince(): number {
    return this.store.getState().staleSince ?? this.now();
  }
}
