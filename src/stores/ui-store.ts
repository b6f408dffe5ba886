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
}

/** UI-only client state of one widget: what the screen reader should hear next. */
export function createUiStore() {
  let next = 0;
  return createStore<UiState>()((set) => ({
    announcement: undefined,
    announce: (content) => set({ announcement: { id: (next += 1), content } }),
    selectedCallId: undefined,
    selectCall: (selectedCallId) => set({ selectedCallId }),
  }));
}

export type UiStore = ReturnType<typeof createUiStore>;
