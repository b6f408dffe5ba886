import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALICE, api, RecordingSocket, signIn, startEmulator } from '../emulator/test/harness.js';
import { callSnapshot, frame, traceOf } from '../emulator/test/replay-helpers.js';
import { SEED_USERS } from '../emulator/seed-ids.js';
import { runReplay, type ReplayIo } from './replay.js';

type Running = Awaited<ReturnType<typeof startEmulator>>;

/** The script's world: files from a map, output collected, sleeps that yield. */
function io(files: Record<string, string>, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const world: ReplayIo = {
    env,
    log: (line) => out.push(line),
    error: (line) => err.push(line),
    readFile: async (path) => {
      if (!(path in files)) throw new Error(`ENOENT: no such file, open '${path}'`);
      return files[path]!;
    },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20))),
  };
  return { world, out, err };
}

const TRACE = JSON.stringify(
  traceOf([frame(0, callSnapshot()), frame(50, callSnapshot({ muted: true }))]),
);

describe('npm run replay -- trace.json', () => {
  let running: Running;
  beforeAll(async () => {
    running = await startEmulator();
  });
  afterAll(() => running.stop());
  beforeEach(() => running.control.reset());

  it('plays the file in the emulator named by EMULATOR_URL and reports what it did', async () => {
    const { world, out, err } = io({ 'trace.json': TRACE }, { EMULATOR_URL: running.url });
    expect(await runReplay(['trace.json', '--now', '--speed', '10'], world)).toBe(0);
    expect(err).toEqual([]);
    expect(out[0]).toMatch(
      /^Replaying 2 frames and 0 recorded REST failures to alice@example\.com \(at 10× the trace's pace/,
    );
    expect(out).toContain(`  user-1 → ${SEED_USERS.alice.id}`);
    expect(out.at(-1)).toBe('Done: the widget shows the trace’s last state.');
    const [call] = (await running.control.state()).conversations;
    expect(call!.participants.find((p) => p.purpose === 'agent')).toMatchObject({ muted: true });
  });

  it('waits until the agent’s widget listens, then replays (--emulator, --agent, --instant)', async () => {
    const { world, out } = io({ 't.json': TRACE });
    const done = runReplay(
      ['t.json', '--emulator', running.url, '--agent', 'alice@example.com', '--instant'],
      world,
    );
    await expect.poll(() => out[0]).toMatch(/^Waiting for alice@example\.com to sign in/);
    expect((await running.control.state()).conversations).toEqual([]);
    const token = await signIn(running.url, ALICE);
    const channel = (await api(running.url, token, 'POST', '/notifications/channels')).body as {
      id: string;
      connectUri: string;
    };
    await api(running.url, token, 'PUT', `/notifications/channels/${channel.id}/subscriptions`, [
      { id: `v2.users.${SEED_USERS.alice.id}.conversations.calls` },
    ]);
    const socket = await RecordingSocket.open(channel.connectUri);
    expect(await done).toBe(0);
    expect(out).toContain('Done: the widget shows the trace’s last state.');
    expect((await running.control.state()).conversations).toHaveLength(1);
    socket.close();
  });

  it('says why a trace is refused, with the emulator’s reason, and exits 1', async () => {
    const bad = JSON.stringify({ ...JSON.parse(TRACE), version: 7 });
    const { world, err } = io({ 'bad.json': bad }, { EMULATOR_URL: running.url });
    expect(await runReplay(['bad.json', '--now'], world)).toBe(1);
    expect(err).toEqual([
      'replay: The trace was refused: version 7 is not supported; this emulator replays version 1. Nothing was loaded.',
    ]);
  });

  it('refuses a missing or unreadable file and bad flags before calling the emulator', async () => {
    const { world, err } = io({ 'notes.txt': 'hello' });
    expect(await runReplay([], world)).toBe(2);
    expect(await runReplay(['notes.txt', '--speed', 'fast'], world)).toBe(2);
    expect(await runReplay(['notes.txt', '--emulator', '--now'], world)).toBe(2);
    expect(await runReplay(['missing.json'], world)).toBe(1);
    expect(await runReplay(['notes.txt'], world)).toBe(1);
    expect(err[0]).toMatch(/^usage: npm run replay -- <trace\.json>/);
    expect(err[1]).toMatch(/^replay: --speed must be a number from 0\.1 to 1000/);
    expect(err[2]).toMatch(/^replay: --emulator needs a value\./);
    expect(err[3]).toMatch(/^replay: missing\.json is not a readable JSON file \(ENOENT/);
    expect(err[4]).toMatch(/^replay: notes\.txt is not a readable JSON file/);
  });
});
