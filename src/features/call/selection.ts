import { isCallEnded, isLegEnded, myParticipant } from '../../domain/call-selectors';
import type { Call } from '../../platform/types';

/**
 * Which call the agent panel shows. A call once shown stays shown (a new call ringing never
 * takes over the view, nor the focus); another is chosen only when the shown one is gone.
 * First choice: the oldest call the agent is connected to, else the oldest active one, else the
 * newest ended one.
 */
export function chooseCall(
  ids: readonly string[],
  current: string | undefined,
  get: (id: string) => Call | undefined,
  userId: string,
): string | undefined {
  if (current && ids.includes(current)) return current;
  const calls = ids.flatMap((id) => get(id) ?? []);
  const active = calls.filter((c) => !isCallEnded(c, userId));
  const connected = active.find((c) => myParticipant(c, userId)?.state === 'connected');
  return (connected ?? active[0] ?? calls.at(-1))?.id;
}

/** The state a switcher entry and the header badge show, in order of what matters most. */
export type CallStatus = 'ringing' | 'connected' | 'held' | 'muted' | 'ended' | 'other';

export function callStatus(call: Call, userId: string): CallStatus {
  const me = myParticipant(call, userId);
  if (!me || isLegEnded(me) || isCallEnded(call, userId)) return 'ended';
  if (me.state === 'alerting' || me.state === 'offering') return 'ringing';
  if (me.held) return 'held';
  if (me.muted) return 'muted';
  if (me.state === 'connected') return 'connected';
  return 'other';
}
