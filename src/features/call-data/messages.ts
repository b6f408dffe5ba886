import { message, type Message, type Problem } from '../../i18n/message';
import type en from './locales/en.json';
import { LIMITS } from './limits';
import type { KeyProblem, TotalProblem, ValueProblem } from './validation';
import { displayString } from '../../components/ui/display-text';

/** Ids of the call-data catalogue (the English file is the source of truth). */
export type CallDataMessageId = keyof typeof en;

export const CATALOG = {
  en: () => import('./locales/en.json?lingui').then((m) => m.messages),
  de: () => import('./locales/de.json?lingui').then((m) => m.messages),
  es: () => import('./locales/es.json?lingui').then((m) => m.messages),
};

/**
 * A call-data message where the shared UI takes a core one (the live region, ProblemText). They
 * render through the same i18n instance, which holds this catalogue while the panel is mounted.
 */
export const shared = (id: CallDataMessageId, values?: Message['values']): Message =>
  message(id, values) as unknown as Message;

export const toShared = (m: Message<CallDataMessageId>): Message => shared(m.id, m.values);

/** A failure whose action is a call-data message ("Couldn't save tier: …"). */
export const withAction = (
  problem: Problem,
  id: CallDataMessageId,
  values?: Message['values'],
): Problem => ({ ...problem, action: shared(id, values) });

/**
 * Key names in a sentence: "tier, note" (the list is the caller's data, shown as text: each key
 * with its invisible characters made visible and cut at 80 characters).
 */
export const keyList = (keys: readonly string[]): string =>
  keys.map((key) => displayString(key, { max: 80 })).join(', ');

export function keyProblemMessage(problem: KeyProblem): Message<CallDataMessageId> {
  switch (problem.kind) {
    case 'tooLong':
      return message('callData.keyProblem.tooLong', {
        max: LIMITS.keyLength,
        length: problem.length,
      });
    default:
      return message(`callData.keyProblem.${problem.kind}`);
  }
}

export function valueProblemMessage(problem: ValueProblem): Message<CallDataMessageId> {
  if (problem.kind === 'tooLong')
    return message('callData.valueProblem.tooLong', {
      max: LIMITS.valueLength,
      length: problem.length,
    });
  return message('callData.valueProblem.type', { type: problem.type });
}

export function totalProblemMessage(problem: TotalProblem): Message<CallDataMessageId> {
  if (problem.kind === 'tooManyKeys')
    return message('callData.totalProblem.tooManyKeys', {
      max: LIMITS.keysPerParticipant,
      count: problem.count,
    });
  return message('callData.totalProblem.tooLarge', {
    max: LIMITS.totalBytes,
    bytes: problem.bytes,
  });
}
