import type { I18n, Messages } from '@lingui/core';
import { pickLocale, type Locale } from './pick-locale';
import { onLanguageSwitch } from './setup';

export type Loader = () => Promise<Messages>;

/** A feature's catalogue per language (dynamic imports, so each is its own small chunk). */
export type CatalogLoaders = Partial<Record<Locale, Loader>> & { en: Loader };

/**
 * A load React's `use` can read without suspending once it has settled: its `status` and
 * `value` are set when it settles (the convention `use` follows for thenables it is given).
 */
export type CatalogLoad = Promise<void> & {
  status?: 'pending' | 'fulfilled' | 'rejected';
  value?: void;
  reason?: unknown;
};

/** Per instance: each feature catalogue's load per language. */
const states = new WeakMap<I18n, Map<CatalogLoaders, Map<Locale, CatalogLoad>>>();

function tracked(promise: Promise<void>): CatalogLoad {
  const load: CatalogLoad = promise;
  load.status = 'pending';
  load.then(
    () => {
      load.status = 'fulfilled';
    },
    (reason: unknown) => {
      load.status = 'rejected';
      load.reason = reason;
    },
  );
  return load;
}

/**
 * Loads a feature's catalogue for a language into the instance, with English beneath it so a
 * key the translation lacked would still read (the catalogue tests keep them complete).
 */
async function loadFeatureMessages(
  i18n: I18n,
  loaders: CatalogLoaders,
  locale: Locale = pickLocale(i18n.locale),
): Promise<void> {
  const english = await loaders.en();
  const local = locale === 'en' ? undefined : await loaders[locale]?.();
  i18n.load('en', english);
  if (locale !== 'en') i18n.load(locale, { ...english, ...local });
}

/**
 * One load per instance, catalogue and language (the promise `useCatalog` suspends on); the
 * catalogue is remembered so a later language switch loads it before it activates. A failed
 * load is forgotten, so the next render tries again.
 */
export function catalogLoad(
  i18n: I18n,
  loaders: CatalogLoaders,
  locale: Locale = pickLocale(i18n.locale),
): CatalogLoad {
  let state = states.get(i18n);
  if (!state) {
    state = new Map();
    states.set(i18n, state);
  }
  const byLocale = state.get(loaders) ?? new Map<Locale, CatalogLoad>();
  if (!state.has(loaders)) {
    state.set(loaders, byLocale);
    // A later language switch loads this catalogue before it activates.
    onLanguageSwitch(i18n, (next) => catalogLoad(i18n, loaders, next));
  }
  const known = byLocale.get(locale);
  if (known) return known;
  const load = tracked(loadFeatureMessages(i18n, loaders, locale));
  byLocale.set(locale, load);
  load.catch(() => {
    if (byLocale.get(locale) === load) byLocale.delete(locale);
  });
  return load;
}
