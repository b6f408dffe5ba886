import type { Message } from '../../../i18n/message';
import type { Translate } from '../../../i18n/use-t';
import type { PlatformError } from '../../../platform/errors';
import type { PlaybackMessageId } from '../text';

type T = Translate<PlaybackMessageId | Message['id']>;

/**
 * Why the platform refused a secure session, in the playback's words where the generic reason
 * would mislead (a 409 is a playback already running, not "the call changed").
 */
export function refusalReason(t: T, generic: Message, error: PlatformError): string {
  if (error.status === 409) return t('playback.error.conflict');
  if (error.code === 'invalid.value') return t('playback.error.flow', { detail: error.message });
  return t.message(generic);
}
