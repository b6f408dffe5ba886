import type { Clock } from './clock.js';

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 300;
const WINDOW_MS = 60_000;

/** The platform's current 429 text (contract §4.2): the seconds to wait are inside the message. */
export const rateLimitMessage = (retryAfterSeconds: number) =>
  `Rate limit exceeded the maximum. Retry the request in [${retryAfterSeconds}] seconds`;

export interface RateDecision {
  allowed: boolean;
  count: number;
  limit: number;
  /** Seconds until the current window resets. */
  resetSeconds: number;
}

/** Fixed one-minute windows per access token (contract §4.1 `token.rate.per.minute`). */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly clock: Clock) {}

  reset(): void {
    this.windows.clear();
  }

  hit(token: string, limit: number): RateDecision {
    const now = this.clock.now();
    let window = this.windows.get(token);
    if (!window || now - window.start >= WINDOW_MS) {
      window = { start: now, count: 0 };
      this.windows.set(token, window);
    }
    const resetSeconds = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
    if (window.count >= limit) return { allowed: false, count: window.count, limit, resetSeconds };
    window.count += 1;
    return { allowed: true, count: window.count, limit, resetSeconds };
  }
}
