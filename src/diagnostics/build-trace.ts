import type { IntentEvent, SentTargets } from '../calls/intents/intent-group';
import { maskBody, maskPath, maskTopic } from './mask-body';
import { Pseudonyms } from './pseudonyms';
import type { DiagnosticsRecorder, RecordedEntry } from './recorder';
import {
  MASK,
  TRACE_FORMAT,
  TRACE_VERSION,
  type IntentEntry,
  type Trace,
  type TraceEntry,
} from './trace-types';

export interface TraceOptions {
  /** Keep attribute keys as they are (values stay masked). Off by default. */
  includeCallData?: boolean;
  /** The signed-in user's id (becomes a pseudonym). */
  userId?: string;
  widget: Trace['widget'];
}

/**
 * Builds the downloadable trace from what the recorder holds: the last window's entries, in
 * order, masked (ids → stable pseudonyms, names and numbers → stand-ins, attribute values
 * `***`, keys too unless `includeCallData`). Tokens never reach the recorder.
 *
 * @example
 * const trace = buildTrace(recorder, { userId: user.id, widget: { target: 'region' } });
 */
export function buildTrace(recorder: DiagnosticsRecorder, options: TraceOptions): Trace {
  const p = (recorder.pseudonyms ??= new Pseudonyms());
  const user = options.userId === undefined ? undefined : p.id(options.userId, 'user');
  const { entries, dropped } = recorder.entries();
  const now = recorder.now();
  const start = entries[0]?.at ?? now;
  const includeCallData = options.includeCallData ?? false;
  return {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    createdAt: new Date(now).toISOString(),
    startedAt: new Date(start).toISOString(),
    window: { ms: recorder.windowMs, maxEntries: recorder.maxEntries },
    dropped,
    includesCallData: includeCallData,
    user,
    widget: options.widget,
    entries: entries.map((entry) => toTraceEntry(entry, entry.at - start, p, includeCallData)),
  };
}

function toTraceEntry(
  entry: RecordedEntry,
  t: number,
  p: Pseudonyms,
  includeCallData: boolean,
): TraceEntry {
  switch (entry.kind) {
    case 'frame':
      return {
        t,
        type: 'frame',
        topic: maskTopic(entry.event.topicName, p),
        correlationId: entry.event.correlationId,
        delivered: entry.delivered,
        body: maskBody(entry.event.body, p, { includeCallData }),
      };
    case 'rest': {
      const { exchange } = entry;
      const { path, params } = maskPath(pathOf(exchange.url), p);
      return {
        t,
        type: 'rest',
        method: exchange.method,
        path,
        params: Object.keys(params).length > 0 ? params : undefined,
        status: exchange.status,
        ms: exchange.durationMs,
        correlationId: exchange.correlationId,
        code: exchange.errorCode,
        retryAfterSeconds: exchange.retryAfterSeconds,
      };
    }
    case 'link':
      return { t, type: 'link', status: entry.status, attempt: entry.attempt };
    case 'session':
      return { t, type: 'session', status: entry.status };
    case 'sent':
      return sentEntry(entry.sent, t, p, includeCallData);
    case 'intent':
      return intentEntry(entry.event, t, p, includeCallData);
  }
}

/** The path of an absolute URL (or of a path). */
function pathOf(url: string): string {
  const match = /^[a-z][\w+.-]*:\/\/[^/]+(\/[^?#]*)?/i.exec(url);
  return match ? (match[1] ?? '/') : (url.split(/[?#]/)[0] ?? url);
}

function sentEntry(
  sent: SentTargets,
  t: number,
  p: Pseudonyms,
  includeCallData: boolean,
): IntentEntry {
  const values: Record<string, string | boolean> = {};
  for (const [field, value] of Object.entries(sent.values)) {
    const masked = maskField(sent.group, field, value, p, includeCallData);
    values[masked.field] = masked.value;
  }
  return {
    t,
    type: 'intent',
    event: 'sent',
    conversation: p.id(sent.conversationId, 'conversation'),
    participant: p.id(sent.participantId, 'participant'),
    group: sent.group,
    values,
  };
}

function intentEntry(
  event: IntentEvent,
  t: number,
  p: Pseudonyms,
  includeCallData: boolean,
): IntentEntry {
  const head = <E extends 'change' | 'outcome'>(kind: E) => ({
    t,
    type: 'intent' as const,
    event: kind,
    conversation: p.id(event.conversationId, 'conversation'),
    participant: p.id(event.participantId, 'participant'),
    group: event.group,
  });
  if (event.type === 'change') {
    const masked = maskField(event.group, event.field, event.value, p, includeCallData);
    return { ...head('change'), ...masked, value: masked.value ?? null, ours: event.ours };
  }
  const { outcome } = event;
  const masked = maskField(event.group, outcome.field, outcome.value, p, includeCallData);
  return {
    ...head('outcome'),
    field: masked.field,
    value: masked.value ?? MASK,
    outcome: outcome.kind,
    error:
      outcome.kind === 'failed'
        ? {
            kind: outcome.error.kind,
            status: outcome.error.status,
            correlationId: outcome.error.correlationId,
          }
        : undefined,
  };
}

/** Mute and hold stay as they are; call data keys become pseudonyms (unless included), values `***`. */
function maskField<V extends string | boolean | undefined>(
  group: string,
  field: string,
  value: V,
  p: Pseudonyms,
  includeCallData: boolean,
): { field: string; value: V | typeof MASK } {
  if (group === 'flags') return { field, value };
  return {
    field: includeCallData ? field : p.key(field),
    value: value === undefined ? value : MASK,
  };
}
