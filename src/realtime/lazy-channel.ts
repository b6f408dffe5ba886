import type { ChannelLike } from './shared-channel';

/**
 * A channel whose code arrives in its own chunk: it stands in for the session controller from
 * the first paint, starts the real one once loaded (unless stopped meanwhile), and passes token
 * changes and reconnects on after that. Before then there is nothing to pass on: the real
 * channel starts with the current token.
 *
 * @example
 * const channel = new LazyChannel(() => import('./shared-channel').then((m) => new m.SharedChannel(deps)));
 * channel.start();
 */
export class LazyChannel implements ChannelLike {
  private channel?: ChannelLike;
  private state: 'idle' | 'started' | 'stopped' = 'idle';
  private loading?: Promise<void>;

  /** `load` must not reject: it falls back to a channel of its own when the chunk fails. */
  constructor(private readonly load: () => Promise<ChannelLike>) {}

  start(): void {
    if (this.state !== 'idle') return;
    this.state = 'started';
    this.loading = this.load().then((channel) => {
      if (this.state === 'stopped') return;
      this.channel = channel;
      channel.start();
    });
  }

  /** Final; resolves once the real channel stopped (or was never started). */
  async stop(): Promise<void> {
    this.state = 'stopped';
    await this.loading;
    await this.channel?.stop();
  }

  tokenChanged(): void {
    this.channel?.tokenChanged();
  }

  reconnectNow(): void {
    this.channel?.reconnectNow();
  }
}
