import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff';

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
