/**
 * The diagnostic trace format a widget downloads (`live-call-panel.trace`, version 1; the widget
 * writes it in src/diagnostics/trace-types.ts), as the emulator accepts it for replay. Every
 * entry is checked before anything is loaded.
 */
import { z } from 'zod';

export const TRACE_FORMAT = 'live-call-panel.trace';
export const TRACE_VERSION = 1;
/** The most entries a trace may hold (the widget keeps no more). */
export const MAX_TRACE_ENTRIES = 2000;
/** The largest trace body accepted (2,000 entries of whole call snapshots fit with room). */
export const MAX_TRACE_BYTES = 8 * 1024 * 1024;

const text = (max: number) => z.string().min(1).max(max);
/** An id as a trace carries it: a pseudonym (`conversation-1`) or any id without a slash. */
const traceId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^/\s]+$/, 'an id has no slashes or spaces');
const time = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO 8601 date and time');
const offset = z.number().int().min(0).max(86_400_000);

const frame = z.object({
  t: offset,
  type: z.literal('frame'),
  topic: text(200),
  correlationId: text(128).optional(),
  delivered: z.boolean().optional(),
  body: z.unknown(),
});

const rest = z.object({
  t: offset,
  type: z.literal('rest'),
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']),
  path: z.string().startsWith('/').max(500),
  params: z.record(z.string(), traceId).optional(),
  status: z.number().int().min(0).max(599),
  ms: z.number().min(0).max(600_000),
  correlationId: text(128).optional(),
  code: text(120).optional(),
  retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
});

const link = z.object({
  t: offset,
  type: z.literal('link'),
  status: text(40),
  attempt: z.number().int().min(0),
});

const session = z.object({ t: offset, type: z.literal('session'), status: text(40) });

const intent = z.object({
  t: offset,
  type: z.literal('intent'),
  event: z.enum(['sent', 'change', 'outcome']),
  conversation: traceId,
  participant: traceId,
  group: text(40),
  values: z.record(z.string(), z.union([z.string(), z.boolean()])).optional(),
  field: z.string().max(200).optional(),
  value: z.union([z.string(), z.boolean(), z.null()]).optional(),
  ours: z.boolean().optional(),
  outcome: z.enum(['failed', 'timedOut']).optional(),
  error: z
    .object({
      kind: text(40),
      status: z.number().int().optional(),
      correlationId: z.string().optional(),
    })
    .optional(),
});

export const traceEntrySchema = z.discriminatedUnion('type', [frame, rest, link, session, intent]);

export const traceSchema = z.object({
  format: z.literal(TRACE_FORMAT, `expected format "${TRACE_FORMAT}"`),
  version: z.number().int(),
  createdAt: time.optional(),
  startedAt: time,
  window: z.object({ ms: z.number().min(0), maxEntries: z.number().int().min(1) }).optional(),
  dropped: z.number().int().min(0).optional(),
  includesCallData: z.boolean().optional(),
  /** The pseudonym of the user whose widget recorded it. */
  user: traceId.optional(),
  widget: z.record(z.string(), z.unknown()).optional(),
  entries: z.array(traceEntrySchema),
});

export type Trace = z.infer<typeof traceSchema>;
export type TraceEntry = z.infer<typeof traceEntrySchema>;
export type FrameEntry = z.infer<typeof frame>;
export type RestEntry = z.infer<typeof rest>;

/**
 * A call snapshot as the calls topics carry it (contract §3.4): only what replay needs is
 * checked (an id and participants with ids); every other field is taken as it comes.
 */
export const callSnapshotSchema = z.looseObject({
  id: traceId,
  participants: z.array(z.looseObject({ id: traceId })).max(100),
});

export type CallSnapshot = z.infer<typeof callSnapshotSchema>;
