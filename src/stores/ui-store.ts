import { createStore } from 'zustand/vanilla';
import type { Message, Problem } from '../i18n/message';

export interface Announcement {
  id: number;
  /** A message, or a problem (what failed, why, what to do). */
  content: Message | Problem;
}

export interface UiState {
  /** The latest message for the aria-live region. */
  announcement?: Announcement;
  announce(content: Message | Problem): void;
  /** The call the agent panel shows (kept across remounts; a new call never takes over). */
  selectedCallId?: string;
  selectCall(conversationId: string | undefined): void;
  /**
   * Calls on which the agent has unsaved work (a call-data edit not saved or cancelled), by the
   * work's owner (e.g. the draft's key) → its call. Published by the feature doing the work,
   * read by the call view (an ended call with unsaved work stays in view).
   */
  unsavedWork: Readonly<Record<string, string>>;
  /** Marks `owner`'s unsaved work on a call, or clears it (`undefined`). */
  setUnsavedWork(owner: string, conversationId: string | undefined): void;
}

/** Whether the agent has unsaved work on this call. */
export const hasUnsavedWork = (state: UiState, conversationId: string): boolean =>
  Object.values(state.unsavedWork).includes(conversationId);

/** UI-only client state of one widget: what the screen reader should hear next. */
export function createUiStore() {
  let next = 0;
  return createStore<UiState>()((set) => ({
    announcement: undefined,
    announce: (content) => set({ announcement: { id: (next += 1), content } }),
    selectedCallId: undefined,
    selectCall: (selectedCallId) => set({ selectedCallId }),
    unsavedWork: {},
    setUnsavedWork: (owner, conversationId) =>
      set(({ unsavedWork }) => {
        if (unsavedWork[owner] === conversationId) return {};
        const rest = Object.entries(unsavedWork).filter(([key]) => key !== owner);
        if (conversationId !== undefined) rest.push([owner, conversationId]);
        return { unsavedWork: Object.fromEntries(rest) };
      }),
  }));
}

export type UiStore = ReturnType<typeof createUiStore>;
