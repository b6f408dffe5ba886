import type { Call, Participant } from '../platform/types';

/**
 * Pure questions about a call snapshot. React-free and SDK-free, so every layer may use them.
 * Real payloads keep ended legs (`terminated` in REST, `disconnected` in events), several legs
 * per user (missed alerts) and `ivr`/`acd` legs: these selectors make sense of all of that.
 */
export const isLegEnded = (p: Participant): boolean =>
  p.state === 'disconnected' || p.state === 'terminated';

const isUserLeg = (p: Participant, userId: string) =>
  p.userId === userId && (p.purpose === 'agent' || p.purpose === 'user');

/**
 * The signed-in user's own leg: the newest one still up; after hang-up the newest answered leg
 * (a missed alert is never "the call" the agent worked); else the newest leg of theirs.
 */
export function myParticipant(call: Call, userId: string): Participant | undefined {
  const mine = call.participants.filter((p) => isUserLeg(p, userId));
  return (
    mine.findLast((p) => !isLegEnded(p)) ??
    mine.findLast((p) => p.connectedTime !== undefined) ??
    mine.at(-1)
  );
}

/** A call is over for this user when their leg is gone, or every party has hung up. */
export function isCallEnded(call: Call, userId: string): boolean {
  const me = myParticipant(call, userId);
  if (me) return isLegEnded(me);
  return isCallOver(call);
}

/**
 * A leg in after-call work: it has ended, its ACW started and has not ended (wrap-up not yet
 * applied, nor timed out). `wrapupRequired` alone is no evidence: ended legs without ACW carry it.
 */
export const isLegInAcw = (p: Participant): boolean =>
  isLegEnded(p) &&
  p.startAcwTime !== undefined &&
  p.endAcwTime === undefined &&
  p.wrapupRequired !== false;

/** The call has ended for this user and their own leg is in after-call work. */
export function isWrappingUp(call: Call, userId: string): boolean {
  const me = myParticipant(call, userId);
  return me !== undefined && isLegInAcw(me);
}

/** Over for everyone: no customer, agent or user leg is still up. */
export function isCallOver(call: Call): boolean {
  return call.participants
    .filter((p) => p.purpose !== 'acd' && p.purpose !== 'ivr')
    .every(isLegEnded);
}

/**
 * The caller's leg (customer, or external for outbound calls): the first one still up (a number
 * added to a conference later never takes the caller's place), else the last one.
 */
export function customerOf(call: Call): Participant | undefined {
  const legs = call.participants.filter(
    (p) => p.purpose === 'customer' || p.purpose === 'external',
  );
  return legs.find((p) => !isLegEnded(p)) ?? legs.at(-1);
}

/** The queue the call came through: the acd leg's, else any leg's queue id. */
export function queueIdOf(call: Call): string | undefined {
  return (
    call.participants.find((p) => p.purpose === 'acd' && p.queueId)?.queueId ??
    call.participants.find((p) => p.queueId)?.queueId
  );
}

/** An `ivr` leg that is up: the caller is in a flow (e.g. hearing a prompt). */
export function activeIvrLeg(call: Call): Participant | undefined {
  return call.participants.findLast((p) => p.purpose === 'ivr' && !isLegEnded(p));
}

/** A supervisor listening silently to `participantId`. Never shown to that participant. */
export const isSilentMonitor = (p: Participant): boolean => Boolean(p.monitoredParticipantId);

/** A supervisor's own leg on a call: monitoring, coaching or barged in. */
export const isSupervisorLeg = (p: Participant): boolean =>
  isSilentMonitor(p) || Boolean(p.coachedParticipantId) || Boolean(p.bargedParticipantId);

export interface VisibleOptions {
  /** Show legs that have ended (missed alerts, the queue and flow legs). Customers always show. */
  includeEnded?: boolean;
}

/**
 * Everyone the agent may see. A silent monitor is never shown; coaching and barge-in are. Ended
 * legs other than the customer's are hidden unless asked for.
 */
export function visibleParticipants(call: Call, options: VisibleOptions = {}): Participant[] {
  return call.participants.filter(
    (p) =>
      !isSilentMonitor(p) &&
      (options.includeEnded ||
        !isLegEnded(p) ||
        p.purpose === 'customer' ||
        p.purpose === 'external'),
  );
}

/** How many legs `visibleParticipants` hides because they ended (monitors are not counted). */
export function hiddenEndedCount(call: Call): number {
  return call.participants.filter(
    (p) =>
      !isSilentMonitor(p) && isLegEnded(p) && p.purpose !== 'customer' && p.purpose !== 'external',
  ).length;
}

/** Supervisors coaching or barged in on `participantId` (never a silent monitor). */
export function supervisorsOn(call: Call, participantId: string): Participant[] {
  return call.participants.filter(
    (p) =>
      !isLegEnded(p) &&
      !isSilentMonitor(p) &&
      (p.coachedParticipantId === participantId || p.bargedParticipantId === participantId),
  );
}

/**
 * A number the agent can read from an address: `tel:+13175550142` → `+13175550142`,
 * `sip:+13175550142@10.47.1.31;user=phone` → `+13175550142`. Station and trunk URIs
 * (`sip:<hex>+org.orgspan.com;…`, `sip:<uuid>@127.0.0.1;user=acd`) are not for people: empty.
 */
export function readableNumber(address: string | undefined): string {
  if (!address) return '';
  const trimmed = address.trim();
  const tel = /^tel:(\+?[0-9][0-9 ()\-.]*)$/i.exec(trimmed);
  if (tel?.[1]) return tel[1];
  const sip = /^sips?:([^@;]+)(?:@[^;]*)?(?:;.*)?$/i.exec(trimmed);
  const user = sip?.[1];
  if (user && /^\+?[0-9][0-9\-.]{2,}$/.test(user)) return user;
  if (!sip && /^\+?[0-9][0-9 ()\-.]{2,}$/.test(trimmed)) return trimmed;
  return '';
}
