/**
 * A small seeded random source (mulberry32): the same seed gives the same shift, so a failing
 * run can be replayed from its seed. Never `Math.random` in the chaos suite.
 *
 * @example
 * const rng = seeded(42);
 * rng.pick(['mute', 'hold']); // the same choice for seed 42, every time
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One of `entries`, each `[item, weight]`, with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
}

export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    weighted: (entries) => {
      const live = entries.filter(([, w]) => w > 0);
      if (live.length === 0) throw new Error('weighted pick with no positive weight');
      let roll = next() * live.reduce((sum, [, w]) => sum + w, 0);
      for (const [item, weight] of live) {
        roll -= weight;
        if (roll < 0) return item;
      }
      return live.at(-1)![0];
    },
  };
}
