import type { EditorState } from './editor-state';

/**
 * Unsaved call-data edits, kept per widget and per participant while the agent looks at another
 * call, so switching away and back loses nothing. A draft goes when the editor is back in view
 * mode (saved or cancelled); past `MAX_DRAFTS` the oldest draft goes.
 */
export const MAX_DRAFTS = 20;

const drafts = new WeakMap<object, Map<string, EditorState>>();

export function readDraft(widget: object, key: string): EditorState | undefined {
  return drafts.get(widget)?.get(key);
}

export function keepDraft(widget: object, key: string, state: EditorState): void {
  let kept = drafts.get(widget);
  if (!kept) {
    kept = new Map();
    drafts.set(widget, kept);
  }
  kept.delete(key);
  if (state.mode === 'view') return;
  kept.set(key, state);
  for (const oldest of kept.keys()) {
    if (kept.size <= MAX_DRAFTS) break;
    kept.delete(oldest);
  }
}
