/** Languages with a full catalogue. English is the source and the fallback. */
export const LOCALES = ['en', 'de', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

const language = (tag: string) => tag.toLowerCase().split('-')[0];

/**
 * The best supported language for a BCP 47 tag (`gcLangTag`, the browser's): an exact match,
 * else the same language, else English.
 *
 * @example
 * pickLocale('de-AT'); // 'de'
 * pickLocale('es-419'); // 'es'
 * pickLocale('fr-FR'); // 'en'
 */
export function pickLocale(...tags: (string | undefined)[]): Locale {
  for (const tag of tags) {
    if (!tag) continue;
    const lower = tag.toLowerCase();
    const exact = LOCALES.find((l) => l.toLowerCase() === lower);
    if (exact) return exact;
    const same = LOCALES.find((l) => language(l) === language(tag));
    if (same) return same;
  }
  return 'en';
}

/**
 * The tag dates and numbers are formatted for: the agent's own tag when it is a region of the
 * chosen language (`de-AT`, `es-419`, `en-GB`), else the language itself (a French agent reads
 * English text with English numbers, not a mix).
 *
 * @example
 * formatLocale('es', 'es-419'); // 'es-419' (1,234.5 and 2:05 p.m.)
 * formatLocale('en', 'fr-FR'); // 'en'
 */
export function formatLocale(locale: Locale, tag: string | undefined): string {
  if (!tag || language(tag) !== locale) return locale;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? locale;
  } catch {
    return locale;
  }
}
