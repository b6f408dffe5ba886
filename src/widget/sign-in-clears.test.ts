import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IntentRegistry } from '../calls/intents/intent-registry';
import { PlatformError } from '../platform/errors';
import type { Call } from '../platform/types';
import { createSessionStore } from '../stores/session-store';
import { callFor } from '../testing/factories';
import { createScheduler } from '../time/scheduler';
import { clearSignInFailures } from './sign-in-clears';

function setup(refusal: PlatformError) {
  const call: Call = callFor('u1', 'A');
  const intents = new IntentRegistry({
    sendFlags: async () => Promise.reject(refusal),
    sendAttributes: async () => undefined,
    reread: async () => undefined,
    get: () => call,
    scheduler: createScheduler({ now: () => 5000 }),
  });
  const session = createSessionStore();
  session.setState({ status: 'signedIn', expiresAt: 10_000 });
  const stop = clearSignInFailures(session, intents);
  return { intents, session, stop };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('clearSignInFailures', () => {
  it('ends "your sign-in has expired" once the agent has signed in again, and not before', async () => {
    const { intents, session } = setup(
      new PlatformError('unauthorized', 'expired', { status: 401 }),
    );
    intents.requestFlag('A', 'A-a', 'muted', true);
    await vi.advanceTimersByTimeAsync(0);
    expect(intents.flag('A', 'A-a', 'muted').outcome).toMatchObject({ kind: 'failed' });
    session.setState({ status: 'expired' });
    session.setState({ status: 'renewing' });
    expect(intents.flag('A', 'A-a', 'muted').outcome).toMatchObject({ kind: 'failed' });
    expect(intents.openOutcomes()).toBe(1);
    // The sign-in window finished: a new token, a new expiry.
    session.setState({ status: 'signedIn' });
    session.setState({ expiresAt: 20_000 });
    expect(intents.flag('A', 'A-a', 'muted').outcome).toBeUndefined();
    expect(intents.openOutcomes()).toBe(0);
  });

  it('leaves every other failure: a new sign-in does not undo a refusal for another reason', async () => {
    const { intents, session } = setup(new PlatformError('forbidden', 'no', { status: 403 }));
    intents.requestFlag('A', 'A-a', 'muted', true);
    await vi.advanceTimersByTimeAsync(0);
    session.setState({ expiresAt: 20_000 });
    expect(intents.flag('A', 'A-a', 'muted').outcome).toMatchObject({ kind: 'failed' });
  });

  it('stops with the widget', async () => {
    const { intents, session, stop } = setup(
      new PlatformError('unauthorized', 'x', { status: 401 }),
    );
    intents.requestFlag('A', 'A-a', 'muted', true);
    await vi.advanceTimersByTimeAsync(0);
    stop();
    session.setState({ expiresAt: 20_000 });
    expect(intents.openOutcomes()).toBe(1);
  });
});
