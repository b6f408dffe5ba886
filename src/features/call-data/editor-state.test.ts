import { describe, expect, it } from 'vitest';
import {
  draftEdits,
  draftRows,
  editorReducer,
  INITIAL_EDITOR,
  shownValue,
  type EditorAction,
} from './editor-state';

const run = (...actions: EditorAction[]) =>
  actions.reduce(editorReducer, editorReducer(INITIAL_EDITOR, { type: 'start' }));

describe('editorReducer', () => {
  it('bases an edit on the value when the agent started changing it, not on later keystrokes', () => {
    const state = run(
      { type: 'change', key: 'tier', value: 'G', theirs: 'Silver' },
      { type: 'change', key: 'tier', value: 'Gold', theirs: 'Platinum' },
    );
    expect(draftEdits(state)).toEqual({ tier: { base: 'Silver', mine: 'Gold' } });
  });

  it('a key changed back to its base follows the live value again, and a new change rebases', () => {
    const back = run(
      { type: 'change', key: 'tier', value: 'Gold', theirs: 'Silver' },
      { type: 'change', key: 'tier', value: 'Silver', theirs: 'Silver' },
    );
    expect(draftEdits(back)).toEqual({});
    expect(shownValue(back, 'tier', 'Platinum')).toBe('Platinum');
    const again = editorReducer(back, {
      type: 'change',
      key: 'tier',
      value: 'Gold',
      theirs: 'Platinum',
    });
    expect(draftEdits(again)).toEqual({ tier: { base: 'Platinum', mine: 'Gold' } });
  });

  it('new keys are edits based on nothing; blank rows are ignored; take mine rebases them', () => {
    let state = run({ type: 'add' }, { type: 'add' });
    const [first] = state.added;
    state = editorReducer(state, { type: 'changeNew', id: first!.id, field: 'key', value: 'case' });
    state = editorReducer(state, {
      type: 'changeNew',
      id: first!.id,
      field: 'value',
      value: 'CS-1',
    });
    expect(draftEdits(state)).toEqual({ case: { base: undefined, mine: 'CS-1' } });
    expect(draftRows(state)).toEqual([{ id: first!.id, key: 'case', value: 'CS-1', isNew: true }]);
    state = editorReducer(state, { type: 'takeMine', key: 'case', theirs: 'CS-9' });
    expect(draftEdits(state)).toEqual({ case: { base: 'CS-9', mine: 'CS-1' } });
    expect(draftRows(state)[0]?.isNew).toBe(false);
    state = editorReducer(state, { type: 'keepTheirs', key: 'case' });
    expect(draftEdits(state)).toEqual({});
  });

  it('saving or cancelling forgets the draft; review shows messages from then on', () => {
    const reviewed = run({ type: 'change', key: 'a', value: '1', theirs: '0' }, { type: 'review' });
    expect(reviewed).toMatchObject({ mode: 'review', checked: true });
    expect(editorReducer(reviewed, { type: 'back' }).mode).toBe('edit');
    const saved = editorReducer(reviewed, { type: 'saved' });
    expect(saved).toMatchObject({ mode: 'view', edits: {}, added: [], checked: false });
  });
});
