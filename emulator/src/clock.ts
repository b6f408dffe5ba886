/** The emulator's notion of "now". Advancing it moves token, code and channel expiry forward. */
export interface Clock {
  /** Milliseconds since the epoch, as the emulator sees it. */
  now(): number;
  /** Moves the clock forward; returns the new time. */
  advance(ms: number): number;
}

/**
 * A clock that follows real time plus an offset, or, given `startMs`, a frozen clock that only
 * moves when advanced (for deterministic tests).
 *
 * @example
 * const clock = createClock({ startMs: Date.parse('2026-01-01T00:00:00Z') });
 * clock.advance(60_000);
 */
export function createClock(options: { startMs?: number } = {}): Clock {
  let offset = 0;
  const base = options.startMs;
  const source = base === undefined ? () => Date.now() : () => base;
  return {
    now: () => source() + offset,
    advance(ms: number) {
      offset += Math.max(0, ms);
      return source() + offset;
    },
  };
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}
