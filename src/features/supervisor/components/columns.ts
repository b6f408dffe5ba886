import type { SortKey } from '../table-order';

/** The table's columns, in order; the sortable ones name their sort key. */
export const COLUMNS = [
  { key: 'agent', sort: 'agent' },
  { key: 'customer', sort: 'customer' },
  { key: 'queue', sort: 'queue' },
  { key: 'duration', sort: 'duration' },
  { key: 'state', sort: 'state' },
  { key: 'flags' },
  { key: 'recording' },
  { key: 'playback' },
] as const satisfies readonly { key: string; sort?: SortKey }[];

export type ColumnKey = (typeof COLUMNS)[number]['key'];

/** Every column, by index into COLUMNS. */
export const ALL_COLUMNS: readonly number[] = COLUMNS.map((_, i) => i);

const pick = (keys: readonly ColumnKey[]) =>
  keys.map((key) => COLUMNS.findIndex((c) => c.key === key));

/**
 * The columns a narrow grid shows, whole (agent, caller, duration, state); the rest (queue,
 * mute / hold, recording, playback) are on the opened call.
 */
export const NARROW_COLUMNS: readonly number[] = pick(['agent', 'customer', 'duration', 'state']);

/** A middling grid (beside an opened call, say) leaves recording and playback to that call. */
export const MEDIUM_COLUMNS: readonly number[] = pick([
  'agent',
  'customer',
  'queue',
  'duration',
  'state',
  'flags',
]);

/** The columns a grid this wide shows, each whole, and its class for the matching layout. */
export function columnsFor(width: number): { shown: readonly number[]; layout: string } {
  if (width < 720) return { shown: NARROW_COLUMNS, layout: ' is-narrow' };
  if (width < 1000) return { shown: MEDIUM_COLUMNS, layout: ' is-medium' };
  return { shown: ALL_COLUMNS, layout: '' };
}
