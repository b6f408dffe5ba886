import { describe, expect, it } from 'vitest';
import { editorReducer, INITIAL_EDITOR } from './editor-state';
import { WidgetSlots } from '../../services/widget-slots';
import { keepDraft, MAX_DRAFTS, readDraft } from './draft-store';

const aWidget = () => ({ slots: new WidgetSlots() });

const editing = (value: string) =>
  editorReducer(editorReducer(INITIAL_EDITOR, { type: 'start' }), {
    type: 'change',
    key: 'tier',
    value,
    theirs: 'Silver',
  });

describe('draft store', () => {
  it('keeps an unsaved edit per widget and participant until the editor leaves edit mode', () => {
    const widget = aWidget();
    const other = aWidget();
    keepDraft(widget, 'c1/p1', editing('Gold'));
    expect(readDraft(widget, 'c1/p1')?.edits.tier).toEqual({ base: 'Silver', mine: 'Gold' });
    expect(readDraft(widget, 'c2/p1')).toBeUndefined();
    expect(readDraft(other, 'c1/p1')).toBeUndefined();
    keepDraft(widget, 'c1/p1', editorReducer(editing('Gold'), { type: 'cancel' }));
    expect(readDraft(widget, 'c1/p1')).toBeUndefined();
  });

  it('drops the oldest draft past the limit, counting a touched draft as new', () => {
    const widget = aWidget();
    for (let i = 0; i < MAX_DRAFTS; i += 1) keepDraft(widget, `c${i}`, editing(String(i)));
    keepDraft(widget, 'c0', editing('again'));
    keepDraft(widget, 'new', editing('new'));
    expect(readDraft(widget, 'c0')?.edits.tier?.mine).toBe('again');
    expect(readDraft(widget, 'c1')).toBeUndefined();
    expect(readDraft(widget, 'new')).toBeDefined();
  });

  it('leaves nothing behind when the widget stops', () => {
    const widget = aWidget();
    keepDraft(widget, 'c1/p1', editing('Gold'));
    expect(widget.slots.size).toBe(1);
    widget.slots.dispose();
    expect(widget.slots.size).toBe(0);
    expect(readDraft(widget, 'c1/p1')).toBeUndefined();
  });
});
