/**
 * One leader among the widget's instances: the Web Locks API grants a named lock to one holder
 * at a time (across tabs and iframes of the origin) and passes it on when the holder releases it
 * or its page goes away. Without Web Locks every instance leads itself.
 */
export interface LeaderLock {
  /**
   * Calls `onLeader` once the instance `holderId` holds the lock; `release()` gives it up (or
   * stops waiting).
   */
  request(name: string, holderId: string, onLeader: () => void): { release(): void };
  /**
   * The instance holding the lock now, as the lock itself says, so that a claim to lead is
   * checked against the election instead of believed; undefined when nobody holds it or the lock
   * cannot tell.
   */
  holder(name: string): Promise<string | undefined>;
}

/** The second lock a holder takes, whose name says who holds the first (Web Locks name no holder). */
const badge = (name: string) => `${name}#held-by:`;

export function webLocks(): LeaderLock {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return soloLock();
  return {
    request(name, holderId, onLeader) {
      const abort = new AbortController();
      let release: () => void = () => undefined;
      let granted = false;
      const held = new Promise<void>((resolve) => (release = resolve));
      const lead = () => {
        if (granted || abort.signal.aborted) return;
        granted = true;
        onLeader();
      };
      try {
        locks
          .request(name, { signal: abort.signal }, async () => {
            // The badge is held before anyone hears of the win, and let go before the lock.
            await locks.request(`${badge(name)}${holderId}`, { ifAvailable: true }, async () => {
              lead();
              await held;
            });
          })
          // Where the browser refuses locks (a third-party iframe with storage blocked), lead
          // alone: one channel of its own is correct, just not shared.
          .catch(lead);
      } catch {
        queueMicrotask(lead);
      }
      return {
        release: () => {
          abort.abort();
          release();
        },
      };
    },
    async holder(name) {
      try {
        const { held = [] } = await locks.query();
        if (!held.some((lock) => lock.name === name)) return undefined;
        const prefix = badge(name);
        const holders = held.flatMap((lock) =>
          lock.name?.startsWith(prefix) ? [lock.name.slice(prefix.length)] : [],
        );
        // Two badges: someone took one without winning; neither can be told from the other.
        return holders.length === 1 ? holders[0] : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** Every instance leads (no Web Locks): correct, just one channel each, and no one to follow. */
function soloLock(): LeaderLock {
  return {
    request(_name, _holderId, onLeader) {
      queueMicrotask(onLeader);
      return { release: () => undefined };
    },
    holder: async () => undefined,
  };
}
