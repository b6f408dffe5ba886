import type { CatalogLoaders } from '../../i18n/use-catalog';
import { useT } from '../../i18n/use-t';
import type { CoreMessageId, Message } from '../../i18n/message';
import type en from './locales/en.json';

export type PlaybackMessageId = keyof typeof en;

/** The feature's own catalogue, shipped with its lazy chunk. */
export const CATALOG: CatalogLoaders = {
  en: () => import('./locales/en.json?lingui').then((m) => m.messages),
  de: () => import('./locales/de.json?lingui').then((m) => m.messages),
  es: () => import('./locales/es.json?lingui').then((m) => m.messages),
};

export const usePlaybackT = () => useT<CoreMessageId | PlaybackMessageId>();

/**
 * A message for the widget's live region. The region renders ids of any loaded catalogue; its
 * type only knows the core ids, so a feature message is handed over as one.
 */
export const announcement = (id: PlaybackMessageId, values?: Message['values']): Message =>
  ({ id, values }) as unknown as Message;
