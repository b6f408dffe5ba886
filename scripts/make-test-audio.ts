import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'prettier';
import {
  decodeWav,
  frameLevels,
  mixInto,
  rmsOf,
  setRms,
  TEST_AUDIO_RATE,
  whiteNoise,
  writeWav,
} from './test-audio.js';

/**
 * `npx tsx scripts/make-test-audio.ts`: regenerates the spoken test audio that ships in the repo.
 * Needs espeak-ng (speech synthesiser) and sox (resampling) on PATH; tests only read the output:
 *
 * - `e2e/media/speech.wav`: an agent saying two sentences (about 4.5 s, with the pauses between
 *   words and sentences that real speech has), then 3 s without speech; a faint -62 dBFS hiss
 *   under all of it, like a headset microphone. 16 kHz mono, about 240 KB. Chromium's fake
 *   microphone loops it, so a test hears speech episodes separated by quiet.
 * - `src/features/call-controls/talking-while-muted/fixtures/speech-levels.json`: that file's RMS level every 50 ms (43 ms
 *   windows, like the panel's analyser), the recorded sequence the detector's unit tests replay.
 */
const TEXT = 'Thanks for calling. Let me look up your order; it will only take a moment.';
const PAUSE_S = 3;
const SPEECH_RMS_DB = -22;
const HISS_DB = -62;
const LEVELS_PATH = 'src/features/call-controls/talking-while-muted/fixtures/speech-levels.json';

const work = mkdtempSync(join(tmpdir(), 'lcp-audio-'));
try {
  const raw = join(work, 'raw.wav');
  const resampled = join(work, 'speech16k.wav');
  execFileSync('espeak-ng', ['-v', 'en-us', '-s', '165', '-w', raw, TEXT]);
  execFileSync('sox', [raw, '-r', String(TEST_AUDIO_RATE), '-b', '16', '-c', '1', resampled]);
  const speech = trimSilence(decodeWav(readFileSync(resampled)).samples);
  setRms(speech, SPEECH_RMS_DB);
  const total = speech.length + PAUSE_S * TEST_AUDIO_RATE;
  const samples = mixInto(whiteNoise(total, HISS_DB, 3), speech);
  const pcm = { rate: TEST_AUDIO_RATE, samples };
  writeWav('e2e/media/speech.wav', pcm);
  const levels = frameLevels(pcm).map((level) => Number(level.toPrecision(3)));
  const speechMs = Math.round((speech.length / TEST_AUDIO_RATE) * 1000);
  const fixture = JSON.stringify({ hopMs: 50, speechMs, levels });
  writeFileSync(LEVELS_PATH, await format(fixture, { parser: 'json', printWidth: 100 }));
  console.log(
    `speech ${(speech.length / TEST_AUDIO_RATE).toFixed(2)} s, loop ${(total / TEST_AUDIO_RATE).toFixed(2)} s, ${levels.length} frames`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Drops the synthesiser's leading and trailing silence (10 ms blocks below -50 dBFS). */
function trimSilence(samples: Float32Array): Float32Array {
  const block = TEST_AUDIO_RATE / 100;
  const loud = (i: number) => rmsOf(samples, i, Math.min(samples.length, i + block)) > 0.00316;
  let start = 0;
  while (start < samples.length && !loud(start)) start += block;
  let end = samples.length - block;
  while (end > start && !loud(end)) end -= block;
  return samples.slice(start, Math.min(samples.length, end + block));
}
