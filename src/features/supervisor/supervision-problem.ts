import { message, type Problem } from '../../i18n/message';
import { explainError } from '../../errors/explain-error';
import { toPlatformError } from '../../platform/errors';
import type { SupervisionMode } from '../../platform/supervision';
import { asCoreMessage, type SupervisorMessageId } from './text';

const FAILED: Record<SupervisionMode, SupervisorMessageId> = {
  monitor: 'supervisor.action.failed.monitor',
  coach: 'supervisor.action.failed.coach',
  barge: 'supervisor.action.failed.barge',
};

/** The platform's answer when the supervisor is already on the call (contract §2.7). */
const OWN_CALL = 'conversation.error.monitor.own.conversation';

/**
 * Why a monitor, coach or barge request failed, for `ProblemText`: "Couldn’t start monitoring:
 * your Genesys Cloud role doesn’t allow it…" (403), "…: you are already on this call." (400).
 */
export function supervisionProblem(error: unknown, mode: SupervisionMode): Problem {
  const platformError = toPlatformError(error);
  const problem = explainError(platformError, asCoreMessage(message(FAILED[mode])));
  if (platformError.code === OWN_CALL)
    return { ...problem, reason: asCoreMessage(message('supervisor.action.own')) };
  return problem;
}
