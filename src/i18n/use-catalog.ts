import type { I18n, Messages } from '@lingui/core';
import { useLingui } from '@lingui/react';
import { use } from 'react';
import { loadFeatureMessages, type Locale } from './setup';

export type CatalogLoaders = Partial<Record<Locale, () => Promise<Messages>>> & {
  en: () => Promise<Messages>;
};

const loads = new WeakMap<I18n, Map<string, Promise<void>>>();
const ids = new WeakMap<CatalogLoaders, number>();
let nextId = 0;

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
  let byKey = loads.get(i18n);
  if (!byKey) {
    byKey = new Map();
    loads.set(i18n, byKey);
  }
  let id = ids.get(loaders);
  if (id === undefined) {
    id = nextId += 1;
    ids.set(loaders, id);
  }
  const key = `${id}:${i18n.locale}`;
  let load = byKey.get(key);
  if (!load) {
    load = loadFeatureMessages(i18n, loaders);
    byKey.set(key, load);
  }
  use(load);
}
