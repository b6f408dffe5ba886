import { createStore } from 'zustand/vanilla';
import type { LaunchParams } from '../config/launch-params';
import type { Message } from '../i18n/message';
import type { CurrentUser } from '../platform/types';

/**
 * `signInRequired`: sign-in must start from a click (popup sign-in: `gcUsePopupAuth`, or a
 * framed page without usable storage). `signedIn`: the token works. `renewing`: the agent opened the sign-in window. `expired`: the
 * token has expired or was refused (401); the panel waits for the agent to sign in again.
 * `failed`: the first sign-in did not complete.
 */
export type SessionStatus =
  'signingIn' | 'signInRequired' | 'signedIn' | 'renewing' | 'expired' | 'failed';

export interface SessionState {
  status: SessionStatus;
  user?: CurrentUser;
  /** What went wrong, as a message for the agent. */
  problem?: Message;
  /** Launch parameters, known once sign-in has carried them across the redirect. */
  launch?: LaunchParams;
  /** When the token expires (epoch ms). */
  expiresAt?: number;
  /** The token expires soon: offer "Renew sign-in" (a popup needs the agent's click). */
  renewDue: boolean;
}

/** Who is signed in and whether the token is usable. Never holds the token itself. */
export function createSessionStore(launch?: LaunchParams) {
  return createStore<SessionState>()(() => ({ status: 'signingIn', launch, renewDue: false }));
}

export type SessionStore = ReturnType<typeof createSessionStore>;
