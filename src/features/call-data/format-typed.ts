import type { TypedValue } from './typed-values';

const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let format = formats.get(key) as T | undefined;
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/** Every digit the value has (no rounding to three decimals), grouped the locale's way. */
const numberFormat = (locale: string) =>
  cached(`number:${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }));

/** A calendar date is the same day everywhere: formatted in UTC, where it was built. */
const dateFormat = (locale: string) =>
  cached(
    `date:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
  );

const dateTimeFormat = (locale: string) =>
  cached(
    `datetime:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  );

/**
 * The text a typed value shows in the agent's language, through Intl; undefined for a checkbox
 * (the component shows a word from the catalogue) and for an invalid value (shown as is).
 *
 * @example
 * formatTyped({ kind: 'number', value: 1090.56, integer: false }, 'de-DE') // "1.090,56"
 */
export function formatTyped(value: TypedValue, locale: string): string | undefined {
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'number':
      return numberFormat(locale).format(value.value);
    case 'date': {
      const at = new Date(0);
      at.setUTCFullYear(value.year, value.month - 1, value.day);
      return dateFormat(locale).format(at);
    }
    case 'datetime':
      return dateTimeFormat(locale).format(value.ms);
    default:
      return undefined;
  }
}
