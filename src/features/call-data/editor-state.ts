import type { Edit } from './three-way-merge';
import type { DraftRow } from './validation';

/** A key the agent is adding; `base` is set when they took theirs over someone else's value. */
export interface NewRow {
  id: string;
  key: string;
  value: string;
  base?: string;
}

export interface EditorState {
  mode: 'view' | 'edit' | 'review';
  /** Edits of keys the participant has, each with the value it had when the agent started. */
  edits: Record<string, Edit>;
  added: NewRow[];
  /** Validation messages show once the agent asked to review (then they follow every change). */
  checked: boolean;
  nextId: number;
}

export type EditorAction =
  | { type: 'start' }
  | { type: 'cancel' }
  | { type: 'change'; key: string; value: string; theirs: string | undefined }
  | { type: 'add' }
  | { type: 'changeNew'; id: string; field: 'key' | 'value'; value: string }
  | { type: 'remove'; id: string }
  | { type: 'check' }
  | { type: 'review' }
  | { type: 'back' }
  | { type: 'keepTheirs'; key: string }
  | { type: 'takeMine'; key: string; theirs: string | undefined }
  | { type: 'saved' };

export const INITIAL_EDITOR: EditorState = {
  mode: 'view',
  edits: {},
  added: [],
  checked: false,
  nextId: 1,
};

const isChanged = (edit: Edit | undefined): edit is Edit =>
  edit !== undefined && edit.mine !== edit.base;
const isBlank = (row: NewRow) => row.key === '' && row.value === '';

/**
 * The panel's editing state. An edit's base is the value the key had when the agent started
 * changing it; a key they have not changed (or changed back) follows the live value.
 */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'start':
      return { ...INITIAL_EDITOR, mode: 'edit', nextId: state.nextId };
    case 'cancel':
    case 'saved':
      return { ...INITIAL_EDITOR, nextId: state.nextId };
    case 'change': {
      const previous = state.edits[action.key];
      const base = isChanged(previous) ? previous.base : action.theirs;
      return {
        ...state,
        edits: { ...state.edits, [action.key]: { base, mine: action.value } },
      };
    }
    case 'add':
      return {
        ...state,
        added: [...state.added, { id: `new-${state.nextId}`, key: '', value: '' }],
        nextId: state.nextId + 1,
      };
    case 'changeNew':
      return {
        ...state,
        added: state.added.map((row) =>
          row.id === action.id ? { ...row, [action.field]: action.value } : row,
        ),
      };
    case 'remove':
      return { ...state, added: state.added.filter((row) => row.id !== action.id) };
    case 'check':
      return { ...state, checked: true };
    case 'review':
      return { ...state, mode: 'review', checked: true };
    case 'back':
      return { ...state, mode: 'edit' };
    case 'keepTheirs': {
      const { [action.key]: _dropped, ...edits } = state.edits;
      return { ...state, edits, added: state.added.filter((row) => row.key !== action.key) };
    }
    case 'takeMine': {
      const edit = state.edits[action.key];
      return {
        ...state,
        edits: edit
          ? { ...state.edits, [action.key]: { base: action.theirs, mine: edit.mine } }
          : state.edits,
        added: state.added.map((row) =>
          row.key === action.key ? { ...row, base: action.theirs } : row,
        ),
      };
    }
    default:
      return state;
  }
}

/** The value an existing key's input shows: the agent's while changed, else the live one. */
export function shownValue(state: EditorState, key: string, theirs: string | undefined): string {
  const edit = state.edits[key];
  return isChanged(edit) ? edit.mine : (theirs ?? '');
}

/** Every change the agent made, for the three-way merge (new keys based on `undefined`). */
export function draftEdits(state: EditorState): Record<string, Edit> {
  const entries: [string, Edit][] = Object.entries(state.edits).filter(([, e]) => isChanged(e));
  for (const row of state.added)
    if (!isBlank(row)) entries.push([row.key, { base: row.base, mine: row.value }]);
  return Object.fromEntries(entries);
}

/** The rows to validate: changed values of existing keys, and the new keys. */
export function draftRows(state: EditorState): DraftRow[] {
  const rows: DraftRow[] = Object.entries(state.edits)
    .filter(([, e]) => isChanged(e))
    .map(([key, e]) => ({ id: `key:${key}`, key, value: e.mine, isNew: false }));
  for (const row of state.added)
    if (!isBlank(row))
      rows.push({ id: row.id, key: row.key, value: row.value, isNew: row.base === undefined });
  return rows;
}
