import type { PlatformError } from '../platform/errors';

/**
 * A platform failure in words an agent understands: what happened and what to do. The
 * correlation id is added so support can find the request.
 */
export function explainError(error: PlatformError, action: string): string {
  const reference = error.correlationId ? ` (Reference ${error.correlationId}.)` : '';
  return `${describe(error, action)}${reference}`;
}

function describe(error: PlatformError, action: string): string {
  switch (error.code) {
    case 'conversation.error.call.disconnected':
      return `Couldn’t ${action}: the call has already ended.`;
    case 'conversation.error.hold.alerting':
      return `Couldn’t ${action}: a ringing call can’t be put on hold. Answer it first.`;
    case 'conversation.error.forbidden.not.active.participant':
      return `Couldn’t ${action}: you are no longer on this call.`;
    default:
      break;
  }
  switch (error.kind) {
    case 'forbidden':
      return `Couldn’t ${action}: your Genesys Cloud role doesn’t allow it. Ask your administrator for call-control permissions.`;
    case 'notFound':
      return `Couldn’t ${action}: Genesys Cloud no longer has this call. The panel has been refreshed.`;
    case 'rateLimited':
      return `Couldn’t ${action}: Genesys Cloud is limiting requests right now. Wait a few seconds and try again.`;
    case 'unauthorized':
      return `Couldn’t ${action}: your sign-in expired. Signing you in again; then try once more.`;
    case 'conflict':
      return `Couldn’t ${action}: the call changed at the same moment. The panel shows its current state; try again.`;
    case 'server':
      return `Couldn’t ${action}: Genesys Cloud had a problem (error ${error.status ?? '5xx'}). Try again, or use the Genesys Cloud call controls.`;
    case 'network':
      return `Couldn’t ${action}: Genesys Cloud can’t be reached. Check your connection; the panel catches up when it’s back.`;
    default:
      return `Couldn’t ${action}: Genesys Cloud refused the change (${error.message}).`;
  }
}

export const NOT_CONFIRMED = (action: string) =>
  `Genesys Cloud didn’t confirm the change to ${action} in time, so the panel shows the call’s real state. Try again if it still matters.`;
