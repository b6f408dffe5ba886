/**
 * The keyboard model of the live table (WAI-ARIA APG grid pattern): one active cell; arrows
 * move it, Home/End go to the row's ends, Ctrl+Home/End to the grid's, PageUp/PageDown by a
 * page of rows. Row 0 is the header row. Pure: the component applies the answer.
 */
export interface GridCell {
  row: number;
  col: number;
}

export interface GridSize {
  /** Rows including the header row. */
  rows: number;
  cols: number;
  /** Rows a page key moves. */
  pageRows: number;
}

export interface GridKey {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The cell a key moves to; null when the key is not the grid's (let it through). */
export function nextCell(cell: GridCell, key: GridKey, size: GridSize): GridCell | null {
  const lastRow = Math.max(0, size.rows - 1);
  const lastCol = Math.max(0, size.cols - 1);
  const row = clamp(cell.row, 0, lastRow);
  const col = clamp(cell.col, 0, lastCol);
  const ctrl = key.ctrlKey === true || key.metaKey === true;
  switch (key.key) {
    case 'ArrowUp':
      return { row: Math.max(0, row - 1), col };
    case 'ArrowDown':
      return { row: Math.min(lastRow, row + 1), col };
    case 'ArrowLeft':
      return { row, col: Math.max(0, col - 1) };
    case 'ArrowRight':
      return { row, col: Math.min(lastCol, col + 1) };
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : { row, col: 0 };
    case 'End':
      return ctrl ? { row: lastRow, col: lastCol } : { row, col: lastCol };
    case 'PageDown':
      return { row: Math.min(lastRow, row + Math.max(1, size.pageRows)), col };
    case 'PageUp':
      // From the body a page stops at the first body row; only from it does it reach the header.
      return {
        row: row > 1 ? Math.max(1, row - Math.max(1, size.pageRows)) : 0,
        col,
      };
    default:
      return null;
  }
}
