import { isCallEnded, isLegEnded, isLegInAcw, myParticipant } from '../../domain/call-selectors';
import { isDialling } from '../../domain/call-shape';
import type { Call } from '../../platform/types';

/**
 * Which call the agent panel shows. A call once shown stays shown (a new call ringing never
 * takes over the view, nor the focus); another is chosen only when the shown one is gone, or
 * when it has ended and the agent is talking on exactly one other call (`liveSuccessor`): the view
 * follows the live call, unless `holds` says the ended call still has the agent's unsaved work.
 * First choice after the shown call is gone: the oldest call the agent is connected to, else the
 * oldest active one, else the newest ended one.
 */
export function chooseCall(
  ids: readonly string[],
  current: string | undefined,
  get: (id: string) => Call | undefined,
  userId: string,
  holds: (id: string) => boolean = () => false,
): string | undefined {
  if (current && ids.includes(current)) {
    const next = liveSuccessor(ids, current, get, userId);
    return next !== undefined && !holds(current) ? next : current;
  }
  const calls = ids.flatMap((id) => get(id) ?? []);
  const active = calls.filter((c) => !isCallEnded(c, userId));
  const connected = active.find((c) => isLive(c, userId));
  return (connected ?? active[0] ?? calls.at(-1))?.id;
}

/**
 * The call the view should follow when `current` has ended: the one other call on which the
 * agent's own leg is connected. `undefined` while `current` is live or unknown, when no other
 * call is connected, or when several are (then the agent chooses). A ringing call never counts.
 */
export function liveSuccessor(
  ids: readonly string[],
  current: string | undefined,
  get: (id: string) => Call | undefined,
  userId: string,
): string | undefined {
  const shown = current === undefined ? undefined : get(current);
  if (!shown || !isCallEnded(shown, userId)) return undefined;
  const live = ids.filter((id) => {
    const call = id === current ? undefined : get(id);
    return call !== undefined && isLive(call, userId);
  });
  return live.length === 1 ? live[0] : undefined;
}

/** The agent is talking on this call: their own leg is up and connected. */
export function isLive(call: Call, userId: string): boolean {
  return !isCallEnded(call, userId) && myParticipant(call, userId)?.state === 'connected';
}

/** The state a switcher entry and the header badge show, in order of what matters most. */
export type CallStatus =
  | 'ringing'
  | 'calling'
  | 'connected'
  | 'held'
  | 'muted'
  | 'wrapup'
  | 'transferred'
  | 'ended'
  | 'other';

/**
 * An ended call whose wrap-up the agent still owes reads `wrapup`, then `ended` once done (or
 * `transferred` when the platform ended the agent's leg as a transfer). A call the agent placed
 * reads `calling` while the dialled party's phone rings.
 */
export function callStatus(call: Call, userId: string): CallStatus {
  const me = myParticipant(call, userId);
  if (me && isLegInAcw(me)) return 'wrapup';
  if (me && isLegEnded(me) && me.disconnectType?.startsWith('transfer')) return 'transferred';
  if (!me || isLegEnded(me) || isCallEnded(call, userId)) return 'ended';
  if (me.state === 'alerting' || me.state === 'offering') return 'ringing';
  if (me.held) return 'held';
  if (me.muted) return 'muted';
  if (me.state === 'connected' && isDialling(call, userId)) return 'calling';
  if (me.state === 'connected') return 'connected';
  return 'other';
}
