import type { LeaderLock } from '../realtime/leader-lock';

/** A lock shared in memory by the instances of a test. */
export function memoryLocks(): LeaderLock {
  const queues = new Map<string, { onLeader(): void; released: boolean }[]>();
  const grant = (name: string) => {
    const queue = queues.get(name) ?? [];
    const head = queue[0];
    if (head && !head.released) queueMicrotask(() => head.onLeader());
  };
  return {
    request(name, onLeader) {
      const queue = queues.get(name) ?? [];
      queues.set(name, queue);
      const entry = { onLeader, released: false };
      queue.push(entry);
      if (queue.length === 1) grant(name);
      return {
        release: () => {
          if (entry.released) return;
          entry.released = true;
          const wasHead = queue[0] === entry;
          queue.splice(queue.indexOf(entry), 1);
          if (wasHead) grant(name);
        },
      };
    },
  };
}
