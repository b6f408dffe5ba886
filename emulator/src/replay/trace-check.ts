import type { ZodError } from 'zod';
import { ApiError } from '../errors.js';
import {
  callSnapshotSchema,
  MAX_TRACE_BYTES,
  MAX_TRACE_ENTRIES,
  TRACE_FORMAT,
  TRACE_VERSION,
  traceSchema,
  type Trace,
} from './trace-schema.js';

const NOTHING_LOADED = 'Nothing was loaded.';

/** A trace refused as malformed: 400, with what is wrong and where. */
export const invalidTrace = (problem: string) =>
  new ApiError(
    400,
    'emulator.replay.invalid.trace',
    `The trace was refused: ${problem}. ${NOTHING_LOADED}`,
  );

/** A trace refused as too big: 413. */
export const traceTooLarge = (problem: string) =>
  new ApiError(
    413,
    'emulator.replay.trace.too.large',
    `The trace was refused: ${problem}. ${NOTHING_LOADED}`,
  );

export const bodyTooLarge = () =>
  traceTooLarge(`the request is larger than ${MAX_TRACE_BYTES / 1024 / 1024} MB`);

/** `entries[3].status` from a zod path. */
function where(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) =>
      typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key),
    '',
  );
}

function firstIssue(error: ZodError, prefix = ''): string {
  const issue = error.issues[0];
  const at = where([...(issue?.path ?? [])]);
  const place = !prefix ? at : !at ? prefix : at.startsWith('[') ? prefix + at : `${prefix}.${at}`;
  return `${place || 'the trace'}: ${issue?.message ?? 'invalid'}`;
}

/** A calls topic (`v2.users.{id}.conversations.calls`, `v2.routing.queues.{id}.conversations.calls`). */
export const isCallsTopic = (topic: string) =>
  /^v2\.(users|routing\.queues)\.[^.]+\.conversations\.calls$/i.test(topic);

/**
 * Checks a trace completely before anything is loaded: its format and version, at most 2,000
 * entries in time order, every entry's shape, and a call snapshot in every calls-topic frame.
 * Throws a 400 (or 413) ApiError that says what is wrong and where.
 *
 * @example
 * const trace = checkTrace(request.body.trace);
 */
export function checkTrace(input: unknown): Trace {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw invalidTrace('expected a JSON object (the file Download diagnostics saves)');
  const { format, version, entries } = input as Record<string, unknown>;
  if (format !== TRACE_FORMAT)
    throw invalidTrace(
      `format must be "${TRACE_FORMAT}" (got ${JSON.stringify(format) ?? 'none'})`,
    );
  if (version !== TRACE_VERSION)
    throw invalidTrace(
      `version ${JSON.stringify(version) ?? 'none'} is not supported; this emulator replays version ${TRACE_VERSION}`,
    );
  if (Array.isArray(entries) && entries.length > MAX_TRACE_ENTRIES)
    throw traceTooLarge(
      `it has ${entries.length} entries; a trace holds at most ${MAX_TRACE_ENTRIES}`,
    );
  const parsed = traceSchema.safeParse(input);
  if (!parsed.success) throw invalidTrace(firstIssue(parsed.error));
  const trace = parsed.data;
  trace.entries.forEach((entry, i) => {
    const before = trace.entries[i - 1];
    if (before && entry.t < before.t)
      throw invalidTrace(
        `entries[${i}] (t ${entry.t}) is earlier than entries[${i - 1}] (t ${before.t}); entries must be in time order`,
      );
    if (entry.type !== 'frame' || !isCallsTopic(entry.topic)) return;
    const body = callSnapshotSchema.safeParse(entry.body);
    if (!body.success)
      throw invalidTrace(
        `entries[${i}] is a frame on ${entry.topic} without a call snapshot (${firstIssue(body.error, 'body')})`,
      );
  });
  return trace;
}
