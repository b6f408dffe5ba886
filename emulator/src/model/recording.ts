/**
 * Recording state and secure pause (issue 18 shape 6; contract §2.6; FIDELITY.md C1–C3). The
 * conversation's `recordingState` is `none`, `active` or `paused`; `paused` is a secure pause,
 * shown as `securePause: true` on the conversation and on every leg still up, and each live leg
 * carries the conversation's `recordingState`. `active` resumes; nothing can be paused or
 * resumed while nothing records (400).
 */
import { badRequest } from '../errors.js';
import type { ConversationRecord } from './types.js';

export type RecordingState = ConversationRecord['recordingState'];

/** The request's value (any case, as the SDK's enums are parsed), or 400 `invalid.value`. */
export function parseRecordingState(value: unknown): RecordingState {
  const state = typeof value === 'string' ? value.toLowerCase() : '';
  if (state !== 'active' && state !== 'paused' && state !== 'none') {
    throw badRequest(
      'recordingState must be ACTIVE, PAUSED or NONE.',
      'invalid.value',
      'recordingState',
    );
  }
  return state;
}

/** Sets the state; returns whether it changed. */
export function setRecordingState(c: ConversationRecord, next: RecordingState): boolean {
  if (next === c.recordingState) return false;
  if (c.recordingState === 'none' && next === 'paused') {
    throw badRequest(
      'The call is not being recorded; there is nothing to pause.',
      'invalid.value',
      'recordingState',
    );
  }
  c.recordingState = next;
  return true;
}

export const isSecurePaused = (c: ConversationRecord) => c.recordingState === 'paused';
