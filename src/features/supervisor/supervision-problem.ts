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
/** The platform's answer when the supervisor has no phone (station) to be called on (§2.7). */
const NO_STATION = 'conversation.error.no.user.station';

/**
 * Why a monitor, coach or barge request failed, for `ProblemText`: "Couldn’t start monitoring:
 * your Genesys Cloud role doesn’t allow it…" (403), "…: you are already on this call." (400),
 * "…: Genesys Cloud has no phone to call you on…" (400, no station).
 */
export function supervisionProblem(error: unknown, mode: SupervisionMode): Problem {
  const platformError = toPlatformError(error);
  const problem = explainError(platformError, asCoreMessage(message(FAILED[mode])));
  if (platformError.code === OWN_CALL)
    return { ...problem, reason: asCoreMessage(message('supervisor.action.own')) };
  if (platformError.code === NO_STATION)
    return { ...problem, reason: asCoreMessage(message('supervisor.action.noStation')) };
  return problem;
}
