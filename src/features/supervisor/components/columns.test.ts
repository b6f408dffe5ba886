import { describe, expect, it } from 'vitest';
import { columnsFor, COLUMNS } from './columns';

const keys = (width: number) => columnsFor(width).shown.map((i) => COLUMNS[i]!.key);

describe('columnsFor', () => {
  it('shows fewer columns as the grid narrows, always agent, caller, duration and state', () => {
    expect(keys(1200)).toHaveLength(8);
    expect(keys(830)).toEqual(['agent', 'customer', 'queue', 'duration', 'state', 'flags']);
    expect(keys(376)).toEqual(['agent', 'customer', 'duration', 'state']);
    expect(columnsFor(376).layout).toBe(' is-narrow');
  });
});
