import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../platform/errors';
import { supervisionProblem } from './supervision-problem';

describe('supervisionProblem', () => {
  it('explains a 403 as the role not allowing it, with the action and the reference', () => {
    const error = new PlatformError('forbidden', 'Missing permission', {
      status: 403,
      code: 'missing.any.permissions',
      correlationId: 'corr-1',
    });
    expect(supervisionProblem(error, 'monitor')).toEqual({
      action: { id: 'supervisor.action.failed.monitor' },
      reason: { id: 'error.forbidden' },
      reference: 'corr-1',
    });
  });

  it('explains the own-call 400 in its own words', () => {
    const error = new PlatformError('invalid', 'own', {
      status: 400,
      code: 'conversation.error.monitor.own.conversation',
    });
    expect(supervisionProblem(error, 'barge')).toMatchObject({
      action: { id: 'supervisor.action.failed.barge' },
      reason: { id: 'supervisor.action.own' },
    });
  });

  it('explains the no-station 400: no phone to call the supervisor on, and what to do', () => {
    const error = new PlatformError('invalid', 'no station', {
      status: 400,
      code: 'conversation.error.no.user.station',
      correlationId: 'corr-2',
    });
    expect(supervisionProblem(error, 'coach')).toEqual({
      action: { id: 'supervisor.action.failed.coach' },
      reason: { id: 'supervisor.action.noStation' },
      reference: 'corr-2',
    });
  });

  it('uses the shared reasons for the rest (an ended call, a rate limit)', () => {
    const ended = new PlatformError('invalid', 'x', {
      status: 400,
      code: 'conversation.error.call.disconnected',
    });
    expect(supervisionProblem(ended, 'coach').reason).toEqual({ id: 'error.callEnded' });
    const limited = new PlatformError('rateLimited', 'x', { status: 429, retryAfterMs: 3000 });
    expect(supervisionProblem(limited, 'coach').reason).toEqual({
      id: 'error.rateLimited',
      values: { seconds: 3 },
    });
  });
});
