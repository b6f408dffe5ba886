import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../realtime/connection-store';
import { staleReasonOf, staleSinceOf } from './stale-since';

const NOT_LIVE: ConnectionStatus[] = [
  'idle',
  'connecting',
  'reconnecting',
  'signInNeeded',
  'stopped',
];

describe('staleSinceOf', () => {
  it('leaves a live link with a working sign-in unmarked', () => {
    expect(staleSinceOf({ status: 'live' }, { expired: false, expiresAt: 9000 }, 5000)).toBe(
      undefined,
    );
  });

  it.each(NOT_LIVE)(
    'marks the call while the link is %s, as of when it stopped being live',
    (status) => {
      expect(
        staleSinceOf({ status, staleSince: 1000 }, { expired: false, expiresAt: 9000 }, 5000),
      ).toBe(1000);
    },
  );

  it.each(NOT_LIVE)('marks the call while %s even when no time is known', (status) => {
    // Never the token's (future) expiry: only the fallback is left.
    expect(staleSinceOf({ status }, { expired: false, expiresAt: 9000 }, 5000)).toBe(5000);
  });

  it('marks a live link whose sign-in expired, as of the expiry', () => {
    expect(staleSinceOf({ status: 'live' }, { expired: true, expiresAt: 3000 }, 5000)).toBe(3000);
  });

  it('prefers when the link went down over the expiry', () => {
    expect(
      staleSinceOf(
        { status: 'signInNeeded', staleSince: 2000 },
        { expired: true, expiresAt: 3000 },
        5000,
      ),
    ).toBe(2000);
  });
});

describe('staleReasonOf', () => {
  it('names what comes next for each state', () => {
    expect(staleReasonOf('live', { expired: true })).toBe('signIn');
    expect(staleReasonOf('signInNeeded', { expired: false })).toBe('signIn');
    expect(staleReasonOf('reconnecting', { expired: false })).toBe('reconnecting');
    expect(staleReasonOf('connecting', { expired: false })).toBe('connecting');
    expect(staleReasonOf('idle', { expired: false })).toBe('connecting');
    expect(staleReasonOf('stopped', { expired: false })).toBe('offline');
  });
});
