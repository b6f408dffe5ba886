import type { CoreMessageId } from '../../i18n/message';
import { useT, type Translate } from '../../i18n/use-t';
import type en from './locales/en.json';

/** Ids of the setup check's own messages (its English catalogue is the source). */
export type SetupMessageId = keyof typeof en;
export type SetupT = Translate<CoreMessageId | SetupMessageId>;

/** The setup check's catalogue, loaded with its chunk (`useCatalog(CATALOG)` in the view). */
export const CATALOG = {
  en: () => import('./locales/en.json?lingui').then((m) => m.messages),
  de: () => import('./locales/de.json?lingui').then((m) => m.messages),
  es: () => import('./locales/es.json?lingui').then((m) => m.messages),
};

export const useSetupT = (): SetupT => useT<CoreMessageId | SetupMessageId>();
