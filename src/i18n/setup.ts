import { setupI18n, type I18n, type Messages } from '@lingui/core';
import { messages as english } from './locales/en/core.json?lingui';

/** Languages with a full catalogue. English is the source and the fallback. */
export const LOCALES = ['en'] as const;
export type Locale = (typeof LOCALES)[number];

type Loader = () => Promise<Messages>;

const CORE: Record<Locale, Loader> = {
  en: () => Promise.resolve(english),
};

/**
 * The best supported language for a BCP 47 tag (`gcLangTag`, the browser's): an exact match,
 * else the same language, else English.
 */
export function pickLocale(...tags: (string | undefined)[]): Locale {
  for (const tag of tags) {
    if (!tag) continue;
    const lower = tag.toLowerCase();
    const exact = LOCALES.find((l) => l.toLowerCase() === lower);
    if (exact) return exact;
    const language = lower.split('-')[0];
    const same = LOCALES.find((l) => l.split('-')[0] === language);
    if (same) return same;
  }
  return 'en';
}

/**
 * One i18n instance per mounted widget, English loaded at once; another language loads its
 * catalogue (a small chunk) and switches when it arrives.
 *
 * @example
 * const i18n = createI18n('de-DE'); // English now, German a moment later
 */
export function createI18n(tag?: string): I18n {
  const i18n = setupI18n();
  i18n.loadAndActivate({ locale: 'en', messages: english });
  const locale = pickLocale(tag);
  if (locale !== 'en') void activate(i18n, locale);
  return i18n;
}

async function activate(i18n: I18n, locale: Locale): Promise<void> {
  const messages = await CORE[locale]();
  i18n.loadAndActivate({ locale, messages });
}

/**
 * Loads a feature's catalogue (from its lazy chunk) for the active language, with English
 * beneath it so a key the translation lacks still reads.
 */
export async function loadFeatureMessages(
  i18n: I18n,
  loaders: Partial<Record<Locale, Loader>> & { en: Loader },
): Promise<void> {
  const locale = pickLocale(i18n.locale);
  i18n.load('en', await loaders.en());
  const local = loaders[locale];
  if (locale !== 'en' && local) i18n.load(locale, await local());
}
