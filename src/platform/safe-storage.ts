/**
 * sessionStorage that never throws. In a third-party iframe (an interaction widget) the browser
 * may block storage: reading `window.sessionStorage` itself throws a SecurityError. Every access
 * goes through here; `available` says whether writes stick.
 */
export interface SafeStorage {
  readonly available: boolean;
  get(key: string): string | null;
  /** False when the browser refused the write. */
  set(key: string, value: string): boolean;
  remove(key: string): void;
  /** Keys that start with `prefix` (for housekeeping). */
  keys(prefix: string): string[];
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export function safeStorage(get: () => StorageLike | undefined): SafeStorage {
  const storage = (): StorageLike | undefined => {
    try {
      return get();
    } catch {
      return undefined;
    }
  };
  const probe = () => {
    try {
      const s = storage();
      if (!s) return false;
      s.setItem('lcp.probe', '1');
      s.removeItem('lcp.probe');
      return true;
    } catch {
      return false;
    }
  };
  return {
    available: probe(),
    get: (key) => {
      try {
        return storage()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set: (key, value) => {
      try {
        const s = storage();
        if (!s) return false;
        s.setItem(key, value);
        return true;
      } catch {
        return false;
      }
    },
    remove: (key) => {
      try {
        storage()?.removeItem(key);
      } catch {
        // Blocked storage holds nothing to remove.
      }
    },
    keys: (prefix) => {
      try {
        const s = storage();
        if (!s) return [];
        const out: string[] = [];
        for (let i = 0; i < s.length; i += 1) {
          const key = s.key(i);
          if (key?.startsWith(prefix)) out.push(key);
        }
        return out;
      } catch {
        return [];
      }
    },
  };
}

/** The page's sessionStorage, guarded. */
export const sessionStore = (win?: Window): SafeStorage =>
  safeStorage(() => (win ?? (typeof window === 'undefined' ? undefined : window))?.sessionStorage);
