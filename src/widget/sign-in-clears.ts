import type { IntentRegistry, IntentOutcome } from '../calls/intents/intent-registry';
import type { SessionState, SessionStore } from '../stores/session-store';

/** A failure that says the sign-in was refused (401): "Sign in again, then try once more". */
export const isSignInRefusal = (outcome: IntentOutcome<boolean | string>): boolean =>
  outcome.kind === 'failed' && outcome.error.kind === 'unauthorized';

/** A new token is in use: the agent signed in (again), renewed, or another instance did. */
export const signedInAgain = (state: SessionState, previous: SessionState): boolean =>
  state.status === 'signedIn' && state.expiresAt !== previous.expiresAt;

/**
 * Every "your sign-in has expired" failure shown (mute, hold, call data, playback) ends when
 * its cause does: as soon as a new sign-in is in use. Returns the function that stops it.
 */
export function clearSignInFailures(session: SessionStore, intents: IntentRegistry): () => void {
  return session.subscribe((state, previous) => {
    if (signedInAgain(state, previous)) intents.clearOutcomesWhere(isSignInRefusal);
  });
}
