/**
 * The Play Prompt flow's invocation data (`CreateSecureSession.userData`, a JSON string; product
 * brief §4): `{"v":1,"requestId","promptId","loop","maxDurationSeconds":1..600,"dtmf":{…}}`.
 */
import { z } from 'zod';
import { badRequest } from '../errors.js';

export const MAX_DURATION_SECONDS = 600;

const id = z.string().regex(/^[\w.:-]{1,64}$/, 'must be 1-64 letters, digits, _ . : or -');

export const playRequestSchema = z.object({
  v: z.literal(1),
  requestId: id,
  promptId: id,
  loop: z.boolean(),
  maxDurationSeconds: z.number().int().min(1).max(MAX_DURATION_SECONDS),
  /** Digit → prompt id to switch to; an empty value ends the playback (reason `dtmf`). */
  dtmf: z
    .record(
      z.string().regex(/^[0-9*#]$/, 'dtmf keys are single digits 0-9, * or #'),
      id.or(z.literal('')),
    )
    .default({}),
});

export type PlayRequest = z.infer<typeof playRequestSchema>;

/** Parses `userData`; a string that is not this protocol is a 400 naming the first problem. */
export function parsePlayRequest(userData: string): PlayRequest {
  let json: unknown;
  try {
    json = JSON.parse(userData);
  } catch {
    throw invalidUserData('it is not JSON');
  }
  const result = playRequestSchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.join('.') || 'userData';
  throw invalidUserData(`${where}: ${issue?.message ?? 'invalid'}`);
}

const invalidUserData = (why: string) =>
  badRequest(`userData is not a Play Prompt request (${why}).`, 'invalid.value', 'userData');
