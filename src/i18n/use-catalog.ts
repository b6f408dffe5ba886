import type { I18n, Messages } from '@lingui/core';
import { useLingui } from '@lingui/react';
import { use } from 'react';
import { loadFeatureMessages, type Locale } from './setup';

export type CatalogLoaders = Partial<Record<Locale, () => Promise<Messages>>> & {
  en: () => Promise<Messages>;
};

const loads = new WeakMap<I18n, Map<string, Promise<void>>>();
const ids = new WeakMap<CatalogLoaders, number>();
const counter = { next: 0 };

function idOf(loaders: CatalogLoaders): number {
  let id = ids.get(loaders);
  if (id === undefined) {
    id = counter.next += 1;
    ids.set(loaders, id);
  }
  return id;
}

/**
 * Suspends until a feature's catalogue (its own JSON per language, shipped in its lazy chunk) is
 * loaded for the active language. Pass a module-level constant:
 *
 * @example
 * const CATALOG = { en: () => import('./locales/en.json?lingui').then((m) => m.messages) };
 * function CallDataPanel() { useCatalog(CATALOG); const t = useT<CallDataMessageId>(); … }
 */
export function useCatalog(loaders: CatalogLoaders): void {
  const { i18n } = useLingui();
  use(catalogLoad(i18n, loaders));
}

/** One load per i18n instance, catalogue and language (a promise React can suspend on). */
function catalogLoad(i18n: I18n, loaders: CatalogLoaders): Promise<void> {
  let byKey = loads.get(i18n);
  if (!byKey) {
    byKey = new Map();
    loads.set(i18n, byKey);
  }
  const key = `${idOf(loaders)}:${i18n.locale}`;
  let load = byKey.get(key);
  if (!load) {
    load = loadFeatureMessages(i18n, loaders);
    byKey.set(key, load);
  }
  return load;
}
