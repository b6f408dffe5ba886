import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Test audio for the talking-while-muted warning: 16-bit mono PCM WAV files that Chromium's fake
 * microphone plays in a loop (`--use-file-for-fake-audio-capture`). Everything here is
 * deterministic (seeded noise), so a regenerated file is byte-identical.
 */
export const TEST_AUDIO_RATE = 16_000;

export interface Pcm {
  rate: number;
  /** Samples in [-1, 1]. */
  samples: Float32Array;
}

/** A small seeded PRNG (mulberry32): the same seed always gives the same noise. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const dbToLinear = (db: number) => 10 ** (db / 20);

export function rmsOf(samples: Float32Array, from = 0, to = samples.length): number {
  let sum = 0;
  for (let i = from; i < to; i += 1) sum += samples[i]! * samples[i]!;
  return Math.sqrt(sum / Math.max(1, to - from));
}

/** Scales the samples in place so their RMS is `db` dBFS. */
export function setRms(samples: Float32Array, db: number): Float32Array {
  const gain = dbToLinear(db) / Math.max(1e-12, rmsOf(samples));
  for (let i = 0; i < samples.length; i += 1) samples[i] = samples[i]! * gain;
  return samples;
}

/** White noise at `db` dBFS RMS. */
export function whiteNoise(length: number, db: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i += 1) out[i] = random() * 2 - 1;
  return setRms(out, db);
}

/**
 * A steady fan with mains hum: pink noise (Paul Kellet's filter) plus a 100 Hz hum with two
 * harmonics, at `db` dBFS RMS. The length should be a whole number of hum periods so the loop
 * has no seam.
 */
export function fanNoise(length: number, rate: number, db: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  const out = new Float32Array(length);
  let [b0, b1, b2] = [0, 0, 0];
  for (let i = 0; i < length; i += 1) {
    const white = random() * 2 - 1;
    b0 = 0.99765 * b0 + white * 0.099046;
    b1 = 0.963 * b1 + white * 0.2965164;
    b2 = 0.57 * b2 + white * 1.0526913;
    const pink = (b0 + b1 + b2 + white * 0.1848) * 0.2;
    const phase = (2 * Math.PI * 100 * i) / rate;
    const hum = 0.5 * Math.sin(phase) + 0.25 * Math.sin(2 * phase) + 0.12 * Math.sin(3 * phase);
    out[i] = pink + 0.3 * hum;
  }
  return setRms(out, db);
}

/** Adds `b` into `a` (in place, up to the shorter length) and returns `a`. */
export function mixInto(a: Float32Array, b: Float32Array): Float32Array {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) a[i] = a[i]! + b[i]!;
  return a;
}

/** RMS per frame (`windowMs` long, one every `hopMs`), like the panel's analyser polling. */
export function frameLevels({ rate, samples }: Pcm, hopMs = 50, windowMs = 43): number[] {
  const hop = Math.round((rate * hopMs) / 1000);
  const window = Math.round((rate * windowMs) / 1000);
  const levels: number[] = [];
  for (let start = 0; start + window <= samples.length; start += hop)
    levels.push(rmsOf(samples, start, start + window));
  return levels;
}

export function encodeWav({ rate, samples }: Pcm): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) =>
    data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, s)) * 32_767), i * 2),
  );
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** Reads 16-bit PCM WAV (mono, or the first channel); other formats are rejected. */
export function decodeWav(file: Buffer): Pcm {
  if (file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE')
    throw new Error('Not a RIFF/WAVE file.');
  let offset = 12;
  let rate = 0;
  let channels = 1;
  while (offset + 8 <= file.length) {
    const id = file.toString('ascii', offset, offset + 4);
    const size = file.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (file.readUInt16LE(body) !== 1 || file.readUInt16LE(body + 14) !== 16)
        throw new Error('Only 16-bit PCM WAV is supported.');
      channels = file.readUInt16LE(body + 2);
      rate = file.readUInt32LE(body + 4);
    } else if (id === 'data') {
      // espeak-ng writes 0x7fffffff as the size when it streams; take what is there.
      const end = Math.min(file.length, body + size);
      const count = Math.floor((end - body) / (2 * channels));
      const samples = new Float32Array(count);
      for (let i = 0; i < count; i += 1)
        samples[i] = file.readInt16LE(body + i * 2 * channels) / 32_768;
      return { rate, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('WAV file without a data chunk.');
}

export function writeWav(path: string, pcm: Pcm) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, encodeWav(pcm));
}

/** Four seconds of a steady fan with hum at -26 dBFS: louder than speech-level noise, but steady. */
export function steadyNoiseWav(): Pcm {
  const length = TEST_AUDIO_RATE * 4;
  return { rate: TEST_AUDIO_RATE, samples: fanNoise(length, TEST_AUDIO_RATE, -26, 7) };
}

/** Four seconds of a quiet room: faint white noise at -66 dBFS. */
export function quietRoomWav(): Pcm {
  const length = TEST_AUDIO_RATE * 4;
  return { rate: TEST_AUDIO_RATE, samples: whiteNoise(length, -66, 11) };
}
