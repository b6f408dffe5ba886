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

/**
 * The columns a narrow grid shows, whole (agent, caller, duration, state); the rest (queue,
 * mute / hold, recording, playback) are on the opened call.
 */
export const NARROW_COLUMNS: readonly number[] = (
  ['agent', 'customer', 'duration', 'state'] as const
).map((key) => COLUMNS.findIndex((c) => c.key === key));
