import { useEffect, useEffectEvent, type RefObject } from 'react';
import { useCallActions } from '../../calls/use-intents';
import { useCallReader } from '../../calls/use-call-reader';
import {
  customerOf,
  isCallEnded,
  myParticipant,
  readableNumber,
} from '../../domain/call-selectors';
import { message } from '../../i18n/message';
import type { Call } from '../../platform/types';
import { useServices } from '../../services/widget-services';

export const MUTE_SHORTCUT = 'Alt+M';

/**
 * Alt+M anywhere in the widget's document (focus may be on the body after a call ended) mutes or
 * unmutes the agent's own leg of the call in view, read when the key is pressed, and says which
 * call it acted on. With no live call in view (the call ended, the agent has no leg on it, or the
 * leg is not connected) it says so and sends nothing. `anchor` is any element the widget renders:
 * its document is the one listened to.
 */
export function useMuteShortcut(
  conversationId: string,
  userId: string,
  anchor: RefObject<HTMLElement | null>,
): void {
  const { ui } = useServices();
  const reader = useCallReader();
  const { requestFlag } = useCallActions();
  const press = useEffectEvent(() => {
    const call = reader.call(conversationId);
    const me = call ? myParticipant(call, userId) : undefined;
    if (!call || !me || isCallEnded(call, userId) || me.state !== 'connected') {
      ui.getState().announce(message('announce.noLiveCallToMute'));
      return;
    }
    const mute = reader.flag(call.id, me.id, 'muted').shown !== true;
    requestFlag(call.id, me.id, 'muted', mute);
    const caller = callerOf(call);
    const id = mute
      ? caller
        ? 'announce.muting'
        : 'announce.mutingUnknown'
      : caller
        ? 'announce.unmuting'
        : 'announce.unmutingUnknown';
    ui.getState().announce(message(id, caller ? { caller } : undefined));
  });
  useEffect(() => {
    const doc = anchor.current?.ownerDocument;
    if (!doc) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyM') {
        event.preventDefault();
        press();
      }
    };
    doc.addEventListener('keydown', onKey);
    return () => doc.removeEventListener('keydown', onKey);
  }, [anchor]);
}

/** The caller as the call's header names them: their display name, else their readable number. */
function callerOf(call: Call): string | undefined {
  const customer = customerOf(call);
  return customer?.name || readableNumber(customer?.ani) || undefined;
}
