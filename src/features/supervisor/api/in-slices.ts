import type { Cancel, Scheduler } from '../../../time/scheduler';

/**
 * Work handed over in bulk, done a slice at a time, each slice in a task of its own, so a
 * thousand items never make one long task (a first snapshot brings hundreds of agents whose
 * names are to be looked up at once).
 *
 * @example
 * const lookups = inSlices(scheduler, 50, (id: string) => directory.prefetchUser(id));
 * lookups.add(freshAgents);
 * lookups.stop(); // when the view goes
 */
export function inSlices<T>(
  scheduler: Pick<Scheduler, 'after'>,
  perTask: number,
  each: (item: T) => void,
) {
  const pending: T[] = [];
  let timer: Cancel | undefined;
  const drain = () => {
    timer = undefined;
    for (const item of pending.splice(0, perTask)) each(item);
    if (pending.length > 0) timer = scheduler.after(0, drain);
  };
  return {
    add(items: readonly T[]): void {
      pending.push(...items);
      timer ??= scheduler.after(0, drain);
    },
    /** Drops what is left and cancels the next slice. */
    stop(): void {
      timer?.();
      timer = undefined;
      pending.length = 0;
    },
  };
}
