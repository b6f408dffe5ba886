import { useEffect, useMemo, useReducer, useRef, useState, type RefObject } from 'react';
import { message, type Message } from '../../i18n/message';
import { useServices } from '../../services/widget-services';
import {
  draftEdits,
  draftRows,
  editorReducer,
  INITIAL_EDITOR,
  type EditorState,
} from './editor-state';
import { keepDraft, readDraft } from './draft-store';
import { toShared, type CallDataMessageId } from './messages';
import { mergeEdits, type Conflict } from './three-way-merge';
import { checkDraft } from './validation';

type FocusTarget = 'edit' | 'review' | 'first' | 'error';

export interface EditorFlowOptions {
  /** Whose call data this is (conversation and participant): the draft survives a call switch. */
  draftKey: string;
  theirs: Readonly<Record<string, string>>;
  root: RefObject<HTMLElement | null>;
  editButton: RefObject<HTMLButtonElement | null>;
  reviewHeading: RefObject<HTMLHeadingElement | null>;
  save(values: Record<string, string>): void;
}

/**
 * Editing, reviewing and saving call data: validation before anything is sent, the diff, the
 * three-way merge against the live attributes (conflicts shown until the agent chooses), one
 * PATCH per save with only the changed keys, and focus that goes somewhere sensible after each
 * step.
 */
export function useEditorFlow({
  draftKey,
  theirs,
  root,
  editButton,
  reviewHeading,
  save,
}: EditorFlowOptions) {
  const services = useServices();
  const { ui } = services;
  const [state, dispatch] = useReducer(
    editorReducer,
    undefined,
    () => readDraft(services, draftKey) ?? INITIAL_EDITOR,
  );
  useEffect(() => keepDraft(services, draftKey, state), [services, draftKey, state]);
  // The call view reads this: an ended call with unsaved call data stays in view. Published for
  // as long as the draft is kept (also while the agent looks at another call), cleared once the
  // editor is back in view mode (saved or cancelled).
  useEffect(() => {
    ui.getState().setUnsavedWork(
      draftKey,
      state.mode === 'view' ? undefined : conversationOfDraft(draftKey),
    );
  }, [ui, draftKey, state.mode]);
  const [note, setNote] = useState<Message<CallDataMessageId>>();
  const focusNext = useRef<FocusTarget | null>(null);
  const announce = (m: Message<CallDataMessageId>) => ui.getState().announce(toShared(m));

  const plan = useMemo(() => mergeEdits(draftEdits(state), theirs), [state, theirs]);
  const check = useMemo(
    () => (state.checked ? checkDraft(draftRows(state), theirs) : undefined),
    [state, theirs],
  );
  const conflicts = useMemo(
    () => new Map<string, Conflict>(plan.conflicts.map((c) => [c.key, c])),
    [plan],
  );
  useConflictAnnouncements(state, plan.conflicts, announce);

  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    const form = root.current;
    if (target === 'edit') editButton.current?.focus();
    else if (target === 'review') reviewHeading.current?.focus();
    else if (target === 'error') form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    else
      form?.querySelector<HTMLElement>('.call-data-form .call-data-input:not(:disabled)')?.focus();
  });

  const go = (target: FocusTarget, action: Parameters<typeof dispatch>[0]) => {
    focusNext.current = target;
    setNote(undefined);
    dispatch(action);
  };

  const review = () => {
    const result = checkDraft(draftRows(state), theirs);
    if (!result.ok) {
      const count = result.rows.size + (result.total ? 1 : 0);
      go('error', { type: 'check' });
      announce(message('callData.fixFirst', { count }));
      return;
    }
    if (Object.keys(plan.write).length === 0 && plan.conflicts.length === 0) {
      const nothing = message('callData.nothingToSave');
      setNote(nothing);
      announce(nothing);
      return;
    }
    go('review', { type: 'review' });
  };

  const commit = () => {
    const now = mergeEdits(draftEdits(state), theirs);
    if (now.conflicts.length > 0) return;
    const rows = draftRows(state).filter((row) => Object.hasOwn(now.write, row.key));
    if (!checkDraft(rows, theirs).ok) {
      go('error', { type: 'back' });
      dispatch({ type: 'check' });
      return;
    }
    if (Object.keys(now.write).length > 0) save(now.write);
    go('edit', { type: 'saved' });
  };

  return {
    state,
    dispatch,
    plan,
    check,
    conflicts,
    note,
    start: () => go('first', { type: 'start' }),
    cancel: () => go('edit', { type: 'cancel' }),
    back: () => go('first', { type: 'back' }),
    review,
    commit,
    keepTheirs: (key: string) => {
      dispatch({ type: 'keepTheirs', key });
      announce(message('callData.conflict.keptTheirs', { key }));
    },
    takeMine: (key: string) => {
      dispatch({
        type: 'takeMine',
        key,
        theirs: Object.hasOwn(theirs, key) ? theirs[key] : undefined,
      });
      announce(message('callData.conflict.tookMine', { key }));
    },
  };
}

/** The call of a draft key (`conversationId/participantId`). */
const conversationOfDraft = (draftKey: string): string => draftKey.split('/')[0] ?? draftKey;

/** Each new conflict (a key and the value that appeared underneath) is announced once. */
function useConflictAnnouncements(
  state: EditorState,
  conflicts: readonly Conflict[],
  announce: (m: Message<CallDataMessageId>) => void,
) {
  const said = useRef(new Set<string>());
  const signature = conflicts.map((c) => `${c.key}\u0000${c.theirs ?? ''}`).join('\u0001');
  useEffect(() => {
    if (state.mode === 'view') {
      said.current.clear();
      return;
    }
    for (const c of conflicts) {
      const id = `${c.key}\u0000${c.theirs ?? ''}`;
      if (said.current.has(id)) continue;
      said.current.add(id);
      announce(message('callData.conflict.announce', { key: c.key }));
    }
    // `signature` stands for the conflicts' content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, state.mode]);
}
