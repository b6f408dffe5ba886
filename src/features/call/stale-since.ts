import type { ConnectionState } from '../../realtime/connection-store';

export interface SignInView {
  /** The token expired (or was refused) and the agent has not signed in again yet. */
  expired: boolean;
  /** When the token in use ends or ended (epoch ms). */
  expiresAt?: number;
}

/** Which reason the call's "As of …" line gives. */
export type StaleReason = 'signIn' | 'connecting' | 'reconnecting' | 'offline';

/**
 * Since when the call on screen may be out of date, or undefined while it is current: the link is
 * live and the sign-in works. Every other state marks the call (connecting, reconnecting, waiting
 * for another instance to lead, sign-in needed, stopped). `fallback` is used only when nothing
 * says since when (a link that was never live and carries no time).
 *
 * @example
 * staleSinceOf({ status: 'connecting', staleSince: 1000 }, { expired: false }, 5000); // 1000
 * staleSinceOf({ status: 'live' }, { expired: false }, 5000); // undefined
 */
export function staleSinceOf(
  link: Pick<ConnectionState, 'status' | 'staleSince'>,
  signIn: SignInView,
  fallback: number,
): number | undefined {
  if (link.status === 'live') return signIn.expired ? (signIn.expiresAt ?? fallback) : undefined;
  return link.staleSince ?? (signIn.expired ? signIn.expiresAt : undefined) ?? fallback;
}

/** Why the call is marked: what the agent can expect to happen next. */
export function staleReasonOf(
  status: ConnectionState['status'],
  signIn: Pick<SignInView, 'expired'>,
): StaleReason {
  if (signIn.expired || status === 'signInNeeded') return 'signIn';
  if (status === 'reconnecting') return 'reconnecting';
  if (status === 'idle' || status === 'connecting') return 'connecting';
  return 'offline';
}
