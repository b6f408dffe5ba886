import { slotKey, type WidgetSlots } from '../../services/widget-slots';
import type { EditorState } from './editor-state';

/**
 * Unsaved call-data edits, kept per widget (in its slots) and per participant while the agent
 * looks at another call, so switching away and back loses nothing. A draft goes when the editor
 * is back in view mode (saved or cancelled); past `MAX_DRAFTS` the oldest draft goes.
 */
export const MAX_DRAFTS = 20;

const DRAFTS = slotKey<Map<string, EditorState>>('call-data.drafts');

/** The widget whose drafts these are: its services, or anything holding its slots. */
type Widget = { slots: WidgetSlots };

export function readDraft(widget: Widget, key: string): EditorState | undefined {
  return widget.slots.peek(DRAFTS)?.get(key);
}

export function keepDraft(widget: Widget, key: string, state: EditorState): void {
  const kept = widget.slots.get(DRAFTS, () => new Map());
  kept.delete(key);
  if (state.mode === 'view') return;
  kept.set(key, state);
  for (const oldest of kept.keys()) {
    if (kept.size <= MAX_DRAFTS) break;
    kept.delete(oldest);
  }
}
