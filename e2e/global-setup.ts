import { startStack } from '../scripts/stack.js';

/**
 * One emulator and one production build of the widget for the whole run, on random ports. Each
 * test resets the emulator through the control plane. The heartbeat is 1 s so that the socket
 * watchdog and the idle-traffic checks see many heartbeats in a short test.
 */
export default async function globalSetup() {
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
