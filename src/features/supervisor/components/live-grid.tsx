import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import type { LiveTable } from '../api/use-live-table';
import { nextCell, type GridCell } from '../grid-keys';
import { toggleSort } from '../table-order';
import { useSupervisorT } from '../text';
import { columnsFor, COLUMNS } from './columns';
import { GridRow } from './grid-row';
import { GridStatus } from './grid-status';
import { useTableView } from './use-model';

const OVERSCAN = 8;
const WIDE_ROW = 44;
const NARROW_ROW = 64;
/** Below this width a row takes two lines (the widget may sit in a 320–400 px frame). */
const NARROW_BELOW = 720;

interface Active {
  header: boolean;
  col: number;
  /** The active row's call (kept across re-sorting) and its last index (when the call left). */
  id?: string;
  index: number;
}

function useBox(ref: RefObject<HTMLDivElement | null>) {
  const [box, setBox] = useState({ top: 0, height: 480, width: 1024 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () =>
      setBox((b) => ({
        ...b,
        height: el.clientHeight || b.height,
        width: el.clientWidth || b.width,
      }));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return [box, setBox] as const;
}

/**
 * Every live call of the chosen queues as an ARIA grid (APG pattern: one tab stop, arrows move
 * between cells, Enter opens the call), virtualised: only the rows in view (and the active one)
 * are in the DOM, so 500 calls cost what 20 do.
 */
export function LiveGrid({
  table,
  openId,
  onOpen,
}: {
  table: LiveTable;
  openId?: string;
  onOpen(id: string): void;
}) {
  const { model, watch } = table;
  const t = useSupervisorT();
  const { order, sort } = useTableView(model);
  const scroller = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);
  const [box, setBox] = useBox(scroller);
  const [active, setActive] = useState<Active>({ header: false, col: 0, index: 0 });
  const rowHeight = box.width < NARROW_BELOW ? NARROW_ROW : WIDE_ROW;
  // A narrower grid shows fewer columns, each whole; the active cell stays on a shown one.
  const { shown, layout } = columnsFor(box.width);
  const activeCol = shown.includes(active.col) ? active.col : shown[0]!;
  const found = active.id === undefined ? -1 : order.indexOf(active.id);
  const activeIndex = Math.min(order.length - 1, found >= 0 ? found : active.index);
  const activeRow = active.header || order.length === 0 ? 0 : activeIndex + 1;

  const first = Math.max(0, Math.floor(box.top / rowHeight) - OVERSCAN);
  const last = Math.min(order.length, Math.ceil((box.top + box.height) / rowHeight) + OVERSCAN);
  const indices = Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i);
  if (activeRow > 0 && (activeIndex < first || activeIndex >= last)) indices.push(activeIndex);

  // Read the calls on screen first while the snapshot is still reading.
  const visible = order.slice(first, last).join();
  useEffect(() => watch.prioritize(visible ? visible.split(',') : []), [watch, visible]);

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    grid.current
      ?.querySelector<HTMLElement>('[data-active-cell="true"]')
      ?.focus({ preventScroll: true });
  });

  const reveal = useCallback(
    (index: number) => {
      const el = scroller.current;
      if (!el) return;
      const top = index * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + el.clientHeight)
        el.scrollTop = top + rowHeight - el.clientHeight;
      setBox((b) => ({ ...b, top: el.scrollTop }));
    },
    [rowHeight, setBox],
  );

  const moveTo = (next: GridCell) => {
    if (next.row === 0) setActive({ header: true, col: next.col, index: activeIndex });
    else {
      const index = next.row - 1;
      setActive({ header: false, col: next.col, id: order[index], index });
      reveal(index);
    }
    focusPending.current = true;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.target as HTMLElement).closest('[data-cell]')) return;
    if (e.key === 'Enter' && activeRow > 0) {
      e.preventDefault();
      const id = order[activeRow - 1];
      if (id) onOpen(id);
      return;
    }
    const pageRows = Math.max(1, Math.floor(box.height / rowHeight) - 1);
    const next = nextCell({ row: activeRow, col: shown.indexOf(activeCol) }, e, {
      rows: order.length + 1,
      cols: shown.length,
      pageRows,
    });
    if (!next) return;
    e.preventDefault();
    moveTo({ ...next, col: shown[next.col]! });
  };

  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (!cell) return;
    const col = Number(cell.dataset.col ?? 0);
    const id = cell.dataset.rowId;
    if (id === undefined) {
      if (!active.header || active.col !== col)
        setActive({ header: true, col, index: activeIndex });
    } else if (active.header || active.id !== id || active.col !== col) {
      setActive({ header: false, col, id, index: order.indexOf(id) });
    }
  };

  return (
    <section className="supervisor-table" aria-labelledby="supervisor-grid-label">
      <GridStatus model={model} watch={watch} />
      <div
        ref={grid}
        role="grid"
        id="supervisor-grid"
        aria-labelledby="supervisor-grid-label"
        aria-describedby="supervisor-grid-hint"
        aria-rowcount={order.length + 1}
        aria-colcount={COLUMNS.length}
        className={`supervisor-grid${layout}`}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        <div role="rowgroup" className="supervisor-head">
          <div role="row" aria-rowindex={1} className="supervisor-row supervisor-head-row">
            {shown.map((col) => {
              const column = COLUMNS[col]!;
              const tabbable = activeRow === 0 && activeCol === col;
              const sorted = 'sort' in column && sort.key === column.sort;
              const label = t(`supervisor.col.${column.key}`);
              return (
                <div
                  key={column.key}
                  role="columnheader"
                  aria-colindex={col + 1}
                  aria-sort={sorted ? sort.direction : undefined}
                  className={`supervisor-cell supervisor-cell-${column.key}`}
                  data-cell=""
                  data-col={col}
                  tabIndex={'sort' in column ? undefined : tabbable ? 0 : -1}
                  data-active-cell={!('sort' in column) && tabbable ? 'true' : undefined}
                >
                  {'sort' in column ? (
                    <button
                      type="button"
                      className="supervisor-sort"
                      tabIndex={tabbable ? 0 : -1}
                      data-active-cell={tabbable ? 'true' : undefined}
                      onClick={() => model.setSort(toggleSort(sort, column.sort))}
                    >
                      {label}
                      <span aria-hidden="true" className="supervisor-sort-mark">
                        {sorted ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  ) : (
                    label
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div
          ref={scroller}
          className="supervisor-scroller"
          data-testid="supervisor-scroller"
          onScroll={(e) => {
            const top = e.currentTarget.scrollTop;
            setBox((b) => (b.top === top ? b : { ...b, top }));
          }}
        >
          <div
            role="rowgroup"
            className="supervisor-body-rows"
            style={{ height: order.length * rowHeight }}
          >
            {indices.map((index) => {
              const id = order[index]!;
              return (
                <GridRow
                  key={id}
                  model={model}
                  id={id}
                  index={index}
                  rowHeight={rowHeight}
                  columns={shown}
                  activeCol={activeRow === index + 1 ? activeCol : -1}
                  opened={openId === id}
                  onOpen={onOpen}
                />
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
