/** Dates, times, durations and numbers for the agent's language, all through `Intl`. */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

/** "10:42:07" (or the locale's equivalent). */
export function formatClock(ms: number, locale: string): string {
  return cached(
    `clock:${locale}`,
    () => new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }),
  ).format(ms);
}

/** "10:42" (or the locale's equivalent). */
export function formatShortClock(ms: number, locale: string): string {
  return cached(
    `short:${locale}`,
    () => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }),
  ).format(ms);
}

export function formatNumber(value: number, locale: string): string {
  return cached(`number:${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** A running timer: 65 000 ms → "1:05"; an hour or more → "1:01:05"; digits of the locale. */
export function formatDuration(ms: number, locale: string): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const plain = cached(
    `int:${locale}`,
    () => new Intl.NumberFormat(locale, { useGrouping: false }),
  );
  const two = cached(
    `two:${locale}`,
    () => new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false }),
  );
  return h > 0
    ? `${plain.format(h)}:${two.format(m)}:${two.format(s)}`
    : `${plain.format(m)}:${two.format(s)}`;
}
