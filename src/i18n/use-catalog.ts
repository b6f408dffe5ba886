import { useLingui } from '@lingui/react';
import { use } from 'react';
import { catalogLoad, type CatalogLoaders } from './catalogs';

export type { CatalogLoaders } from './catalogs';

/**
 * Suspends until a feature's catalogue (its own JSON per language, shipped in its lazy chunk) is
 * loaded for the active language, and again when the language changes after the panel mounted
 * (the widget starts in English and switches to the agent's language a moment later; a switch
 * loads the catalogues in use first, so a mounted panel normally switches without suspending).
 * Pass a module-level constant:
 *
 * @example
 * const CATALOG = {
 *   en: () => import('./locales/en.json?lingui').then((m) => m.messages),
 *   de: () => import('./locales/de.json?lingui').then((m) => m.messages),
 * };
 * function CallDataPanel() { useCatalog(CATALOG); const t = useT<CallDataMessageId>(); … }
 */
export function useCatalog(loaders: CatalogLoaders): void {
  const { i18n } = useLingui();
  const load: Promise<void> = catalogLoad(i18n, loaders);
  use(load);
}
