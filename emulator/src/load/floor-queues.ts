import { z } from 'zod';
import { addQueue, QUEUES, type SeedQueue } from '../seed.js';

/** Generated queues stop here (the seeded two plus these). */
export const MAX_FLOOR_QUEUES = 98;

/** `POST /__emulator/queues`: the org gets generated queues "Floor 01" … up to `count`. */
export const floorQueuesSchema = z
  .object({ count: z.number().int().min(1).max(MAX_FLOOR_QUEUES) })
  .strict();

/** Stable id of generated queue `n` (1-based): the same queue has the same id in every run. */
export function floorQueueId(n: number): string {
  return `a1c0ffee-0000-4000-8000-1000${String(n).padStart(8, '0')}`;
}

/**
 * Adds the generated queues 1..`count` that are not there yet ("Floor 01", DNIS
 * tel:+1800556NNNN) after the seeded ones, and returns every queue of the org. Bulk calls and the
 * load generator then spread over all of them; generated agents created afterwards belong to all.
 */
export function addFloorQueues(input: { count: number }): { queues: readonly SeedQueue[] } {
  for (let n = 1; n <= input.count; n += 1)
    addQueue({
      id: floorQueueId(n),
      name: `Floor ${String(n).padStart(2, '0')}`,
      dnis: `tel:+1800556${String(n).padStart(4, '0')}`,
    });
  return { queues: QUEUES };
}
