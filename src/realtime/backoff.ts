export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  factor: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 30_000, factor: 2 };

/**
 * Capped exponential backoff with full jitter: a uniform delay in [0, min(cap, base·factor^n)).
 * `attempt` counts from 0; `random` is injected so tests can pin it.
 *
 * @example
 * nextDelay(3, Math.random) // somewhere in [0, 4000)
 */
export function nextDelay(
  attempt: number,
  random: () => number,
  options: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const ceiling = Math.min(options.capMs, options.baseMs * options.factor ** Math.max(0, attempt));
  return Math.floor(Math.min(0.999999, Math.max(0, random())) * ceiling);
}
