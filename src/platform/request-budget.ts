import { toPlatformError } from './errors';

export interface RequestBudgetOptions {
  /** Requests allowed in any 60 s window; the platform allows 300 per token. */
  perMinute?: number;
  /** How many times a 429 is retried after its Retry-After. */
  maxRateLimitRetries?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const WINDOW_MS = 60_000;

/**
 * A client-side request budget: keeps this widget under the platform's per-token limit and, on a
 * 429, pauses every request until Retry-After has passed (one pause for all, so no retry storm).
 *
 * @example
 * const budget = new RequestBudget({ perMinute: 270 });
 * const me = await budget.run(() => users.getUsersMe());
 */
export class RequestBudget {
  private readonly perMinute: number;
  private readonly maxRetries: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private sent: number[] = [];
  private pausedUntil = 0;

  constructor(options: RequestBudgetOptions = {}) {
    this.perMinute = options.perMinute ?? 270;
    this.maxRetries = options.maxRateLimitRetries ?? 2;
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * Runs `request` when the budget allows. A 429 pauses every request until Retry-After has
   * passed; it is retried unless `retryRateLimited` is false (the caller then decides, e.g. an
   * intent that may no longer be wanted by then).
   */
  async run<T>(
    request: () => Promise<T>,
    options: { retryRateLimited?: boolean } = {},
  ): Promise<T> {
    const retries = options.retryRateLimited === false ? 0 : this.maxRetries;
    for (let attempt = 0; ; attempt += 1) {
      await this.takeSlot();
      try {
        return await request();
      } catch (raw) {
        const error = toPlatformError(raw);
        if (error.kind === 'rateLimited')
          this.pausedUntil = Math.max(this.pausedUntil, this.now() + (error.retryAfterMs ?? 1000));
        if (error.kind !== 'rateLimited' || attempt >= retries) throw error;
      }
    }
  }

  /** Milliseconds until the next request may go, for showing "retrying in …". */
  waitMs(): number {
    return Math.max(0, this.pausedUntil - this.now(), this.windowWait(this.now()));
  }

  private async takeSlot(): Promise<void> {
    for (;;) {
      const now = this.now();
      this.prune(now);
      const wait = Math.max(this.pausedUntil - now, this.windowWait(now));
      if (wait <= 0) {
        this.sent.push(now);
        return;
      }
      await this.sleep(wait);
    }
  }

  private windowWait(now: number): number {
    if (this.sent.length < this.perMinute) return 0;
    return (this.sent[this.sent.length - this.perMinute] ?? now) + WINDOW_MS - now;
  }

  private prune(now: number): void {
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - WINDOW_MS) this.sent.shift();
  }
}
