import type { PlatformError } from '../../platform/errors';
import { nextDelay } from '../../realtime/backoff';
import { Draft } from './intent-state';
import {
  CONFLICT_BACKOFF,
  LATE_CONFIRMATION_MS,
  type MachineEvent,
  type MachineState,
  type Settle,
  type Transition,
  type Values,
} from './intent-types';

/** Failures after which the server may have applied the change: a re-read decides. */
const AMBIGUOUS = new Set(['network', 'server']);

/**
 * The intent machine of one participant's fields (mute and hold; or attribute keys): a pure
 * `(state, event) → {state, effects}`. The UI shows the desired value at once; requests carry
 * explicit targets, one in flight at a time, their body built when the budget's permit comes
 * (`slot`), so a superseded, rolled-back or timed-out intent is never sent. A change is done when
 * the server's state shows it; a definite failure rolls back at once, an ambiguous one (network,
 * 5xx) or a missing confirmation is settled by one re-read. A 429 keeps the intent and tries again
 * after Retry-After if it is still wanted; a 409 likewise after a jittered backoff, up to
 * `conflictRetries` times.
 */
export function reduce<V>(state: MachineState<V>, event: MachineEvent<V>): Transition<V> {
  const d = new Draft(state, event.now);
  switch (event.type) {
    case 'request':
      request(d, event.values);
      break;
    case 'confirm':
      confirm(d, new Map(Object.entries(event.state)));
      break;
    case 'noteSentElsewhere':
      d.recent.set(event.field, { value: event.value, until: event.now + LATE_CONFIRMATION_MS });
      break;
    case 'slot':
      slot(d);
      break;
    case 'accepted':
      accepted(d);
      break;
    case 'failed':
      failed(d, event.error, event.jitter);
      break;
    case 'retry':
      retry(d, event.timer);
      break;
    case 'deadline':
      deadline(d, event.field, event.timer);
      break;
    case 'reread':
      reread(d, event.settle);
      break;
    case 'ended':
      ended(d);
      break;
  }
  return d.result();
}

function request<V>(d: Draft<V>, values: Values<V>): void {
  // A click on a leg that has ended changes nothing there: nothing is wanted, nothing is sent.
  if (d.ended) return;
  for (const [field, value] of Object.entries(values)) {
    d.desired.set(field, value);
    d.armDeadline(field);
    if (!d.awaiting.has(field) && !d.onWireHas(field) && d.confirmed.get(field) === value)
      d.settle(field);
  }
  d.pump();
}

/** The server's state, from a notification or a re-read (a whole snapshot of these fields). */
function confirm<V>(d: Draft<V>, state: Map<string, V>): void {
  const previous = d.confirmed;
  d.confirmed = state;
  for (const field of new Set([...previous.keys(), ...state.keys()])) {
    const value = state.get(field);
    const explained =
      (d.awaiting.has(field) && d.awaiting.get(field) === value) ||
      (d.onWireHas(field) && d.onWire()?.get(field) === value);
    // A target the server said it had not applied may still land late: then who made the
    // change is not known (neither "by you" nor "outside this panel").
    const unsure = !explained && d.doubtfullySent(field, value);
    const ours = explained || (d.recentlySent(field, value) && !unsure);
    if (d.awaiting.has(field) && d.awaiting.get(field) === value) d.awaiting.delete(field);
    if (
      d.desired.has(field) &&
      d.desired.get(field) === value &&
      !d.awaiting.has(field) &&
      !d.onWireHas(field)
    )
      d.settle(field);
    if (!d.desired.has(field) && !d.awaiting.has(field)) d.clearDeadline(field);
    if (previous.get(field) !== value) {
      d.effects.push({
        type: 'change',
        change: { field, value, ours, ...(unsure ? { unsure } : {}), at: d.now },
      });
      // A target sent explains one change: once it has been seen, a later change to the same
      // value (made elsewhere, within LATE_CONFIRMATION_MS) is not ours.
      if (d.recentlySent(field, value)) d.recent.delete(field);
    }
  }
  d.pump();
}

/** The budget's permit came: send what is wanted now, or give the permit back. */
function slot<V>(d: Draft<V>): void {
  if (d.phase.name !== 'queued') {
    d.effects.push({ type: 'release' });
    return;
  }
  const body = d.body();
  if (!body) {
    d.effects.push({ type: 'release' });
    d.phase = { name: 'idle' };
    d.conflictAttempts = 0;
    d.pump();
    return;
  }
  d.phase = { name: 'onTheWire', body };
  const until = d.now + LATE_CONFIRMATION_MS;
  for (const [field, value] of body) d.recent.set(field, { value, until });
  const values = Object.fromEntries(body);
  d.effects.push({ type: 'sent', body: values }, { type: 'send', body: values });
}

function accepted<V>(d: Draft<V>): void {
  const sent = d.onWire();
  if (!sent) return;
  d.phase = { name: 'idle' };
  d.conflictAttempts = 0;
  for (const [field, value] of sent) {
    // Equal to the server's state as we know it, and no earlier target of ours still on its
    // way: nothing changes. Otherwise this later target is what the server must show.
    if (d.confirmed.get(field) === value && !d.awaiting.has(field)) {
      if (d.desired.get(field) === value) d.settle(field);
      continue;
    }
    // Accepted: the server will have it. Even if the intent was rolled back meanwhile, the
    // confirmation must be recognised (and not left pending forever).
    d.awaiting.set(field, value);
    if (!d.deadlines.has(field)) d.armDeadline(field);
  }
  d.pump();
}

