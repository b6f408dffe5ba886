import { setupI18n, type I18n, type Messages } from '@lingui/core';
import { messages as english } from './locales/en/core.json?lingui';
import { formatLocale, pickLocale, type Locale } from './pick-locale';

export { LOCALES, pickLocale, type Locale } from './pick-locale';

/** The core catalogues: English in the entry, every other language its own lazy chunk. */
const CORE: Record<Locale, () => Promise<Messages>> = {
  en: () => Promise.resolve(english),
  de: () => import('./locales/de/core.json?lingui').then((m) => m.messages),
  es: () => import('./locales/es/core.json?lingui').then((m) => m.messages),
};

type SwitchLoad = (locale: Locale) => Promise<unknown>;

/** Per instance, what must be loaded before a language activates (feature catalogues in use). */
const beforeSwitch = new WeakMap<I18n, Set<SwitchLoad>>();

/**
 * Registers a load to run before every later language switch of this instance, so what is on
 * screen switches in one step (`useCatalog` registers each feature catalogue it loads).
 */
export function onLanguageSwitch(i18n: I18n, load: SwitchLoad): void {
  const loads = beforeSwitch.get(i18n) ?? new Set();
  beforeSwitch.set(i18n, loads.add(load));
}

/** Failures are left to the panel's own render (it suspends, retries, or its boundary shows). */
const preload = (i18n: I18n, locale: Locale) =>
  Promise.allSettled([...(beforeSwitch.get(i18n) ?? [])].map((load) => load(locale)));

/**
 * One i18n instance per mounted widget, English loaded at once; another language loads its
 * catalogue (a small chunk) and the feature catalogues already in use, then switches. Dates
 * and numbers follow the tag's region when it is one of the chosen language (`de-AT`).
 *
 * @example
 * const i18n = createI18n('de-DE'); // English now, German a moment later
 */
export function createI18n(tag?: string): I18n {
  const i18n = setupI18n();
  const locale = pickLocale(tag);
  // A copy: feature catalogues merge into the instance's English, never into the module's.
  i18n.loadAndActivate({
    locale: 'en',
    locales: formatLocale('en', tag),
    messages: { ...english },
  });
  if (locale !== 'en')
    void switchTo(i18n, locale, formatLocale(locale, tag)).catch((error: unknown) =>
      console.warn(`No ${locale} catalogue; staying in English.`, error),
    );
  return i18n;
}

/**
 * Activates a language once its core catalogue and every feature catalogue in use are loaded
 * (English beneath each, so nothing reads as a bare id).
 */
export async function switchTo(i18n: I18n, locale: Locale, locales: string): Promise<void> {
  const [messages] = await Promise.all([CORE[locale](), preload(i18n, locale)]);
  // Panels that mounted while the core catalogue was on its way (loaded ones are cached).
  await preload(i18n, locale);
  i18n.load(locale, { ...english, ...messages });
  i18n.activate(locale, locales);
}
