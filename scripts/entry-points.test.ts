import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
});

/** Runs a TypeScript entry point with tsx and resolves with its stdout once `lines` lines appeared. */
function run(args: string[], env: Record<string, string>, lines: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`timed out; stdout: ${out}; stderr: ${err}`)),
      30_000,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const got = out.split('\n').filter(Boolean);
      if (got.length >= lines) {
        clearTimeout(timer);
        resolve(got);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on(
      'exit',
      (code) => code !== null && code !== 0 && reject(new Error(`exited ${code}: ${err}`)),
    );
  });
}

describe('entry points', () => {
  it('npm run emulator prints exactly where it listens (port 0 picks a free one)', async () => {
    const [line] = await run(['emulator/src/bin.ts', '--port', '0'], {}, 1);
    const url = /^Genesys Cloud emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(
      line ?? '',
    )?.[1];
    expect(url).toBeDefined();
    const response = await fetch(`${url}/api/v2/users/me`);
    expect(response.status).toBe(401);
  });

  it('the emulator refuses a bad port with a clear message', async () => {
    await expect(run(['emulator/src/bin.ts', '--port', 'eighty'], {}, 1)).rejects.toThrow(
      /port must be a whole number/,
    );
  });

  it('npm start serves the widget and the emulator, and prints both URLs and the console', async () => {
    const lines = await run(['scripts/start.ts'], { PORT: '0', EMULATOR_PORT: '0' }, 4);
    const emulator = /listening on (\S+)$/.exec(lines[0] ?? '')?.[1];
    const consoleUrl = /^Emulator console: (\S+)$/.exec(lines[1] ?? '')?.[1];
    const widget = /^Live Call Panel: (\S+)$/.exec(lines[2] ?? '')?.[1];
    expect(await (await fetch(`${emulator}/api/v2/tokens/me`)).json()).toMatchObject({
      code: 'authentication.required',
    });
    expect(await (await fetch(consoleUrl!)).text()).toContain('Emulator console');
    expect(await (await fetch(widget!)).text()).toContain('<div id="root">');
    const desktop = new URL(/^Genesys Cloud desktop .*: (\S+)$/.exec(lines[3] ?? '')?.[1] ?? '');
    expect(desktop.searchParams.get('widget')).toBe(widget);
    expect(desktop.searchParams.get('user')).toBe('alice@example.com');
    expect(await (await fetch(desktop)).text()).toContain('Genesys Cloud desktop');
    // npm start builds nothing but starts Vite and the emulator: slow on a busy 2-core machine.
  }, 60_000);
});
