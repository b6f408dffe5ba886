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
