import type { LiveRow } from './live-row';

/** The small live figures above the table. */
export interface Figures {
  total: number;
  /** Calls per chosen queue, in the order the queues were chosen. */
  perQueue: { queueId: string; count: number }[];
  muted: number;
  held: number;
  /** Playbacks seen ending while watched (`lcp.playback.*`): completed of all ended. */
  playback: { completed: number; ended: number };
  /** Muted and held counts, sampled (oldest first), for the sparklines. */
  history: { muted: number[]; held: number[] };
}

export const EMPTY_FIGURES: Figures = {
  total: 0,
  perQueue: [],
  muted: 0,
  held: 0,
  playback: { completed: 0, ended: 0 },
  history: { muted: [], held: [] },
};

/** Counts over the rows the table holds (all of them, whatever the filter). */
export function countRows(
  rows: Iterable<LiveRow>,
  queueIds: readonly string[],
): Pick<Figures, 'total' | 'perQueue' | 'muted' | 'held'> {
  const perQueue = new Map(queueIds.map((id) => [id, 0]));
  let total = 0;
  let muted = 0;
  let held = 0;
  for (const row of rows) {
    total += 1;
    if (row.muted) muted += 1;
    if (row.held) held += 1;
    if (row.queueId !== undefined && perQueue.has(row.queueId))
      perQueue.set(row.queueId, perQueue.get(row.queueId)! + 1);
  }
  return {
    total,
    perQueue: [...perQueue].map(([queueId, count]) => ({ queueId, count })),
    muted,
    held,
  };
}

/** completed / ended, or undefined before any playback has ended. */
export const completionRate = (p: Figures['playback']): number | undefined =>
  p.ended === 0 ? undefined : p.completed / p.ended;

/**
 * Playbacks that ended, by request id (each counted once however many snapshots repeat it);
 * the oldest are forgotten past `limit` so a long shift stays flat in memory.
 */
export class PlaybackTally {
  private readonly ended = new Map<string, 'completed' | 'stopped' | 'failed'>();
  private completed = 0;

  constructor(private readonly limit = 5000) {}

  record(requestId: string, state: 'completed' | 'stopped' | 'failed'): boolean {
    const before = this.ended.get(requestId);
    if (before === state) return false;
    if (before === 'completed') this.completed -= 1;
    this.ended.set(requestId, state);
    if (state === 'completed') this.completed += 1;
    if (this.ended.size > this.limit) {
      const [oldest, how] = this.ended.entries().next().value!;
      this.ended.delete(oldest);
      if (how === 'completed') this.completed -= 1;
    }
    return true;
  }

  counts(): Figures['playback'] {
    return { completed: this.completed, ended: this.ended.size };
  }
}

/** A sampled series, newest last, at most `length` long. */
export const pushSample = (series: readonly number[], value: number, length: number): number[] =>
  [...series, value].slice(-length);

/**
 * SVG polyline points for a sparkline in a `width`×`height` box: x spread evenly, y from 0
 * (bottom) to the series' maximum (top; at least 1 so a flat zero line lies on the bottom).
 */
export function sparklinePoints(values: readonly number[], width: number, height: number): string {
  if (values.length === 0) return '';
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  return values
    .map((v, i) => `${round(i * step)},${round(height - (Math.max(0, v) / max) * height)}`)
    .join(' ');
}
