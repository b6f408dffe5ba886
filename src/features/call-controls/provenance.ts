import { message, type CoreMessageId, type Message } from '../../i18n/message';
import type { FlagField, IntentView } from '../../calls/intents/intent-registry';

type Words = Record<
  'pendingOn' | 'pendingOff' | 'yoursOn' | 'yoursOff' | 'outsideOn' | 'outsideOff' | 'on' | 'off',
  CoreMessageId
>;

const WORDS: Record<FlagField, Words> = {
  muted: {
    pendingOn: 'mute.pendingOn',
    pendingOff: 'mute.pendingOff',
    yoursOn: 'mute.yoursOn',
    yoursOff: 'mute.yoursOff',
    outsideOn: 'mute.outsideOn',
    outsideOff: 'mute.outsideOff',
    on: 'mute.on',
    off: 'mute.off',
  },
  held: {
    pendingOn: 'hold.pendingOn',
    pendingOff: 'hold.pendingOff',
    yoursOn: 'hold.yoursOn',
    yoursOff: 'hold.yoursOff',
    outsideOn: 'hold.outsideOn',
    outsideOff: 'hold.outsideOff',
    on: 'hold.on',
    off: 'hold.off',
  },
};

/**
 * What the caption under a toggle says. The platform never says who changed mute or hold
 * (contract §2.4): "by you" only when a request of this panel explains the change; "outside
 * this panel", with the time the panel saw it, when none does; nothing about who when a request
 * of ours the server said it had not applied may have landed late. Never anybody's name.
 */
export function caption(field: FlagField, view: IntentView<boolean>): Message {
  const words = WORDS[field];
  if (view.pending) return message(view.shown ? words.pendingOn : words.pendingOff);
  const p = view.provenance;
  // Who made it is not known (a failed request of ours may have landed late): say no one.
  if (p && p.value === view.shown && !p.unsure) {
    if (p.ours) return message(view.shown ? words.yoursOn : words.yoursOff);
    return message(view.shown ? words.outsideOn : words.outsideOff, { time: new Date(p.at) });
  }
  return message(view.shown ? words.on : words.off);
}

/** The action a failure is about ("Couldn't mute"). */
export function actionMessage(field: FlagField, value: boolean): Message {
  if (field === 'muted') return message(value ? 'action.mute' : 'action.unmute');
  return message(value ? 'action.hold' : 'action.resume');
}
