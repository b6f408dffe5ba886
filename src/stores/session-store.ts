import { createStore } from 'zustand/vanilla';
import type { LaunchParams } from '../config/launch-params';
import type { CurrentUser } from '../platform/types';

export type SessionStatus =
  'signingIn' | 'signedIn' | 'reauthenticating' | 'reauthFailed' | 'failed';

export interface SessionState {
  status: SessionStatus;
  user?: CurrentUser;
  /** What went wrong, in words for the agent. */
  problem?: string;
  /** Launch parameters, known once sign-in has carried them across the redirect. */
  launch?: LaunchParams;
}

/** Who is signed in and whether the token is usable. Never holds the token itself. */
export function createSessionStore(launch?: LaunchParams) {
  return createStore<SessionState>()(() => ({ status: 'signingIn', launch }));
}

export type SessionStore = ReturnType<typeof createSessionStore>;
