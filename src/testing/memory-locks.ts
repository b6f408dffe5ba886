import type { LeaderLock } from '../realtime/leader-lock';

/** A lock shared in memory by the instances of a test. */
export function memoryLocks(): LeaderLock {
  type Entry = { holderId: string; onLeader(): void; released: boolean; granted: boolean };
  const queues = new Map<string, Entry[]>();
  const grant = (name: string) => {
    const head = queues.get(name)?.[0];
    if (head && !head.released)
      queueMicrotask(() => {
        if (head.released) return;
        head.granted = true;
        head.onLeader();
      });
  };
  return {
    request(name, holderId, onLeader) {
      const queue = queues.get(name) ?? [];
      queues.set(name, queue);
      const entry: Entry = { holderId, onLeader, released: false, granted: false };
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
    async holder(name) {
      const head = queues.get(name)?.[0];
      return head?.granted ? head.holderId : undefined;
    },
  };
}
