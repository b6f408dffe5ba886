/**
 * What the desktop host page (`/__emulator/desktop`) saw and did, posted by the page to
 * `POST /__emulator/desktop/log` so that Node-side tests can read it with
 * `GET /__emulator/desktop/log`: the Client App SDK messages its widgets posted, the lifecycle
 * hooks it sent, widgets opened, closed and refused, and messages it refused.
 */
import { z } from 'zod';

export const DESKTOP_LOG_MAX_ENTRIES = 5_000;
const MESSAGE_DATA_MAX_CHARS = 16_384;

const conversationId = z.string().min(1).max(100);
const common = {
  /** One id per loaded host page. */
  page: z.string().min(1).max(64),
  /** The page's clock, ISO 8601. */
  at: z.string().min(1).max(40),
};

export const desktopLogEntry = z.discriminatedUnion('kind', [
  /** A Client App SDK message a widget posted; `data` is the payload as received. */
  z.object({
    ...common,
    kind: z.literal('message'),
    conversationId,
    action: z.string().min(1).max(100),
    data: z
      .record(z.string(), z.unknown())
      .refine((data) => JSON.stringify(data).length <= MESSAGE_DATA_MAX_CHARS, {
        message: `at most ${MESSAGE_DATA_MAX_CHARS} characters of JSON`,
      }),
  }),
  /** A lifecycle hook the page posted to a widget. */
  z.object({
    ...common,
    kind: z.literal('hook'),
    conversationId,
    hook: z.enum(['bootstrap', 'focus', 'blur', 'stop']),
  }),
  /** Something that happened to a widget in the page. */
  z.object({
    ...common,
    kind: z.literal('widget'),
    conversationId,
    event: z.enum([
      'opened',
      'closed',
      'refused',
      'callEnded',
      'bootstrapTimeout',
      'stopTimeout',
      'toastClosed',
    ]),
    detail: z.string().max(500).optional(),
  }),
  /** A message the page did not accept (not from one of its widgets, wrong origin or shape). */
  z.object({
    ...common,
    kind: z.literal('rejected'),
    reason: z.string().min(1).max(200),
    origin: z.string().max(200),
  }),
]);

export const desktopLogPost = z
  .object({ entries: z.array(desktopLogEntry).min(1).max(100) })
  .strict();

export type DesktopLogEntry = z.infer<typeof desktopLogEntry> & { seq: number };

/** The entries in arrival order, the oldest dropped beyond `max`. */
export class DesktopLog {
  private entries: DesktopLogEntry[] = [];
  private seq = 0;

  constructor(private readonly max = DESKTOP_LOG_MAX_ENTRIES) {}

  append(entries: readonly z.infer<typeof desktopLogEntry>[]): number {
    for (const entry of entries) {
      this.seq += 1;
      this.entries.push({ ...entry, seq: this.seq });
    }
    if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
    return this.entries.length;
  }

  all(): readonly DesktopLogEntry[] {
    return this.entries;
  }

  reset(): void {
    this.entries = [];
    this.seq = 0;
  }
}
