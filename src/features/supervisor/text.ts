import type { CoreMessageId, Message } from '../../i18n/message';
import { useT, type Translate } from '../../i18n/use-t';
import type en from './locales/en.json';

/** Ids of the supervisor view's own messages (its English catalogue is the source). */
export type SupervisorMessageId = keyof typeof en;
export type SupervisorT = Translate<CoreMessageId | SupervisorMessageId>;

/** The view's catalogue, loaded with its chunk (`useCatalog(CATALOG)` in the root). */
export const CATALOG = {
  en: () => import('./locales/en.json?lingui').then((m) => m.messages),
  de: () => import('./locales/de.json?lingui').then((m) => m.messages),
  es: () => import('./locales/es.json?lingui').then((m) => m.messages),
};

export const useSupervisorT = (): SupervisorT => useT<CoreMessageId | SupervisorMessageId>();

/**
 * A feature message where a core `Message` is expected (a `Problem`'s action): both catalogues
 * are loaded into the same i18n instance, so `ProblemText` renders either.
 */
export const asCoreMessage = (m: Message<SupervisorMessageId>): Message => m as unknown as Message;
