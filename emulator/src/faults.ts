import { z } from 'zod';

export const failNextSchema = z.object({
  method: z
    .string()
    .min(1)
    .transform((m) => m.toUpperCase()),
  /** Exact path, or a pattern where `*` stands for one path segment. */
  path: z.string().startsWith('/'),
  status: z.number().int().min(400).max(599),
  code: z.string().min(1).optional(),
  message: z.string().optional(),
  /** Seconds for the Retry-After header when status is 429 (default 1). */
  retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
});

export type FailNext = z.infer<typeof failNextSchema>;

export const faultsSchema = z
  .object({
    dropSockets: z.boolean().optional(),
    /** true: close after 60 s, or a number of milliseconds until the close. */
    socketClosing: z.union([z.boolean(), z.number().int().min(0).max(600_000)]).optional(),
    expireTokens: z.boolean().optional(),
    rateLimitPerMinute: z.number().int().min(1).max(100_000).nullable().optional(),
    latencyMs: z.number().int().min(0).max(30_000).optional(),
    failNext: z.union([failNextSchema, z.array(failNextSchema)]).optional(),
    /** While true, CORS does not expose Retry-After and inin-ratelimit-* (they are still sent). */
    hideRateLimitHeaders: z.boolean().optional(),
    /** Every channel with a socket gets `{"result":"404"}` and is removed; the socket stays open. */
    channelGone: z.boolean().optional(),
  })
  .strict();

export type FaultsInput = z.infer<typeof faultsSchema>;

/** Standing faults: a latency on every API call, a rate limit override, queued one-shot failures. */
export class Faults {
  latencyMs = 0;
  rateLimitPerMinute: number | null = null;
  hideRateLimitHeaders = false;
  /** The sample CRM (control/crm-routes.ts): a delay before it answers, a status it fails with. */
  crm: { latencyMs: number; status: number | null } = { latencyMs: 0, status: null };
  private failures: FailNext[] = [];

  reset(): void {
    this.latencyMs = 0;
    this.rateLimitPerMinute = null;
    this.hideRateLimitHeaders = false;
    this.crm = { latencyMs: 0, status: null };
    this.failures = [];
  }

  queueFailures(failures: FailNext[]): void {
    this.failures.push(...failures);
  }

  /** Removes and returns the first queued failure that matches this request. */
  takeFailure(method: string, path: string): FailNext | undefined {
    const index = this.failures.findIndex(
      (f) => f.method === method.toUpperCase() && pathMatches(f.path, path),
    );
    if (index < 0) return undefined;
    return this.failures.splice(index, 1)[0];
  }

  pendingFailures(): readonly FailNext[] {
    return this.failures;
  }
}

export function pathMatches(pattern: string, path: string): boolean {
  const a = pattern.split('/');
  const b = path.split('?')[0]!.split('/');
  return a.length === b.length && a.every((segment, i) => segment === '*' || segment === b[i]);
}