function failed<V>(d: Draft<V>, error: PlatformError, jitter: number): void {
  const sent = d.onWire();
  if (!sent) return;
  d.phase = { name: 'idle' };
  if (error.kind === 'rateLimited') {
    // Not applied. Keep the intent; try again after the pause if it is still wanted then.
    for (const field of sent.keys()) d.recent.delete(field);
    const until = d.now + (error.retryAfterMs ?? 1000);
    const timer = d.arm(until - d.now, { kind: 'retry' });
    d.phase = { name: 'rateLimited', until, error, timer };
    return;
  }
  if (error.kind === 'conflict' && d.conflictAttempts < d.from.config.conflictRetries) {
    // Not applied either: after a jittered backoff, send again what is still wanted then.
    for (const field of sent.keys()) d.recent.delete(field);
    const delay = nextDelay(d.conflictAttempts, () => jitter, CONFLICT_BACKOFF);
    d.conflictAttempts += 1;
    const timer = d.arm(delay, { kind: 'retry' });
    d.phase = { name: 'conflictBackoff', error, timer };
    return;
  }
  if (AMBIGUOUS.has(error.kind)) {
    // It may have been applied: keep it pending and let the server's state decide.
    for (const [field, value] of sent) d.awaiting.set(field, value);
    d.settleByReread([...sent.keys()], error);
    return;
  }
  d.conflictAttempts = 0;
  for (const [field, value] of sent) {
    d.recent.delete(field);
    if (d.confirmed.get(field) === value) {
      if (d.desired.get(field) === value) d.settle(field);
      continue;
    }
    if (d.desired.has(field) && d.desired.get(field) === value) {
      d.settle(field);
      d.outcome({ kind: 'failed', field, value, error });
    }
  }
  d.effects.push({ type: 'reread' });
  d.pump();
}

/** The 429 pause or the 409 backoff is over. */
function retry<V>(d: Draft<V>, timer: number): void {
  if (
    (d.phase.name !== 'rateLimited' && d.phase.name !== 'conflictBackoff') ||
    d.phase.timer !== timer
  )
    return;
  d.phase = { name: 'idle' };
  d.pump();
}

function deadline<V>(d: Draft<V>, field: string, timer: number): void {
  if (d.deadlines.get(field) !== timer) return;
  d.deadlines.delete(field);
  if (!d.desired.has(field) && !d.awaiting.has(field)) return;
  // The intent is over: nothing queued for it may go out any more.
  const value = d.desired.get(field) ?? d.awaiting.get(field);
  if (d.onWireHas(field) || d.awaiting.has(field)) {
    d.settleByReread([field]);
    return;
  }
  d.settle(field);
  const limited = d.pause()?.error;
  if (value !== undefined && d.confirmed.get(field) !== value)
    d.outcome(
      limited
        ? { kind: 'failed', field, value, error: limited }
        : { kind: 'timedOut', field, value },
    );
  d.effects.push({ type: 'reread' });
}

/** A re-read is back: roll back what it does not show. */
function reread<V>(d: Draft<V>, { targets, awaited, error }: Settle<V>): void {
  // The re-read is the server's word: a value it does not show is not coming. Nothing may stay
  // pending forever. A target the server accepted and a late event shows after all is still
  // ours; one it answered with a 5xx (or never answered) and a late event shows may be ours or
  // somebody else's: it is doubtful from now on.
  for (const [field, value] of awaited)
    if (d.awaiting.get(field) === value && d.confirmed.get(field) !== value) {
      d.awaiting.delete(field);
      if (error) d.doubt(field);
    }
  for (const [field, value] of targets) {
    if (value === undefined) continue;
    const desired = d.desired.get(field);
    if (
      d.desired.has(field) &&
      desired === d.confirmed.get(field) &&
      !d.awaiting.has(field) &&
      !d.onWireHas(field)
    ) {
      d.settle(field);
      continue;
    }
    const stillWanted = desired === value || d.awaiting.get(field) === value;
    if (!stillWanted || d.confirmed.get(field) === value) continue;
    if (desired === value || !d.desired.has(field)) {
      d.awaiting.delete(field);
      if (error) d.doubt(field);
      d.settle(field);
      d.outcome(
        error ? { kind: 'failed', field, value, error } : { kind: 'timedOut', field, value },
      );
    }
  }
  d.pump();
}

/**
 * The leg ended. Every intent settles at once and nothing more leaves: a queued request gives its
 * permit back when it comes, a 429 or 409 pause is cancelled, a request already out is forgotten
 * (its reply changes nothing), awaited targets and their deadlines go. The server's state still
 * arrives by `confirm` (its changes are reported as before, recognised as ours when recent).
 */
function ended<V>(d: Draft<V>): void {
  d.ended = true;
  const phase = d.phase;
  if (phase.name === 'rateLimited' || phase.name === 'conflictBackoff')
    d.effects.push({ type: 'cancel', timer: phase.timer });
  for (const field of [...d.deadlines.keys()]) d.clearDeadline(field);
  d.desired.clear();
  d.awaiting.clear();
  d.conflictAttempts = 0;
  d.phase = { name: 'idle' };
}
