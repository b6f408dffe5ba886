import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextCell, type GridSize } from './grid-keys';

const SIZE: GridSize = { rows: 11, cols: 8, pageRows: 4 };

describe('nextCell', () => {
  it('moves one cell with the arrows and stops at the edges', () => {
    expect(nextCell({ row: 3, col: 2 }, { key: 'ArrowDown' }, SIZE)).toEqual({ row: 4, col: 2 });
    expect(nextCell({ row: 3, col: 2 }, { key: 'ArrowUp' }, SIZE)).toEqual({ row: 2, col: 2 });
    expect(nextCell({ row: 3, col: 2 }, { key: 'ArrowLeft' }, SIZE)).toEqual({ row: 3, col: 1 });
    expect(nextCell({ row: 3, col: 7 }, { key: 'ArrowRight' }, SIZE)).toEqual({ row: 3, col: 7 });
    expect(nextCell({ row: 0, col: 0 }, { key: 'ArrowUp' }, SIZE)).toEqual({ row: 0, col: 0 });
    expect(nextCell({ row: 10, col: 0 }, { key: 'ArrowDown' }, SIZE)).toEqual({ row: 10, col: 0 });
  });

  it('goes to the row’s ends with Home/End and the grid’s with Ctrl', () => {
    expect(nextCell({ row: 5, col: 3 }, { key: 'Home' }, SIZE)).toEqual({ row: 5, col: 0 });
    expect(nextCell({ row: 5, col: 3 }, { key: 'End' }, SIZE)).toEqual({ row: 5, col: 7 });
    expect(nextCell({ row: 5, col: 3 }, { key: 'Home', ctrlKey: true }, SIZE)).toEqual({
      row: 0,
      col: 0,
    });
    expect(nextCell({ row: 5, col: 3 }, { key: 'End', metaKey: true }, SIZE)).toEqual({
      row: 10,
      col: 7,
    });
  });

  it('pages by a page of rows; PageUp stops at the first body row before the header', () => {
    expect(nextCell({ row: 2, col: 1 }, { key: 'PageDown' }, SIZE)).toEqual({ row: 6, col: 1 });
    expect(nextCell({ row: 9, col: 1 }, { key: 'PageDown' }, SIZE)).toEqual({ row: 10, col: 1 });
    expect(nextCell({ row: 3, col: 1 }, { key: 'PageUp' }, SIZE)).toEqual({ row: 1, col: 1 });
    expect(nextCell({ row: 1, col: 1 }, { key: 'PageUp' }, SIZE)).toEqual({ row: 0, col: 1 });
  });

  it('lets other keys through', () => {
    expect(nextCell({ row: 1, col: 1 }, { key: 'Enter' }, SIZE)).toBeNull();
    expect(nextCell({ row: 1, col: 1 }, { key: 'a' }, SIZE)).toBeNull();
  });

  it('always lands inside the grid, even from a stale cell of a shrunken table', () => {
    const keys = [
      'ArrowUp',
      'ArrowDown',
      'ArrowLeft',
      'ArrowRight',
      'Home',
      'End',
      'PageUp',
      'PageDown',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: -5, max: 700 }),
        fc.integer({ min: -5, max: 20 }),
        fc.constantFrom(...keys),
        fc.boolean(),
        (rows, cols, row, col, key, ctrlKey) => {
          const next = nextCell({ row, col }, { key, ctrlKey }, { rows, cols, pageRows: 10 })!;
          expect(next.row).toBeGreaterThanOrEqual(0);
          expect(next.row).toBeLessThan(rows);
          expect(next.col).toBeGreaterThanOrEqual(0);
          expect(next.col).toBeLessThan(cols);
        },
      ),
    );
  });
});
