/**
 * The diagnostic trace a widget downloads (format `live-call-panel.trace`, version 1): what the
 * widget saw and did in its last minutes, masked. The emulator's `POST /__emulator/replay` reads
 * the same format (it validates it with its own schema; `src/` and `emulator/` share no code).
 */
export const TRACE_FORMAT = 'live-call-panel.trace';
export const TRACE_VERSION = 1;
/** How far back a trace reaches by default. */
export const DEFAULT_WINDOW_MS = 10 * 60_000;
/** The most entries a trace holds (the widget keeps no more). */
export const MAX_ENTRIES = 2000;
/**
 * About the most memory the kept entries hold (older ones make room): 1 MB, some 300 frames of
 * a four-leg call, so the recorder is full, and grows no more, early in an agent's shift.
 */
export const MAX_RETAINED_BYTES = 1024 * 1024;
/** What every masked name, number or value reads. */
export const MASK = '***';

/** A notification frame delivered to the widget's topics. */
export interface FrameEntry {
  t: number;
  type: 'frame';
  topic: string;
  correlationId?: string;
  /** Whether a feature had subscribed to the topic (false: dropped as an unknown topic). */
  delivered: boolean;
  body: unknown;
}

/** One REST request: `path` is a template, `params` fills it with pseudonyms. */
export interface RestEntry {
  t: number;
  type: 'rest';
  method: string;
  path: string;
  params?: Record<string, string>;
  /** 0: no response came (network error or timeout). */
  status: number;
  ms: number;
  correlationId?: string;
  code?: string;
  retryAfterSeconds?: number;
}

export interface LinkEntry {
  t: number;
  type: 'link';
  status: string;
  attempt: number;
}

export interface SessionEntry {
  t: number;
  type: 'session';
  status: string;
}

interface IntentBase {
  t: number;
  type: 'intent';
  conversation: string;
  participant: string;
  group: string;
}

export type IntentEntry =
  | (IntentBase & { event: 'sent'; values: Record<string, string | boolean> })
  | (IntentBase & {
      event: 'change';
      field: string;
      value: string | boolean | null;
      ours: boolean;
    })
  | (IntentBase & {
      event: 'outcome';
      field: string;
      value: string | boolean;
      outcome: 'failed' | 'timedOut';
      error?: { kind: string; status?: number; correlationId?: string };
    });

export type TraceEntry = FrameEntry | RestEntry | LinkEntry | SessionEntry | IntentEntry;

export interface Trace {
  format: typeof TRACE_FORMAT;
  version: typeof TRACE_VERSION;
  createdAt: string;
  /** The time `t: 0` stands for. */
  startedAt: string;
  window: { ms: number; maxEntries: number };
  /** Entries that fell out of the window or the buffer before this download. */
  dropped: number;
  /** Attribute keys as they are (values stay masked); otherwise keys are pseudonyms too. */
  includesCallData: boolean;
  /** The signed-in user's pseudonym. */
  user?: string;
  widget: { target: 'emulator' | 'region'; environment?: string; view?: string; locale?: string };
  entries: TraceEntry[];
}
