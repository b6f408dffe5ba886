/**
 * The emulator as a local attack surface (issue 19, point 12): a page on another site in the
 * developer's browser, directly or through DNS rebinding, gets nothing from it. Emulator-only
 * guards (FIDELITY.md L1–L3, L5).
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { isLocalHost, isLoopbackOrigin } from '../src/local-guard.js';
import { SOCKET_FRAME_BYTES_MAX } from '../src/server.js';
import { ALICE, api, RecordingSocket, signIn, startEmulator } from './harness.js';

const WIDGET_ORIGIN = 'http://127.0.0.1:5173';
const FOREIGN_ORIGIN = 'https://evil.example';

let running: Awaited<ReturnType<typeof startEmulator>>;
let port: number;
beforeAll(async () => {
  running = await startEmulator();
  port = Number(new URL(running.url).port);
});
afterAll(() => running.stop());
beforeEach(() => running.control.reset());

/** One request with any `Host` (fetch will not send a Host of its choosing). */
function send(path: string, headers: Record<string, string>, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const request = httpRequest(
        { host: '127.0.0.1', port, path, method, headers },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
          );
        },
      );
      request.once('error', reject);
      request.end();
    },
  );
}

/** How a socket upgrade ends: `open`, or the HTTP status it was refused with. */
function upgrade(url: string, options: WebSocket.ClientOptions): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options);
    socket.once('open', () => {
      socket.close();
      resolve('open');
    });
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', reject);
  });
}

async function channelUri(): Promise<string> {
  const token = await signIn(running.url, ALICE);
  const channel = await api(running.url, token, 'POST', '/notifications/channels');
  return (channel.body as { connectUri: string }).connectUri;
}

describe('Host', () => {
  it('refuses a foreign name (DNS rebinding) or another port with 421, naming what it accepts', async () => {
    for (const host of [`evil.example:${port}`, `127.0.0.1.evil.example:${port}`, '127.0.0.1:1']) {
      const refused = await send('/api/v2/users/me', { host });
      expect(refused.status, host).toBe(421);
      expect(JSON.parse(refused.body)).toMatchObject({
        status: 421,
        code: 'misdirected.request',
        message: expect.stringContaining(`127.0.0.1, localhost or [::1] on port ${port}`),
      });
    }
    expect((await send('/login/oauth/authorize', { host: `evil.example:${port}` })).status).toBe(
      421,
    );
    expect(
      (await send('/__emulator/state', { host: `evil.example:${port}`, 'x-emulator-control': '1' }))
        .status,
    ).toBe(421);
  });

  it('answers 127.0.0.1, localhost and [::1] on its own port', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const answered = await send('/api/v2/users/me', { host });
      expect(answered.status, host).toBe(401);
    }
  });

  it('refuses a socket upgrade for a foreign name', async () => {
    const uri = await channelUri();
    expect(await upgrade(uri, { headers: { host: `evil.example:${port}` } })).toBe(421);
    expect(await upgrade(uri, { headers: { host: `localhost:${port}` } })).toBe('open');
  });

  it('reads names and ports exactly', () => {
    expect(isLocalHost('LOCALHOST:80', undefined)).toBe(true);
    expect(isLocalHost('localhost', 80)).toBe(true);
    expect(isLocalHost('localhost', 8787)).toBe(false);
    expect(isLocalHost('[::1]:8787', 8787)).toBe(true);
    expect(isLocalHost('[::2]:8787', 8787)).toBe(false);
    expect(isLocalHost('localhost.:8787', 8787)).toBe(false);
    expect(isLocalHost('user@localhost:8787', 8787)).toBe(false);
    expect(isLocalHost(undefined, undefined)).toBe(false);
  });
});

describe('CORS', () => {
  it('gives a foreign origin no CORS header on a preflight or a response', async () => {
    const preflight = await fetch(`${running.url}/api/v2/users/me`, {
      method: 'OPTIONS',
      headers: {
        origin: FOREIGN_ORIGIN,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    const response = await fetch(`${running.url}/api/v2/users/me`, {
      headers: { origin: FOREIGN_ORIGIN },
    });
    for (const answer of [preflight, response]) {
      const cors = [...answer.headers.keys()].filter((name) => name.startsWith('access-control-'));
      expect(cors).toEqual([]);
    }
  });

  it('reflects loopback widget origins on any port', async () => {
    for (const origin of [WIDGET_ORIGIN, 'http://localhost:4173', 'http://[::1]:5173']) {
      const response = await fetch(`${running.url}/api/v2/users/me`, { headers: { origin } });
      expect(response.headers.get('access-control-allow-origin'), origin).toBe(origin);
    }
    expect(isLoopbackOrigin('http://127.0.0.1.evil.example')).toBe(false);
    expect(isLoopbackOrigin('https://127.0.0.1:5173')).toBe(false);
    expect(isLoopbackOrigin('null')).toBe(false);
  });
});

describe('socket upgrades', () => {
  it('refuses a foreign Origin with 403 and lets a loopback one, or none, through', async () => {
    const uri = await channelUri();
    expect(await upgrade(uri, { origin: FOREIGN_ORIGIN })).toBe(403);
    expect(await upgrade(uri, { origin: 'null' })).toBe(403);
    expect(await upgrade(uri, { origin: WIDGET_ORIGIN })).toBe('open');
    expect(await upgrade(uri, {})).toBe('open');
  });

  it(`closes the socket with 1009 on a frame over ${SOCKET_FRAME_BYTES_MAX} bytes`, async () => {
    const socket = await RecordingSocket.open(await channelUri());
    // Just under the cap: an ordinary ping, answered.
    socket.send({ message: 'ping', padding: 'x'.repeat(60 * 1024) });
    await socket.next((f) => (f.eventBody as { message?: string }).message === 'pong');
    socket.socket.send('x'.repeat(70 * 1024));
    expect((await socket.closed).code).toBe(1009);
  });
});
