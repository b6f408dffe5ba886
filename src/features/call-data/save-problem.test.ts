import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../platform/errors';
import type { SaveSummary } from './save-summary';
import { failureProblem } from './use-saves';

const refused = (error: PlatformError): SaveSummary => ({
  done: true,
  saved: [],
  failed: [
    {
      key: 'tier',
      state: 'failed',
      outcome: { kind: 'failed', field: 'tier', value: 'Gold', error },
    },
  ],
  replaced: [],
});

describe('failureProblem', () => {
  const expired = new PlatformError('unauthorized', 'expired', {
    status: 401,
    correlationId: 'c-1',
  });

  it('asks the agent to sign in again while the refused sign-in is the one in use', () => {
    expect(failureProblem(refused(expired))).toMatchObject({
      reason: { id: 'error.unauthorized' },
      reference: 'c-1',
    });
  });

  it('stops asking once the agent has signed in again: the save is still not made', () => {
    expect(failureProblem(refused(expired), true)).toMatchObject({
      action: { id: 'callData.save.action', values: { keys: 'tier' } },
      reason: { id: 'callData.save.signedInAgain' },
      reference: 'c-1',
    });
  });

  it('keeps any other reason as it was', () => {
    const forbidden = new PlatformError('forbidden', 'no', { status: 403 });
    expect(failureProblem(refused(forbidden), true)).toMatchObject({
      reason: { id: 'error.forbidden' },
    });
  });
});
