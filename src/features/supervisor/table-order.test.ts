import { describe, expect, it } from 'vitest';
import type { LiveRow } from './live-row';
import { matchesFilter, movesInOrder, orderRows, toggleSort, type Names } from './table-order';

const row = (id: string, over: Partial<LiveRow> = {}): LiveRow => ({
  id,
  state: 'connected',
  complete: true,
  ...over,
});

const NAMES: Names = {
  agent: (id) => ({ u1: 'Alice Agent', u2: 'bob agent', u3: 'Agent 010', u4: 'Agent 9' })[id],
  queue: (id) => ({ q1: 'Support', q2: 'Sales' })[id],
};

const rows = [
  row('a', { agentUserId: 'u1', queueId: 'q1', since: 300, state: 'held', muted: true }),
  row('b', { agentUserId: 'u2', queueId: 'q2', since: 100, state: 'ringing' }),
  row('c', { queueId: 'q1', since: 200, state: 'waiting' }),
  row('d', { agentUserId: 'u3', queueId: 'q2', state: 'connected', complete: false }),
  row('e', { agentUserId: 'u4', queueId: 'q1', since: 100, state: 'connected' }),
];

describe('orderRows', () => {
  it('sorts by duration, longest first by default order, unknown start last', () => {
    // b and e started together: the agent's name breaks the tie (Agent 9 before bob agent).
    expect(orderRows(rows, { key: 'duration', direction: 'descending' }, {}, NAMES)).toEqual([
      'e',
      'b',
      'c',
      'a',
      'd',
    ]);
    expect(orderRows(rows, { key: 'duration', direction: 'ascending' }, {}, NAMES)).toEqual([
      'a',
      'c',
      'e',
      'b',
      'd',
    ]);
  });

  it('equal durations list by agent name, then by id: stable whatever the arrival order', () => {
    const agents: Names = {
      agent: (id) => `Agent ${id.slice(1).padStart(3, '0')}`,
      queue: () => undefined,
    };
    const tied = ['u3', 'u1', 'u4', 'u2'].map((u, i) =>
      row(`c${i}`, { agentUserId: u, since: 500 }),
    );
    const sameStart = [row('z2', { since: 500 }), row('z1', { since: 500 })];
    const spec = { key: 'duration', direction: 'descending' } as const;
    const expected = ['c1', 'c3', 'c0', 'c2', 'z1', 'z2'];
    expect(orderRows([...tied, ...sameStart], spec, {}, agents)).toEqual(expected);
    expect(orderRows([...sameStart, ...tied].reverse(), spec, {}, agents)).toEqual(expected);
  });

  it('sorts agents by name (any case, numbers as numbers) with no agent last', () => {
    expect(orderRows(rows, { key: 'agent', direction: 'ascending' }, {}, NAMES)).toEqual([
      'e',
      'd',
      'a',
      'b',
      'c',
    ]);
    expect(orderRows(rows, { key: 'agent', direction: 'descending' }, {}, NAMES)).toEqual([
      'b',
      'a',
      'd',
      'e',
      'c',
    ]);
  });

  it('sorts states by what needs attention first, and queues by name', () => {
    expect(orderRows(rows, { key: 'state', direction: 'ascending' }, {}, NAMES)).toEqual([
      'b',
      'c',
      'a',
      'e',
      'd',
    ]);
    expect(
      orderRows(rows, { key: 'queue', direction: 'ascending' }, {}, NAMES).slice(0, 2),
    ).toEqual(['d', 'b']); // both Sales: Agent 010 before bob agent
  });

  it('filters by queue, state, muted and part of the agent’s name', () => {
    const order = (filter: Parameters<typeof orderRows>[2]) =>
      orderRows(rows, { key: 'duration', direction: 'descending' }, filter, NAMES);
    expect(order({ queueId: 'q2' })).toEqual(['b', 'd']);
    expect(order({ state: 'connected' })).toEqual(['e', 'd']);
    expect(order({ state: 'muted' })).toEqual(['a']);
    expect(order({ agent: '  AGENT ' })).toEqual(['e', 'b', 'a', 'd']);
    expect(order({ agent: 'bob', queueId: 'q1' })).toEqual([]);
    expect(order({ state: 'all' })).toHaveLength(5);
  });

  it('a row whose agent’s name is unknown does not match a name filter', () => {
    expect(matchesFilter(row('x', { agentUserId: 'u404' }), { agent: 'a' }, NAMES)).toBe(false);
  });
});

describe('toggleSort', () => {
  it('starts a new column ascending and flips the current one', () => {
    expect(toggleSort({ key: 'duration', direction: 'descending' }, 'agent')).toEqual({
      key: 'agent',
      direction: 'ascending',
    });
    expect(toggleSort({ key: 'agent', direction: 'ascending' }, 'agent').direction).toBe(
      'descending',
    );
  });
});

describe('movesInOrder', () => {
  const before = row('a', { agentUserId: 'u1', since: 300, muted: false });
  const bySince = { key: 'duration', direction: 'descending' } as const;
  it('a mute under the default sort and no filter does not move a row', () => {
    expect(movesInOrder(before, { ...before, muted: true }, bySince, {}, NAMES)).toBe(false);
  });
  it('a new start, a new sort value or a filter that now drops the row does', () => {
    expect(movesInOrder(before, { ...before, since: 200 }, bySince, {}, NAMES)).toBe(true);
    const byAgent = { key: 'agent', direction: 'ascending' } as const;
    expect(movesInOrder(before, { ...before, agentUserId: 'u2' }, byAgent, {}, NAMES)).toBe(true);
    const mutedOnly = { state: 'muted' } as const;
    expect(movesInOrder(before, { ...before, muted: true }, bySince, mutedOnly, NAMES)).toBe(true);
  });
  it('a new agent under the default sort does: the agent breaks ties of equal durations', () => {
    expect(movesInOrder(before, { ...before, agentUserId: 'u4' }, bySince, {}, NAMES)).toBe(true);
  });
});
