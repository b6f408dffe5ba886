import { EmulatorControl } from '../emulator/control-client.js';
import { startStack } from './stack.js';

/** `npm start`: the emulator with the demo scenario, and the widget pointed at it. */
function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    console.error(`${name} must be a port number (0 to 65535), got "${raw}".`);
    process.exit(1);
  }
  return value;
}

const stack = await startStack({
  emulatorPort: port('EMULATOR_PORT', 8787),
  widgetPort: port('PORT', 5173),
  demo: process.env.EMULATOR_DEMO !== '0',
  heartbeatMs: process.env.EMULATOR_HEARTBEAT_MS
    ? Number(process.env.EMULATOR_HEARTBEAT_MS)
    : undefined,
});
console.log(`Genesys Cloud emulator listening on ${stack.emulatorUrl}`);
console.log(`Emulator console: ${stack.emulatorUrl}/__emulator/console`);
console.log(`Live Call Panel: ${stack.widgetUrl}`);
console.log(
  `Genesys Cloud desktop (interaction widgets, one per call of Alice): ${new EmulatorControl(stack.emulatorUrl).desktopUrl(stack.widgetUrl, 'alice@example.com')}`,
);
console.log(
  'Sign in as alice@example.com; a demo call arrives a few seconds later. Ctrl+C stops both.',
);
const stop = () => void stack.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
