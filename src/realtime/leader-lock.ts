/**
 * One leader among the widget's instances: the Web Locks API grants a named lock to one holder
 * at a time (across tabs and iframes of the origin) and passes it on when the holder releases it
 * or its page goes away. Without Web Locks every instance leads itself.
 */
export interface LeaderLock {
  /** Calls `onLeader` once this instance holds the lock; `release()` gives it up (or stops waiting). */
  request(name: string, onLeader: () => void): { release(): void };
}

export function webLocks(): LeaderLock {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return soloLock();
  return {
    request(name, onLeader) {
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
            lead();
            await held;
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
  };
}

/** Every instance leads (no Web Locks): correct, just one channel each. */
function soloLock(): LeaderLock {
  return {
    request(_name, onLeader) {
      queueMicrotask(onLeader);
      return { release: () => undefined };
    },
  };
}
