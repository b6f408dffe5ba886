/**
 * The run's length and seeds, from the environment (the short run by default):
 * - `CHAOS_SEED` (one seed) or `CHAOS_SEEDS` (a comma-separated list, one test each);
 * - `CHAOS_ACTIONS`, `CHAOS_FAULTS`: how many of each (the plan is made from the seed and both);
 * - `CHAOS_STEPS`: stop after that step (a replay of a failure's prefix);
 * - `CHAOS_SETTLE_MS`: how long one step may take to reconcile.
 */
export interface ChaosSettings {
  seeds: number[];
  actions: number;
  faults: number;
  steps?: number;
  settleMs: number;
}

/** The short run inside `npm test`: every fault kind once, a couple of dozen actions. */
export const SHORT_RUN = { seed: 306, actions: 24, faults: 10 };

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number, not "${raw}"`);
  return value;
}

export function chaosSettings(env: NodeJS.ProcessEnv = process.env): ChaosSettings {
  const list = env.CHAOS_SEEDS ?? env.CHAOS_SEED;
  const seeds = list
    ? list.split(',').map((s) => integer({ S: s.trim() }, 'S', 0))
    : [SHORT_RUN.seed];
  const steps = env.CHAOS_STEPS ? integer(env, 'CHAOS_STEPS', 0) : undefined;
  return {
    seeds,
    actions: integer(env, 'CHAOS_ACTIONS', SHORT_RUN.actions),
    faults: integer(env, 'CHAOS_FAULTS', SHORT_RUN.faults),
    steps,
    settleMs: integer(env, 'CHAOS_SETTLE_MS', 30_000),
  };
}
