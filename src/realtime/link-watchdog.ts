import type { NamedTimers } from '../time/scheduler';
import type { ChannelOptions } from './channel-options';
import type { SocketLike } from './open-socket';

export interface LinkWatchdogDeps {
  /** The channel's timers (its `stop` clears these too). */
  timers: NamedTimers;
  options: Pick<ChannelOptions, 'heartbeatMs' | 'pingAfterHeartbeats' | 'deadAfterHeartbeats'>;
  /** The live socket when the ping is due, if any. */
  socket(): SocketLike | undefined;
  /** No frame for `deadAfterHeartbeats` heartbeats: the link is dead. */
  onDead(): void;
}

/**
 * The heartbeat watchdog of the live socket. The platform sends a heartbeat every `heartbeatMs`,
 * so quiet means trouble: every frame re-arms two timers, a ping after 1.5 quiet heartbeats (an
 * open link answers it) and the link declared dead after 2.5.
 *
 * @example
 * const watchdog = new LinkWatchdog({ timers, options, socket: () => link?.socket, onDead: reconnect });
 * socket.onmessage = () => watchdog.feed();
 */
export class LinkWatchdog {
  constructor(private readonly deps: LinkWatchdogDeps) {}

  /** A frame came (or the socket opened): the quiet time starts again. */
  feed(): void {
    const { heartbeatMs, pingAfterHeartbeats, deadAfterHeartbeats } = this.deps.options;
    this.deps.timers.set('ping', heartbeatMs * pingAfterHeartbeats, () => {
      const socket = this.deps.socket();
      if (socket && socket.readyState === 1) socket.send(JSON.stringify({ message: 'ping' }));
    });
    this.deps.timers.set('dead', heartbeatMs * deadAfterHeartbeats, () => this.deps.onDead());
  }

  /** The live socket was let go: nothing to watch until the next one. */
  stop(): void {
    this.deps.timers.clear('ping');
    this.deps.timers.clear('dead');
  }
}
