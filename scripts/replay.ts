/**
 * `npm run replay -- trace.json`: plays a diagnostic trace (the file the widget's Download
 * diagnostics saves) in a running emulator, to a seeded agent's widget. Waits until that agent's
 * widget is signed in and listening (unless `--now`), then plays the trace at its own pace
 * (`--speed 4` is four times faster, `--instant` all at once) and reports what it did.
 *
 *   npm run replay -- trace.json [--emulator http://127.0.0.1:8787] [--agent alice@example.com]
 *                                [--speed N | --instant] [--now]
 *
 * The emulator: `--emulator`, else `EMULATOR_URL`, else `http://127.0.0.1:$EMULATOR_PORT` (8787).
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { EmulatorControl } from '../emulator/control-client.js';

export interface ReplayIo {
  env: Record<string, string | undefined>;
  log(line: string): void;
  error(line: string): void;
  readFile(path: string): Promise<string>;
  sleep(ms: number): Promise<void>;
}

const USAGE =
  'usage: npm run replay -- <trace.json> [--emulator URL] [--agent EMAIL] [--speed N | --instant] [--now]';

function parseArgs(argv: readonly string[]) {
  const flags = new Map<string, string | true>();
  const files: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) files.push(arg);
    else if (arg.includes('='))
      flags.set(arg.slice(2, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1));
    else if (['now', 'instant'].includes(arg.slice(2))) flags.set(arg.slice(2), true);
    else if (argv[i + 1] === undefined || argv[i + 1]!.startsWith('--'))
      flags.set(arg.slice(2), '');
    else flags.set(arg.slice(2), argv[(i += 1)]!);
  }
  return { flags, files };
}

/** The emulator's message from the typed client's error (`control POST /replay → 400: {…}`). */
function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const json = /→ \d+: (\{.*\})$/s.exec(text)?.[1];
  try {
    return json ? String((JSON.parse(json) as { message?: string }).message ?? text) : text;
  } catch {
    return text;
  }
}

/** Resolves when the agent has a connected notifications socket subscribed to their calls. */
async function widgetListening(control: EmulatorControl, agentEmail: string, io: ReplayIo) {
  for (;;) {
    const state = await control.state();
    const agent = state.users.find((u) => u.email === agentEmail.toLowerCase());
    if (!agent) throw new Error(`The emulator has no user ${agentEmail}.`);
    const topic = `v2.users.${agent.id}.conversations.calls`;
    if (
      state.channels.some((c) => c.userId === agent.id && c.connected && c.topics.includes(topic))
    )
      return;
    await io.sleep(500);
  }
}

/** Runs the command; resolves with the exit code. */
export async function runReplay(argv: readonly string[], io: ReplayIo): Promise<number> {
  const { flags, files } = parseArgs(argv);
  const file = files[0];
  if (!file || files.length > 1) {
    io.error(USAGE);
    return 2;
  }
  const empty = [...flags].find(([, value]) => value === '')?.[0];
  if (empty) {
    io.error(`replay: --${empty} needs a value. ${USAGE}`);
    return 2;
  }
  const speed = flags.has('speed') ? Number(flags.get('speed')) : 1;
  if (!Number.isFinite(speed) || speed < 0.1 || speed > 1000) {
    io.error(`replay: --speed must be a number from 0.1 to 1000. ${USAGE}`);
    return 2;
  }
  let trace: object;
  try {
    trace = JSON.parse(await io.readFile(file)) as object;
  } catch (error) {
    io.error(
      `replay: ${file} is not a readable JSON file (${error instanceof Error ? error.message : String(error)}).`,
    );
    return 1;
  }
  const port = io.env.EMULATOR_PORT || '8787';
  const url = String(flags.get('emulator') ?? io.env.EMULATOR_URL ?? `http://127.0.0.1:${port}`);
  const agentEmail = String(flags.get('agent') ?? 'alice@example.com');
  const instant = flags.has('instant');
  const control = new EmulatorControl(url.replace(/\/+$/, ''));
  try {
    if (!flags.has('now')) {
      io.log(`Waiting for ${agentEmail} to sign in to the widget (--now replays at once)…`);
      await widgetListening(control, agentEmail, io);
    }
    const result = await control.replay(trace, {
      agentEmail,
      pace: instant ? 'instant' : 'recorded',
      speed,
    });
    const pace = instant
      ? 'all at once'
      : `at ${speed}× the trace's pace, until ${result.endsAt ?? 'now'}`;
    io.log(
      `Replaying ${result.frames} frames and ${result.failures} recorded REST failures to ${result.agent.email} (${pace}).`,
    );
    for (const { entry, reason: why } of result.skipped)
      io.log(`  not replayed: entries[${entry}]: ${why}`);
    for (const [pseudonym, id] of Object.entries(result.ids)) io.log(`  ${pseudonym} → ${id}`);
    let status = await control.replayStatus();
    while (status.state === 'playing') {
      await io.sleep(500);
      status = await control.replayStatus();
    }
    if (status.state !== 'done') {
      io.error(
        `replay: stopped after ${status.played} of ${status.total} steps (the emulator was reset).`,
      );
      return 1;
    }
    io.log('Done: the widget shows the trace’s last state.');
    return 0;
  } catch (error) {
    io.error(`replay: ${reason(error)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runReplay(process.argv.slice(2), {
    env: process.env,
    log: (line) => console.log(line),
    error: (line) => console.error(line),
    readFile: (path) => readFile(path, 'utf8'),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
}
