import { describe, expect, it } from 'vitest';
import core from '../i18n/locales/en/core.json';
import { PlatformError } from '../platform/errors';
import { explainError, explainSignInProblem, reasonFor } from './explain-error';

describe('explainError', () => {
  it.each([
    ['forbidden', undefined, 'error.forbidden'],
    ['notFound', undefined, 'error.notFound'],
    ['rateLimited', undefined, 'error.rateLimited'],
    ['server', undefined, 'error.server'],
    ['network', undefined, 'error.network'],
    ['unauthorized', undefined, 'error.unauthorized'],
    ['invalid', 'conversation.error.hold.alerting', 'error.holdAlerting'],
    ['forbidden', 'conversation.error.forbidden.not.active.participant', 'error.notActive'],
    ['invalid', 'conversation.error.call.disconnected', 'error.callEnded'],
  ] as const)('%s %s → %s', (kind, code, id) => {
    const error = new PlatformError(kind, 'm', { code, status: 503, correlationId: 'abc' });
    const problem = explainError(error, { id: 'action.mute' });
    expect(problem.reason.id).toBe(id);
    expect(problem.reference).toBe('abc');
    expect(problem.action?.id).toBe('action.mute');
    expect(Object.keys(core)).toContain(id);
  });

  it('gives the wait in whole seconds for a 429', () => {
    const error = new PlatformError('rateLimited', 'm', { retryAfterMs: 9100 });
    expect(reasonFor(error)).toEqual({ id: 'error.rateLimited', values: { seconds: 10 } });
  });

  it('turns SDK sign-in errors into plain messages, never the SDK’s words', () => {
    expect(
      explainSignInProblem(
        new PlatformError('unauthorized', 'Authentication Popup Timeout', { code: 'popup.closed' }),
      ).id,
    ).toBe('signIn.popupClosed');
    expect(
      explainSignInProblem(new PlatformError('unauthorized', 'x', { code: 'popup.blocked' })).id,
    ).toBe('signIn.popupBlocked');
    expect(explainSignInProblem(new PlatformError('network', 'x')).id).toBe('signIn.network');
    expect(
      explainSignInProblem(new PlatformError('unauthorized', 'Authentication Popup Timeout')).id,
    ).toBe('signIn.failed');
  });
});
