/**
 * Tiny PCM WAV synthesiser for the seeded prompts: tone sweeps and silences, 16-bit mono at a
 * telephony sample rate. Browsers play it in `<audio>` and it needs no download.
 */

export const SAMPLE_RATE = 8_000;
const WAV_HEADER_BYTES = 44;
/** Fade in and out of each tone, so segments join without clicks. */
const RAMP_MS = 6;

/** `fromHz` 0 (or `gain` 0) is silence; otherwise a sweep from `fromHz` to `toHz`. */
export interface Tone {
  ms: number;
  fromHz: number;
  toHz: number;
  gain: number;
}

export function synthesize(tones: readonly Tone[], sampleRate = SAMPLE_RATE): Int16Array {
  const total = tones.reduce((sum, t) => sum + samplesOf(t.ms, sampleRate), 0);
  const out = new Int16Array(total);
  let offset = 0;
  for (const tone of tones) {
    const count = samplesOf(tone.ms, sampleRate);
    if (tone.fromHz > 0 && tone.gain > 0) writeTone(out, offset, count, tone, sampleRate);
    offset += count;
  }
  return out;
}

function samplesOf(ms: number, sampleRate: number): number {
  return Math.round((ms * sampleRate) / 1000);
}

function writeTone(
  out: Int16Array,
  offset: number,
  count: number,
  tone: Tone,
  sampleRate: number,
): void {
  const ramp = Math.max(1, Math.min(samplesOf(RAMP_MS, sampleRate), Math.floor(count / 2)));
  let phase = 0;
  for (let i = 0; i < count; i += 1) {
    const hz = tone.fromHz + ((tone.toHz - tone.fromHz) * i) / count;
    phase += (2 * Math.PI * hz) / sampleRate;
    const envelope = Math.min(1, i / ramp, (count - 1 - i) / ramp);
    // A little second harmonic makes it less of a pure beep.
    const value = Math.sin(phase) * 0.8 + Math.sin(2 * phase) * 0.2;
    out[offset + i] = Math.round(value * envelope * tone.gain * 32_767);
  }
}

/** A RIFF/WAVE file with one PCM `data` chunk. */
export function encodeWav(samples: Int16Array, sampleRate = SAMPLE_RATE): Buffer {
  const dataBytes = samples.length * 2;
  const buffer = Buffer.alloc(WAV_HEADER_BYTES + dataBytes);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + dataBytes, 4);
  buffer.write('WAVE', 8, 'ascii');
  buffer.write('fmt ', 12, 'ascii');
  buffer.writeUInt32LE(16, 16); // fmt chunk size
  buffer.writeUInt16LE(1, 20); // PCM
  buffer.writeUInt16LE(1, 22); // mono
  buffer.writeUInt32LE(sampleRate, 24);
  buffer.writeUInt32LE(sampleRate * 2, 28); // byte rate
  buffer.writeUInt16LE(2, 32); // block align
  buffer.writeUInt16LE(16, 34); // bits per sample
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples.length; i += 1) buffer.writeInt16LE(samples[i]!, 44 + i * 2);
  return buffer;
}

/** Length in seconds of a WAV made by `encodeWav` (reads its header). */
export function wavDurationSeconds(wav: Buffer): number {
  const byteRate = wav.readUInt32LE(28);
  const dataBytes = wav.readUInt32LE(40);
  return dataBytes / byteRate;
}

/**
 * A prompt-like pattern of exactly `durationMs`: a two-note chime, "syllables" around `voiceHz`
 * with short gaps, and a falling closing note.
 */
export function promptPattern(durationMs: number, voiceHz: number): Tone[] {
  const intro: Tone[] = [
    { ms: 120, fromHz: 660, toHz: 660, gain: 0.45 },
    { ms: 30, fromHz: 0, toHz: 0, gain: 0 },
    { ms: 150, fromHz: 880, toHz: 880, gain: 0.45 },
    { ms: 100, fromHz: 0, toHz: 0, gain: 0 },
  ];
  const outro: Tone[] = [
    { ms: 100, fromHz: 0, toHz: 0, gain: 0 },
    { ms: 200, fromHz: 880, toHz: 440, gain: 0.4 },
  ];
  const fixed = [...intro, ...outro].reduce((sum, t) => sum + t.ms, 0);
  return [...intro, ...syllables(Math.max(0, durationMs - fixed), voiceHz), ...outro];
}

const SYLLABLE_MS = [140, 90, 180, 120, 160, 100];
const GAP_MS = [40, 60, 30, 90, 50];
const PITCH = [1, 1.2, 0.9, 1.1, 1.3, 0.85, 1.05];

function syllables(budgetMs: number, voiceHz: number): Tone[] {
  const tones: Tone[] = [];
  let left = budgetMs;
  for (let i = 0; left > 0; i += 1) {
    const hz = voiceHz * PITCH[i % PITCH.length]!;
    const sound = Math.min(left, SYLLABLE_MS[i % SYLLABLE_MS.length]!);
    tones.push({ ms: sound, fromHz: hz, toHz: hz * 0.92, gain: 0.35 });
    left -= sound;
    const gap = Math.min(left, GAP_MS[i % GAP_MS.length]!);
    if (gap > 0) tones.push({ ms: gap, fromHz: 0, toHz: 0, gain: 0 });
    left -= gap;
  }
  return tones;
}
