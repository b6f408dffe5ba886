/**
 * Seeded id generator so that a seeded emulator produces the same conversation, participant and
 * correlation ids run after run. Never for credentials: tokens, codes, sessions and channel ids
 * come from `secrets.ts`.
 */
export interface IdSource {
  uuid(): string;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createIdSource(seed?: number): IdSource {
  const random = seed === undefined ? Math.random : mulberry32(seed);
  const hex = (n: number) =>
    Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  return {
    uuid: () =>
      `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`,
  };
}
