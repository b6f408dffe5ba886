import type { IntentEvent, SentTargets } from '../calls/intents/intent-group';
import type { HttpExchange } from '../platform/fetch-http-client';
import type { TopicEvent } from '../realtime/topic-registry';
import type { Pseudonyms } from './pseudonyms';
import { RingBuffer } from './ring-buffer';
import { DEFAULT_WINDOW_MS, MAX_ENTRIES, MAX_RETAINED_BYTES } from './trace-types';

/**
 * What the recorder keeps, unmasked and by reference (nothing is copied or parsed while the
 * widget works): masking happens only when a trace is built. Never holds a token: exchanges
 * carry no headers or bodies, frames no credentials.
 */
export type RecordedEntry =
  | { at: number; kind: 'frame'; event: TopicEvent; delivered: boolean }
  | { at: number; kind: 'rest'; exchange: HttpExchange }
  | { at: number; kind: 'link'; status: string; attempt: number }
  | { at: number; kind: 'session'; status: string }
  | { at: number; kind: 'intent'; event: IntentEvent }
  | { at: number; kind: 'sent'; sent: SentTargets };

type Unstamped<E> = E extends unknown ? Omit<E, 'at'> : never;

export interface RecorderOptions {
  /** The widget's clock (epoch ms). */
  now(): number;
  windowMs?: number;
  maxEntries?: number;
  /** About how much memory the kept entries may hold (frames weigh by their legs). */
  maxBytes?: number;
}

/** A call snapshot held by reference weighs about this much per leg (measured: ~2.7 KB for 4). */
const BYTES_PER_LEG = 700;
const BYTES_PER_ENTRY = 300;

/** An estimate of the memory an entry keeps alive, without walking it. */
function weightOf(entry: Unstamped<RecordedEntry>): number {
  if (entry.kind !== 'frame') return BYTES_PER_ENTRY;
  const legs = (entry.event.body as { participants?: unknown } | null)?.participants;
  return BYTES_PER_ENTRY + BYTES_PER_LEG * (Array.isArray(legs) ? legs.length : 2);
}

/**
 * The widget's diagnostic recorder: a ring buffer of the last `maxEntries` (2,000) things the
 * widget saw and did, of which a trace keeps those of the last `windowMs` (10 min). The frames
 * it keeps may hold about `maxBytes` (1 MB) together, so a long shift or a busy supervisor view
 * never grows the page's memory by more. Recording is one small object and one slot write.
 *
 * @example
 * const recorder = new DiagnosticsRecorder({ now: () => scheduler.now() });
 * recorder.record({ kind: 'link', status: 'live', attempt: 0 });
 * recorder.entries(); // the last 10 minutes, oldest first
 */
export class DiagnosticsRecorder {
  readonly windowMs: number;
  readonly maxEntries: number;
  /** Stable pseudonyms for this widget's traces, made by the first download. */
  pseudonyms?: Pseudonyms;
  private readonly ring: RingBuffer<RecordedEntry>;

  constructor(private readonly options: RecorderOptions) {
    this.windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
    this.maxEntries = options.maxEntries ?? MAX_ENTRIES;
    this.ring = new RingBuffer(this.maxEntries, options.maxBytes ?? MAX_RETAINED_BYTES);
  }

  now(): number {
    return this.options.now();
  }

  /** Stamps the entry with the widget clock (no copy) and keeps it. */
  record(entry: Unstamped<RecordedEntry>): void {
    const stamped = entry as RecordedEntry;
    stamped.at = this.options.now();
    this.ring.push(stamped, weightOf(entry));
  }

  /** A finished REST request (the platform's HTTP observer). */
  readonly rest = (exchange: HttpExchange): void => this.record({ kind: 'rest', exchange });

  /** The entries of the window, oldest first, and how many fell out of the buffer or window. */
  entries(): { entries: RecordedEntry[]; dropped: number } {
    const since = this.options.now() - this.windowMs;
    const all = this.ring.toArray();
    const entries = all.filter((e) => e.at >= since);
    return { entries, dropped: this.ring.dropped + all.length - entries.length };
  }
}
