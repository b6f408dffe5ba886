/** Types of the control plane's trace replay (`/__emulator/replay`), for the typed client. */

export interface ReplayOptions {
  /** The seeded user whose widget the trace plays to (default alice@example.com). */
  agentEmail?: string;
  /** `recorded` (default): at the trace's pace on the emulator's clock; `instant`: all at once. */
  pace?: 'recorded' | 'instant';
  /** With `recorded`: this many times faster (0.1..1000). */
  speed?: number;
}

export interface ReplayStatus {
  state: 'idle' | 'playing' | 'done' | 'cancelled';
  /** Steps played (frames and armed REST failures) of `total`. */
  played: number;
  total: number;
  /** When the last step is due, on the emulator's clock. */
  endsAt?: string;
}

export interface ReplayResult extends ReplayStatus {
  agent: { email: string; id: string };
  /** Frames it plays, and recorded REST failures it arms as one-shot faults. */
  frames: number;
  failures: number;
  /** Link, sign-in and intent entries: for reading, never replayed. */
  informational: number;
  /** Entries that cannot be replayed, and why. */
  skipped: { entry: number; reason: string }[];
  /** The trace's pseudonyms → the emulator's ids (`conversation-1` → its conversation id). */
  ids: Record<string, string>;
}
