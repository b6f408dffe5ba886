import { useCallback, useState } from 'react';
import { safeStorage, type SafeStorage } from '../../platform/safe-storage';
import { useSession } from '../../services/widget-services';

/** The page's localStorage, guarded (a framed widget may have none: then nothing is kept). */
const localStore = (): SafeStorage =>
  safeStorage(() => (typeof window === 'undefined' ? undefined : window.localStorage));

/** The storage key of one section's state for one agent. */
export const sectionKey = (userId: string, section: string) => `lcp.section.${userId}.${section}`;

/**
 * Whether a collapsible section is open, remembered per agent across calls and sessions (the
 * browser's localStorage, guarded: without storage the section starts as `initial` each time).
 *
 * @example
 * const [open, setOpen] = useRememberedOpen('playback', false);
 */
export function useRememberedOpen(
  section: string,
  initial: boolean,
): [boolean, (open: boolean) => void] {
  const userId = useSession((s) => s.user?.id);
  const [open, setOpenState] = useState(() => {
    if (!userId) return initial;
    const stored = localStore().get(sectionKey(userId, section));
    return stored === null ? initial : stored === '1';
  });
  const setOpen = useCallback(
    (next: boolean) => {
      setOpenState(next);
      if (userId) localStore().set(sectionKey(userId, section), next ? '1' : '0');
    },
    [userId, section],
  );
  return [open, setOpen];
}
