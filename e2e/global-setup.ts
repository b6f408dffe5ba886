import { FAKE_MIC_WAV } from '../playwright.config.js';
import { startStack } from '../scripts/stack.js';
import { TEST_AUDIO_RATE, writeWav, type Pcm } from '../scripts/test-audio.js';

/** Two seconds of a 440 Hz tone at half scale: a steady sound on the fake microphone. */
function toneWav(): Pcm {
  const samples = new Float32Array(TEST_AUDIO_RATE * 2);
  for (let i = 0; i < samples.length; i += 1)
    samples[i] = 0.5 * Math.sin((2 * Math.PI * 440 * i) / TEST_AUDIO_RATE);
  return { rate: TEST_AUDIO_RATE, samples };
}

/**
 * One emulator and one production build of the widget for the whole run, on random ports. Each
 * test resets the emulator through the control plane. The heartbeat is 1 s so that the socket
 * watchdog and the idle-traffic checks see many heartbeats in a short test.
 */
export default async function globalSetup() {
  writeWav(FAKE_MIC_WAV, toneWav());
  const stack = await startStack({
    mode: 'preview',
    demo: false,
    heartbeatMs: 1000,
    // E2E_DIST keeps two runs in one checkout from building over each other.
    outDir: process.env.E2E_DIST ?? 'node_modules/.e2e-dist',
  });
  process.env.E2E_EMULATOR_URL = stack.emulatorUrl;
  process.env.E2E_WIDGET_URL = stack.widgetUrl;
  return () => stack.close();
}
