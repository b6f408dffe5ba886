import { createStore } from 'zustand/vanilla';

export type ConnectionStatus =
  'idle' | 'connecting' | 'live' | 'reconnecting' | 'signInNeeded' | 'stopped';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Reconnect attempts since the link was last stable. */
  attempt: number;
  /** When the next reconnect attempt is due (epoch ms). */
  nextRetryAt?: number;
  /** Since when what is on screen may be out of date (epoch ms); unset while live. */
  staleSince?: number;
  channelId?: string;
  dropped: { malformed: number; unknownTopic: number };
  /**
   * Messages from the widget's other instances that were refused: not of a known shape
   * (`malformed`), or well formed but not expected here (`unexpected`: a `channel` or `state` not
   * from the leader, an event for a topic this instance never asked for, a token request or a
   * `sent` notice from an instance that never introduced itself).
   */
  busDropped: { malformed: number; unexpected: number };
  /** How many times the channel re-read state after (re)subscribing. */
  resyncs: number;
}

const initialConnectionState: ConnectionState = {
  status: 'idle',
  attempt: 0,
  dropped: { malformed: 0, unknownTopic: 0 },
  busDropped: { malformed: 0, unexpected: 0 },
  resyncs: 0,
};

/**
 * Connection health, written by the channel (plain TS) and read by React through selectors.
 * `startedAt`: when the widget started; nothing on screen is current before the link is live.
 */
export function createConnectionStore(startedAt?: number) {
  return createStore<ConnectionState>()(() => ({
    ...initialConnectionState,
    staleSince: startedAt,
  }));
}

export type ConnectionStore = ReturnType<typeof createConnectionStore>;
