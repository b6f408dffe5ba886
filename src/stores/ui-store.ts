import { createStore } from 'zustand/vanilla';

export interface Announcement {
  id: number;
  text: string;
}

export interface UiState {
  /** The latest message for the aria-live region. */
  announcement?: Announcement;
  announce(text: string): void;
}

/** UI-only client state of one widget: what the screen reader should hear next. */
export function createUiStore() {
  let next = 0;
  return createStore<UiState>()((set) => ({
    announcement: undefined,
    announce: (text) => set({ announcement: { id: (next += 1), text } }),
  }));
}

export type UiStore = ReturnType<typeof createUiStore>;
