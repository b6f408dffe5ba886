import type { CatalogLoaders } from '../../i18n/use-catalog';
import { useT } from '../../i18n/use-t';
import type { CoreMessageId } from '../../i18n/message';
import type en from './locales/en.json';

export type AuditMessageId = keyof typeof en;

/** The feature's own catalogue, shipped with its lazy chunk. */
export const CATALOG: CatalogLoaders = {
  en: () => import('./locales/en.json?lingui').then((m) => m.messages),
  de: () => import('./locales/de.json?lingui').then((m) => m.messages),
  es: () => import('./locales/es.json?lingui').then((m) => m.messages),
};

export const useAuditT = () => useT<CoreMessageId | AuditMessageId>();
