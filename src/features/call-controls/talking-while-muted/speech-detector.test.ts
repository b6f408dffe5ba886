import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import recorded from './fixtures/speech-levels.json';
import {
  createSpeechDetector,
  levelToDb,
  percentile,
  type SpeechDetector,
} from './speech-detector';

const HOP = 50;
const fromDb = (db: number) => 10 ** (db / 20);

/** Feeds levels (dBFS, one per 50 ms) and returns the decision after each frame. */
function feedDb(detector: SpeechDetector, dbs: number[], startAt = 0): boolean[] {
  return dbs.map((db, i) => detector.push(fromDb(db), startAt + i * HOP));
}

function risingEdges(decisions: boolean[]): number[] {
  return decisions.flatMap((on, i) => (on && !decisions[i - 1] ? [i] : []));
}

/** Small deterministic jitter (dB) so "steady" noise is not a perfectly flat line. */
function jitter(count: number, amplitude: number, seed = 1): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return (state / 2_147_483_648 - 0.5) * 2 * amplitude;
  });
}

const steady = (db: number, frames: number, amplitude = 2, seed = 1) =>
  jitter(frames, amplitude, seed).map((j) => db + j);

describe('speech detector on the recorded speech (espeak-ng, looped like the fake microphone)', () => {
  const loopDb = recorded.levels.map(levelToDb);
  const loopFrames = loopDb.length;
  const speechFrames = Math.ceil(recorded.speechMs / HOP);
  const loops = 3;
  const decisions = () => {
    const detector = createSpeechDetector();
    detector.setMuted(true);
    return feedDb(detector, Array.from({ length: loops }, () => loopDb).flat());
  };

  it('starts one episode per spoken passage, within 1 s of its start', () => {
    const edges = risingEdges(decisions());
    expect(edges).toHaveLength(loops);
    edges.forEach((edge, k) => expect((edge - k * loopFrames) * HOP).toBeLessThanOrEqual(1000));
  });

  it('stays on through the dips between syllables and words until the passage ends', () => {
    const all = decisions();
    for (let k = 0; k < loops; k += 1) {
      const start = k * loopFrames;
      const onset = all.indexOf(true, start);
      const spoken = all.slice(onset, start + speechFrames);
      expect(spoken.every(Boolean)).toBe(true);
      // Shown for at least 80 % of the passage.
      expect((start + speechFrames - onset) / speechFrames).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('clears within a second after the speech stops', () => {
    const all = decisions();
    for (let k = 0; k < loops; k += 1) {
      const end = k * loopFrames + speechFrames;
      expect(all.slice(end + 1000 / HOP, (k + 1) * loopFrames).some(Boolean)).toBe(false);
    }
  });

  it('a fixed per-frame threshold (the old rule) flickers on the same speech', () => {
    // RMS >= 0.03 on every frame for 300 ms: how the first meter worked.
    let loudSince: number | null = null;
    const old = loopDb.map((db, i) => {
      if (db >= levelToDb(0.03)) loudSince ??= i;
      else loudSince = null;
      return loudSince !== null && (i - loudSince) * HOP >= 300;
    });
    expect(risingEdges(old).length).toBeGreaterThan(1);
    expect(risingEdges(decisions().slice(0, loopFrames))).toHaveLength(1);
  });
});

describe('speech detector on synthetic sequences', () => {
  it('does not trigger on steady noise at any level, muted or not', () => {
    for (const db of [-75, -60, -45, -30, -15]) {
      for (const muted of [true, false]) {
        const detector = createSpeechDetector();
        detector.setMuted(muted);
        expect(feedDb(detector, steady(db, 600)).some(Boolean)).toBe(false);
        expect(detector.state.floorDb).toBeGreaterThan(db - 3);
      }
    }
  });

  it('does not trigger on a perfectly steady hum or on digital silence', () => {
    const hum = createSpeechDetector();
    expect(feedDb(hum, Array<number>(400).fill(-20)).some(Boolean)).toBe(false);
    const silence = createSpeechDetector();
    const decisions = Array.from({ length: 400 }, (_, i) => silence.push(0, i * HOP));
    expect(decisions.some(Boolean)).toBe(false);
    expect(silence.state.floorDb).toBeUndefined();
  });

  it('ignores short sounds: a click or a knock', () => {
    const detector = createSpeechDetector();
    const room = steady(-60, 200);
    room.splice(80, 2, -15, -18);
    room.splice(140, 3, -20, -22, -25);
    expect(feedDb(detector, room).some(Boolean)).toBe(false);
  });

  it('hears a speaker over a noisy room', () => {
    const detector = createSpeechDetector();
    detector.setMuted(true);
    const noise = steady(-45, 60);
    const speech = Array.from({ length: 60 }, (_, i) => (i % 5 < 3 ? -22 : -38));
    const decisions = feedDb(detector, [...noise, ...speech]);
    expect(decisions.slice(0, 60).some(Boolean)).toBe(false);
    expect(decisions.slice(60 + 1000 / HOP).every(Boolean)).toBe(true);
  });

  it('a fan switching on mid-call warns at most briefly, then is learned as the floor', () => {
    const detector = createSpeechDetector();
    detector.setMuted(true);
    const decisions = feedDb(detector, [...steady(-65, 100), ...steady(-35, 400, 2, 9)]);
    const episode = decisions.filter(Boolean).length * HOP;
    expect(episode).toBeLessThanOrEqual(2000);
    expect(decisions.slice(100 + 3000 / HOP).some(Boolean)).toBe(false);
  });

  it('adapts the floor faster while unmuted than while muted', () => {
    const floorAfterStep = (muted: boolean) => {
      const detector = createSpeechDetector();
      detector.setMuted(muted);
      feedDb(detector, [...steady(-65, 100, 0.5), ...steady(-45, 100, 0.5, 4)]);
      return detector.state.floorDb!;
    };
    expect(floorAfterStep(false)).toBeGreaterThan(-48);
    expect(floorAfterStep(true)).toBeLessThan(floorAfterStep(false) - 5);
  });

  it('learns the floor from the first frames, then reports it', () => {
    const detector = createSpeechDetector();
    feedDb(detector, steady(-58, 10, 0.5));
    expect(detector.state.learning).toBe(true);
    feedDb(detector, steady(-58, 40, 0.5), 10 * HOP);
    expect(detector.state.learning).toBe(false);
    expect(detector.state.floorDb).toBeCloseTo(-58, 0);
  });

  it('percentile picks the nearest rank', () => {
    expect(percentile([5, 1, 4, 2, 3], 0)).toBe(1);
    expect(percentile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(percentile([5, 1, 4, 2, 3], 1)).toBe(5);
  });
});

describe('speech detector properties', () => {
  it('a constant signal below the learned floor never triggers', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -85, max: -5, noNaN: true }),
        fc.double({ min: 0.1, max: 60, noNaN: true }),
        fc.integer({ min: 20, max: 400 }),
        fc.boolean(),
        (noiseDb, below, frames, muted) => {
          const detector = createSpeechDetector();
          detector.setMuted(muted);
          feedDb(detector, steady(noiseDb, 60));
          const floor = detector.state.floorDb!;
          const after = feedDb(detector, Array<number>(frames).fill(floor - below), 60 * HOP);
          return !after.some(Boolean);
        },
      ),
    );
  });

  it('steady noise at any level never triggers', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -90, max: -3, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        (db, amplitude, seed) =>
          !feedDb(createSpeechDetector(), steady(db, 300, amplitude, seed)).some(Boolean),
      ),
    );
  });

  const syllable = fc.record({
    loudMs: fc.integer({ min: 150, max: 350 }),
    loudDb: fc.double({ min: 20, max: 40, noNaN: true }),
    dipMs: fc.integer({ min: 50, max: 250 }),
    dipDb: fc.double({ min: 0, max: 15, noNaN: true }),
  });

  it('speech with dips between syllables keeps the warning on, continuously', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -75, max: -45, noNaN: true }),
        fc.array(syllable, { minLength: 8, maxLength: 30 }),
        (floorDb, syllables) => {
          const detector = createSpeechDetector();
          detector.setMuted(true);
          feedDb(detector, steady(floorDb, 60, 1));
          const speech = syllables.flatMap((s) => [
            // Speech is at least -45 dBFS (below that is a whisper far from the microphone).
            ...Array<number>(Math.round(s.loudMs / HOP)).fill(Math.max(-45, floorDb + s.loudDb)),
            ...Array<number>(Math.ceil(s.dipMs / HOP)).fill(floorDb + s.dipDb),
          ]);
          const decisions = feedDb(detector, speech, 60 * HOP);
          const onset = decisions.indexOf(true);
          const lastLoud = speech.findLastIndex((db) => db >= floorDb + 20);
          return (
            onset >= 0 && onset * HOP <= 1000 && decisions.slice(onset, lastLoud + 1).every(Boolean)
          );
        },
      ),
    );
  });
});
