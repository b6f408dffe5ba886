import type { FlagField, IntentView } from '../../calls/use-intents';
import { explainError, type Problem } from '../../errors/explain-error';
import { message, type Message } from '../../i18n/message';
import { actionMessage } from './provenance';

/**
 * The failure a mute or hold toggle shows: the platform's refusal explained, or the wait for
 * confirmation that ran out. `action` names what failed ("Couldn't mute"), by default for the
 * agent's own leg.
 */
export function problemOf(
  field: FlagField,
  view: IntentView<boolean>,
  action: (field: FlagField, value: boolean) => Message = actionMessage,
): Problem | undefined {
  const outcome = view.outcome;
  if (!outcome) return undefined;
  const what = action(field, outcome.value);
  if (outcome.kind === 'failed') return explainError(outcome.error, what);
  return { action: what, reason: message('error.timedOut') };
}
