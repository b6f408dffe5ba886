import { useCallback, useSyncExternalStore } from 'react';
import type { Figures } from '../figures';
import type { LiveRow } from '../live-row';
import type { LiveTableModel, TableView } from '../live-table-model';

/** The table's order, sort and filter (re-renders when they change, not when a row does). */
export function useTableView(model: LiveTableModel): TableView {
  return useSyncExternalStore(
    useCallback((listener) => model.subscribeView(listener), [model]),
    () => model.getView(),
  );
}

/** One row (re-renders only when this row changed). */
export function useRow(model: LiveTableModel, id: string): LiveRow | undefined {
  return useSyncExternalStore(
    useCallback((listener) => model.subscribeRow(id, listener), [model, id]),
    () => model.getRow(id),
  );
}

export function useFigures(model: LiveTableModel): Figures {
  return useSyncExternalStore(
    useCallback((listener) => model.subscribeFigures(listener), [model]),
    () => model.getFigures(),
  );
}
