import { message, type Message, type Problem } from '../i18n/message';
import type { PlatformError } from '../platform/errors';

export type { Problem };

const BY_CODE: Record<string, Message['id']> = {
  'conversation.error.call.disconnected': 'error.callEnded',
  'conversation.error.hold.alerting': 'error.holdAlerting',
  'conversation.error.forbidden.not.active.participant': 'error.notActive',
};

/** The reason for a platform failure, by its code first, then by its kind. */
export function reasonFor(error: PlatformError): Message {
  const byCode = error.code ? BY_CODE[error.code] : undefined;
  if (byCode) return message(byCode);
  switch (error.kind) {
    case 'forbidden':
      return message('error.forbidden');
    case 'notFound':
      return message('error.notFound');
    case 'rateLimited':
      return message('error.rateLimited', {
        seconds: Math.max(1, Math.ceil((error.retryAfterMs ?? 1000) / 1000)),
      });
    case 'unauthorized':
      return message('error.unauthorized');
    case 'conflict':
      return message('error.conflict');
    case 'server':
      return message('error.server', { status: error.status ?? '5xx' });
    case 'network':
      return message('error.network');
    default:
      return message('error.invalid', { detail: error.message });
  }
}

export function explainError(error: PlatformError, action?: Message): Problem {
  return { action, reason: reasonFor(error), reference: error.correlationId };
}

/** Sign-in problems, without SDK jargon ("Authentication Popup Timeout" and the like). */
export function explainSignInProblem(error: PlatformError): Message {
  switch (error.code) {
    case 'popup.blocked':
      return message('signIn.popupBlocked');
    case 'popup.closed':
      return message('signIn.popupClosed');
    case 'state.mismatch':
      return message('signIn.stateMismatch');
    case 'storage.unavailable':
      return message('signIn.storageUnavailable');
    default:
      break;
  }
  if (error.kind === 'network') return message('signIn.network');
  if (error.code) return message('signIn.refused', { code: error.code });
  return message('signIn.failed');
}
