import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { FAKE_MIC_WAV } from '../playwright.config.js';
import { startStack } from '../scripts/stack.js';

/** Two seconds of a 440 Hz tone at half scale, 16-bit mono PCM: a steady sound on the fake microphone. */
function writeToneWav(path: string) {
  const rate = 16_000;
  const samples = rate * 2;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i += 1)
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 16_000), i * 2);
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
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.concat([header, data]));
}

/**
 * One emulator and one production build of the widget for the whole run, on random ports. Each
 * test resets the emulator through the control plane. The heartbeat is 1 s so that the socket
 * watchdog and the idle-traffic checks see many heartbeats in a short test.
 */
export default async function globalSetup() {
  writeToneWav(FAKE_MIC_WAV);
  const stack = await startStack({
    mode: 'preview',
    demo: false,
    heartbeatMs: 1000,
    outDir: 'node_modules/.e2e-dist',
  });
  process.env.E2E_EMULATOR_URL = stack.emulatorUrl;
  process.env.E2E_WIDGET_URL = stack.widgetUrl;
  return () => stack.close();
}
