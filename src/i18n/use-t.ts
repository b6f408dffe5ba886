import { useLingui } from '@lingui/react';
import { useMemo } from 'react';
import { formatClock, formatDuration, formatNumber, formatShortClock } from './format';
import type { CoreMessageId, Message, MessageValues } from './message';

export interface Translate<Id extends string> {
  (id: Id, values?: MessageValues): string;
  /** Renders a message carried from non-React code. */
  message(message: Message<Id>): string;
  /** The tag dates and numbers are formatted for (`de-AT`, `es-419`, or the language). */
  locale: string;
  clock(ms: number): string;
  shortClock(ms: number): string;
  duration(ms: number): string;
  number(value: number): string;
}

/**
 * Text in the agent's language. Features with their own catalogue pass their id type:
 * `useT<CoreMessageId | CallDataMessageId>()`.
 */
export function useT<Id extends string = CoreMessageId>(): Translate<Id> {
  const { i18n, _ } = useLingui();
  // The agent's region when it is one of the active language's (createI18n sets it).
  const locale = [i18n.locales ?? []].flat()[0] ?? i18n.locale;
  return useMemo(
    () =>
      Object.assign((id: Id, values?: MessageValues) => _(id, values), {
        message: (m: Message<Id>) => _(m.id, m.values),
        locale,
        clock: (ms: number) => formatClock(ms, locale),
        shortClock: (ms: number) => formatShortClock(ms, locale),
        duration: (ms: number) => formatDuration(ms, locale),
        number: (value: number) => formatNumber(value, locale),
      }),
    [_, locale],
  );
}
