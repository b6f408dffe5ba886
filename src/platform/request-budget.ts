import { toPlatformError } from './errors';

export interface RequestBudgetOptions {
  /** Requests allowed in any 60 s window; the platform allows 300 per token. */
  perMinute?: number;
  /** How many times a 429 is retried after its Retry-After. */
  maxRateLimitRetries?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Who is waiting: the agent's own actions (`'agent'`, the default) leave before background work
 * (`'background'`, e.g. the supervisor's snapshot reads) whenever both wait.
 */
export type RequestPriority = 'agent' | 'background';

/**
 * Leave to send one request now: the budget has counted it. Hand it to the request (`run`'s
 * `permit`), or `release` it when nothing is to be sent after all (the slot goes back).
 */
export interface Permit {
  release(): void;
}

export interface RunOptions {
  /** false: a 429 is thrown at once (it still pauses the others); the caller decides. */
  retryRateLimited?: boolean;
  priority?: RequestPriority;
  /** A permit from `acquire`: the first attempt leaves with it, without waiting again. */
  permit?: Permit;
}

const WINDOW_MS = 60_000;

interface Waiter {
  priority: RequestPriority;
  grant: (permit: Permit) => void;
}

/**
 * A client-side request budget: keeps this widget under the platform's per-token limit and, on a
 * 429, pauses every request until Retry-After has passed (one pause for all, so no retry storm).
 * Waiting requests leave in order, the agent's before background ones.
 *
 * @example
 * const budget = new RequestBudget({ perMinute: 270 });
 * const me = await budget.run(() => users.getUsersMe());
 * const permit = await budget.acquire(); // may leave now: build the body from the latest intent
 * await budget.run(() => send(body), { permit });
 */
export class RequestBudget {
  private readonly perMinute: number;
  private readonly maxRetries: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private sent: number[] = [];
  private pausedUntil = 0;
  private readonly waiters: Waiter[] = [];
  /** Permits granted and neither used nor released, with when each was granted (its slot). */
  private readonly open = new Map<Permit, number>();
  private pumping = false;

  constructor(options: RequestBudgetOptions = {}) {
    this.perMinute = options.perMinute ?? 270;
    this.maxRetries = options.maxRateLimitRetries ?? 2;
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Resolves when a request may leave now (its slot is counted from then). */
  acquire(priority: RequestPriority = 'agent'): Promise<Permit> {
    return new Promise((grant) => {
      this.waiters.push({ priority, grant });
      void this.pump();
    });
  }

  /**
   * Runs `request` when the budget allows (at once with a `permit`). A 429 pauses every request
   * until Retry-After has passed; it is retried unless `retryRateLimited` is false (the caller
   * then decides, e.g. an intent that may no longer be wanted by then).
   */
  async run<T>(request: () => Promise<T>, options: RunOptions = {}): Promise<T> {
    const retries = options.retryRateLimited === false ? 0 : this.maxRetries;
    for (let attempt = 0; ; attempt += 1) {
      const given = attempt === 0 ? options.permit : undefined;
      const permit = given ?? (await this.acquire(options.priority));
      const grantedAt = this.open.get(permit);
      if (grantedAt === undefined) throw new Error('This permit was already used or released.');
      this.open.delete(permit);
      try {
        return await request();
      } catch (raw) {
        const error = toPlatformError(raw);
        if (error.kind === 'rateLimited')
          this.pausedUntil = Math.max(this.pausedUntil, this.now() + (error.retryAfterMs ?? 1000));
        if (error.kind !== 'rateLimited' || attempt >= retries) throw error;
      } finally {
        this.settled(grantedAt);
      }
    }
  }

  /** Milliseconds until the next request may go, for showing "retrying in …". */
  waitMs(): number {
    return Math.max(0, this.pausedUntil - this.now(), this.windowWait(this.now()));
  }

  /** Grants waiting permits in order (agent first) as the window and any 429 pause allow. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.waiters.length > 0) {
        const now = this.now();
        this.prune(now);
        const wait = Math.max(this.pausedUntil - now, this.windowWait(now));
        if (wait > 0) {
          await this.sleep(wait);
          continue;
        }
        const agent = this.waiters.findIndex((w) => w.priority === 'agent');
        const [next] = this.waiters.splice(agent >= 0 ? agent : 0, 1);
        if (next) next.grant(this.grant(now));
      }
    } finally {
      this.pumping = false;
    }
  }

  private grant(at: number): Permit {
    this.sent.push(at);
    const permit: Permit = {
      release: () => {
        if (!this.open.delete(permit)) return;
        this.forget(at);
        if (this.waiters.length > 0) void this.pump();
      },
    };
    this.open.set(permit, at);
    return permit;
  }

  /**
   * A request's slot counts from its grant until 60 s after it settled: the platform counts it
   * when it arrives, somewhere in between, so no 60 s on the wire or at the server ever holds
   * more than `perMinute` (counting from the grant alone let a slow start share a window with
   * the requests granted 60 s after it).
   */
  private settled(grantedAt: number): void {
    this.forget(grantedAt);
    const now = this.now();
    let i = this.sent.length;
    while (i > 0 && (this.sent[i - 1] ?? 0) > now) i -= 1;
    this.sent.splice(i, 0, now);
  }

  private forget(at: number): void {
    const slot = this.sent.lastIndexOf(at);
    if (slot >= 0) this.sent.splice(slot, 1);
  }

  private windowWait(now: number): number {
    if (this.sent.length < this.perMinute) return 0;
    return (this.sent[this.sent.length - this.perMinute] ?? now) + WINDOW_MS - now;
  }

  private prune(now: number): void {
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - WINDOW_MS) this.sent.shift();
  }
}
