/**
 * Decides, frame by frame, whether the agent is speaking into the microphone. Pure and
 * deterministic: feed it RMS levels with their times and it answers; no audio APIs, no React.
 *
 * - A smoothed level (the envelope) that rises fast (attack) and falls slowly (release), so the
 *   dips between syllables do not reset it.
 * - A noise floor: a low percentile of the recent frames, learned from the first frames and then
 *   adapted: it follows a quieter room at once and a louder one at a limited rate, faster while
 *   unmuted than while muted (so speech while muted is not learned as the floor).
 * - Speech is an envelope well above the floor (and above an absolute minimum) that also moves:
 *   a fan or a hum is steady, speech swings by tens of dB within a second.
 * - Onset after a short sustained stretch; a hangover holds the decision through the pauses
 *   between words and sentences.
 */
export interface SpeechDetectorOptions {
  /** Envelope time constants (ms): rising and falling. */
  attackMs: number;
  releaseMs: number;
  /** How much signal (ms) the first floor estimate is learned from; it moves freely until then. */
  learnMs: number;
  /** The floor is this percentile of the frames seen in the last `floorWindowMs`. */
  floorWindowMs: number;
  floorPercentile: number;
  /** How fast the floor may rise (dB per second), while unmuted and while muted. */
  floorRiseUnmutedDbPerS: number;
  floorRiseMutedDbPerS: number;
  /** Speech starts above floor + `onDb` and holds while above floor + `offDb`. */
  onDb: number;
  offDb: number;
  /** Nothing quieter than this (dBFS) is speech, whatever the floor. */
  minSpeechDb: number;
  /** The level must swing at least `minSwingDb` within `swingWindowMs` (steady noise does not). */
  swingWindowMs: number;
  minSwingDb: number;
  /** An episode starts with `onsetMs` of loud frames within `onsetWindowMs`... */
  onsetMs: number;
  onsetWindowMs: number;
  /** ...and ends after `hangoverMs` below the hold level (bridging pauses between words). */
  hangoverMs: number;
}

const DEFAULT_DETECTOR_OPTIONS: SpeechDetectorOptions = {
  attackMs: 15,
  releaseMs: 150,
  learnMs: 1500,
  floorWindowMs: 3000,
  floorPercentile: 0.1,
  floorRiseUnmutedDbPerS: 20,
  floorRiseMutedDbPerS: 2,
  onDb: 12,
  offDb: 6,
  minSpeechDb: -55,
  swingWindowMs: 1000,
  minSwingDb: 10,
  onsetMs: 300,
  onsetWindowMs: 800,
  hangoverMs: 500,
};

/** Levels at or below this (dBFS) are digital silence: no signal, nothing to learn from. */
const SILENCE_DB = -100;
/** Longest gap between frames taken at face value (a throttled background timer). */
const MAX_STEP_MS = 1000;

export interface DetectorState {
  speaking: boolean;
  /** Smoothed level (dBFS). */
  envelopeDb: number;
  /** The learned noise floor (dBFS), undefined before the first frame with signal. */
  floorDb: number | undefined;
  /** True until `learnMs` of signal has been seen. */
  learning: boolean;
}

export interface SpeechDetector {
  /** One frame: the RMS level (linear, 0..1) and when it was measured (ms, monotonic). */
  push(level: number, at: number): boolean;
  /** The floor adapts more slowly while muted. */
  setMuted(muted: boolean): void;
  readonly state: DetectorState;
}

export function levelToDb(level: number): number {
  return level > 1e-5 ? 20 * Math.log10(level) : SILENCE_DB;
}

interface Frame {
  at: number;
  db: number;
}

/** The `p` percentile (0..1) of the values, nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? SILENCE_DB;
}

export function createSpeechDetector(
  overrides: Partial<SpeechDetectorOptions> = {},
): SpeechDetector {
  const o = { ...DEFAULT_DETECTOR_OPTIONS, ...overrides };
  const history: Frame[] = [];
  let muted = false;
  let lastAt: number | undefined;
  let envelope = SILENCE_DB;
  let floor: number | undefined;
  let signalMs = 0;
  let speaking = false;
  /** Recent loud frames and how long each lasted. */
  const loud: { at: number; ms: number }[] = [];
  let quietMs = 0;

  const remember = (at: number, db: number, dt: number) => {
    if (db > SILENCE_DB) {
      history.push({ at, db });
      signalMs += dt;
    }
    const horizon = at - Math.max(o.floorWindowMs, o.swingWindowMs);
    while (history.length > 0 && history[0]!.at < horizon) history.shift();
  };

  const adaptFloor = (at: number, dt: number) => {
    const recent = history.filter((f) => f.at >= at - o.floorWindowMs).map((f) => f.db);
    if (recent.length === 0) return;
    const target = percentile(recent, o.floorPercentile);
    if (floor === undefined || signalMs < o.learnMs || target <= floor) {
      floor = target;
      return;
    }
    const rate = muted ? o.floorRiseMutedDbPerS : o.floorRiseUnmutedDbPerS;
    floor = Math.min(target, floor + (rate * dt) / 1000);
  };

  const swing = (at: number) => {
    const recent = history.filter((f) => f.at >= at - o.swingWindowMs).map((f) => f.db);
    return recent.length === 0 ? 0 : Math.max(...recent) - Math.min(...recent);
  };

  const decide = (at: number, db: number, dt: number) => {
    if (floor === undefined) return;
    const moving = swing(at) >= o.minSwingDb;
    const held = moving && envelope >= Math.max(floor + o.offDb, o.minSpeechDb);
    // Only loud frames count towards the onset; the envelope's release alone does not.
    if (held && db >= Math.max(floor + o.onDb, o.minSpeechDb)) loud.push({ at, ms: dt });
    while (loud.length > 0 && loud[0]!.at <= at - o.onsetWindowMs) loud.shift();
    if (!speaking) {
      if (loud.reduce((sum, f) => sum + f.ms, 0) >= o.onsetMs) [speaking, quietMs] = [true, 0];
      return;
    }
    quietMs = held ? 0 : quietMs + dt;
    if (quietMs >= o.hangoverMs) [speaking, loud.length] = [false, 0];
  };

  return {
    push(level, at) {
      const db = levelToDb(level);
      const dt = lastAt === undefined ? 0 : Math.min(MAX_STEP_MS, Math.max(0, at - lastAt));
      lastAt = at;
      const tau = db > envelope ? o.attackMs : o.releaseMs;
      envelope += (db - envelope) * (dt === 0 ? 1 : 1 - Math.exp(-dt / tau));
      remember(at, db, dt);
      adaptFloor(at, dt);
      decide(at, db, dt);
      return speaking;
    },
    setMuted(value) {
      muted = value;
    },
    get state() {
      return { speaking, envelopeDb: envelope, floorDb: floor, learning: signalMs < o.learnMs };
    },
  };
}
