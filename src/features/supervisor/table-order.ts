import type { LiveRow, RowState } from './live-row';

export type SortKey = 'agent' | 'customer' | 'queue' | 'duration' | 'state';
export type SortDirection = 'ascending' | 'descending';

export interface SortSpec {
  key: SortKey;
  direction: SortDirection;
}

/** `muted` filters on the flag; the rest on the row's state. */
export type StateFilter = RowState | 'muted' | 'all';

export interface RowFilter {
  queueId?: string;
  /** Part of the agent's name, any case. */
  agent?: string;
  state?: StateFilter;
}

/** Names the table shows, looked up by id (undefined until known). */
export interface Names {
  agent(userId: string): string | undefined;
  queue(queueId: string): string | undefined;
}

export const DEFAULT_SORT: SortSpec = { key: 'duration', direction: 'descending' };

/** The order of states when sorting by state: what needs attention first. */
const STATE_RANK: Record<RowState, number> = {
  ringing: 0,
  waiting: 1,
  held: 2,
  inFlow: 3,
  connected: 4,
  other: 5,
  ended: 6,
};

export function matchesFilter(row: LiveRow, filter: RowFilter, names: Names): boolean {
  if (filter.queueId && row.queueId !== filter.queueId) return false;
  const state = filter.state ?? 'all';
  if (state === 'muted' ? row.muted !== true : state !== 'all' && row.state !== state) return false;
  const wanted = filter.agent?.trim().toLowerCase();
  if (wanted) {
    const name = row.agentUserId ? names.agent(row.agentUserId) : undefined;
    if (!name?.toLowerCase().includes(wanted)) return false;
  }
  return true;
}

/** The value a row sorts by; undefined sorts last in either direction. */
function sortValue(row: LiveRow, key: SortKey, names: Names): string | number | undefined {
  switch (key) {
    case 'agent':
      return row.agentUserId ? names.agent(row.agentUserId) || undefined : undefined;
    case 'queue':
      return row.queueId ? names.queue(row.queueId) || undefined : undefined;
    case 'customer':
      return row.customer;
    case 'state':
      return STATE_RANK[row.state];
    case 'duration':
      // A longer call started earlier: duration is the negated start.
      return row.since === undefined ? undefined : -row.since;
  }
}

/**
 * Names compare any case, numbers as numbers. One collator for every comparison: a
 * `localeCompare` with options builds a collator per call, some 40 times slower, which made each
 * sort of a 2,000-call floor a long task.
 */
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

type SortValue = string | number | undefined;

/** Undefined sorts last in either direction; `sign` is 1 ascending, -1 descending. */
function compareValues(x: SortValue, y: SortValue, sign: number): number {
  if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
  if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign;
  return collator.compare(String(x), String(y)) * sign;
}

/** A row with what it sorts by, read once per sort rather than once per comparison. */
interface Keyed {
  row: LiveRow;
  value: SortValue;
  agent: SortValue;
}

/**
 * Ties: the agent's name (A to Z, numbers as numbers), then the older call, then the id, so
 * equal durations list Agent 001, 002, 003… and the order is stable from frame to frame.
 */
function compareKeyed(a: Keyed, b: Keyed, sign: number): number {
  return (
    compareValues(a.value, b.value, sign) ||
    compareValues(a.agent, b.agent, 1) ||
    (a.row.since ?? Infinity) - (b.row.since ?? Infinity) ||
    (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0)
  );
}

/** The ids of the rows to show, filtered and sorted. */
export function orderRows(
  rows: Iterable<LiveRow>,
  spec: SortSpec,
  filter: RowFilter,
  names: Names,
): string[] {
  const sign = spec.direction === 'ascending' ? 1 : -1;
  const keyed: Keyed[] = [];
  for (const row of rows) {
    if (!matchesFilter(row, filter, names)) continue;
    const value = sortValue(row, spec.key, names);
    keyed.push({
      row,
      value,
      agent: spec.key === 'agent' ? value : sortValue(row, 'agent', names),
    });
  }
  return keyed.sort((a, b) => compareKeyed(a, b, sign)).map((k) => k.row.id);
}

/**
 * Whether a row's new version may stand elsewhere in the order than its old one: its sort value,
 * its agent or its start (the tie-breaks) or whether the filter keeps it changed. A mute or an attribute
 * change under the default sort does not, so the table need not sort again for it.
 */
export function movesInOrder(
  before: LiveRow,
  after: LiveRow,
  spec: SortSpec,
  filter: RowFilter,
  names: Names,
): boolean {
  return (
    sortValue(before, spec.key, names) !== sortValue(after, spec.key, names) ||
    before.since !== after.since ||
    before.agentUserId !== after.agentUserId ||
    matchesFilter(before, filter, names) !== matchesFilter(after, filter, names)
  );
}

/** Clicking a column's sort button: a new column starts ascending, the same one flips. */
export function toggleSort(current: SortSpec, key: SortKey): SortSpec {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
