/**
 * After-call work (issue 18, contract §2.3a): opt-in per call (`ConversationRecord.wrapup`).
 * When an agent's or user's leg that was connected ends, it enters ACW: `startAcwTime`,
 * `wrapupRequired: true`, `wrapupPrompt` (`mandatory` for `required`, `optional` otherwise) and
 * `wrapupTimeoutMs`; the call stays in that user's `GET /conversations/calls` until wrap-up is
 * applied (`endAcwTime`, `wrapup {code, notes, tags, durationSeconds, endTime}`), or, for an
 * optional prompt, until `wrapupTimeoutMs` passes on the emulator's clock (FIDELITY.md W1–W4).
 */
import { badRequest } from '../errors.js';
import { isSupervisoryLeg } from './supervision.js';
import type { ConversationRecord, ParticipantRecord } from './types.js';

export const ACW_TIMEOUT_MS = 120_000;

export interface WrapupInputBody {
  code?: string;
  name?: string;
  notes?: string;
  tags?: string[];
  durationSeconds?: number;
  endTime?: string;
  provisional?: boolean;
  disableEndTimeUpdates?: boolean;
}

/** Whether the leg is in after-call work now. */
export const inAcw = (p: ParticipantRecord) =>
  p.startAcwTime !== undefined && p.endAcwTime === undefined;

/**
 * Puts a leg that has just ended into ACW when its call asks for it; returns whether it did.
 * Only agent and user legs that were connected (not missed alerts, not supervisors).
 */
export function startAcw(c: ConversationRecord, leg: ParticipantRecord, now: number): boolean {
  if (!c.wrapup || leg.startAcwTime !== undefined || leg.connectedTime === undefined) return false;
  if ((leg.purpose !== 'agent' && leg.purpose !== 'user') || isSupervisoryLeg(leg)) return false;
  leg.startAcwTime = now;
  leg.wrapupRequired = true;
  leg.wrapupPrompt = c.wrapup === 'required' ? 'mandatory' : 'optional';
  leg.wrapupTimeoutMs = ACW_TIMEOUT_MS;
  return true;
}

/**
 * Applies wrap-up to a leg (the wrapup POST or the participant PATCH `{wrapup}`). A mandatory
 * prompt needs a `code` (400 `conversation.error.wrapup.code.required`); a leg without
 * `wrapupRequired` that has ended takes none (400 `bad.request`). Ends ACW.
 */
export function applyWrapup(leg: ParticipantRecord, input: WrapupInputBody, now: number): void {
  if (!inAcw(leg) && !leg.wrapupRequired) {
    throw badRequest('This participant has no wrap-up to apply.', 'bad.request', 'wrapup');
  }
  if (leg.wrapupPrompt === 'mandatory' && !input.code) {
    throw badRequest(
      'A wrap-up code is required.',
      'conversation.error.wrapup.code.required',
      'wrapup.code',
    );
  }
  if (input.provisional) {
    leg.wrapup = { ...leg.wrapup, code: input.code, notes: input.notes, tags: input.tags };
    return;
  }
  const started = leg.startAcwTime ?? now;
  leg.wrapup = {
    code: input.code,
    notes: input.notes,
    tags: input.tags ?? [],
    durationSeconds: input.durationSeconds ?? Math.round((now - started) / 1000),
    endTime: now,
  };
  if (inAcw(leg)) leg.endAcwTime = now;
}

/** An optional prompt's ACW ends by itself at the timeout, with no wrap-up code. */
export function timeOutAcw(leg: ParticipantRecord, now: number): boolean {
  if (!inAcw(leg) || leg.wrapupPrompt !== 'optional') return false;
  leg.endAcwTime = now;
  return true;
}
