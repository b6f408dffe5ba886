import { createHash, randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { EmulatorControl } from '../control-client.js';
import { SEED_USERS } from '../seed-ids.js';
import type { EmulatorOptions } from '../src/context.js';
import { createEmulator, type Emulator } from '../src/server.js';

export const CLIENT_ID = 'lcp-local';
export const REDIRECT_URI = 'http://127.0.0.1:5999/callback';
export const ALICE = SEED_USERS.alice.email;
export const BOB = SEED_USERS.bob.email;
export const SAM = SEED_USERS.sam.email;

export interface Running {
  emulator: Emulator;
  url: string;
  control: EmulatorControl;
}

/** Starts an emulator on a random port; call `stop()` in afterAll. */
export async function startEmulator(
  options: EmulatorOptions = {},
): Promise<Running & { stop(): Promise<void> }> {
  const emulator = createEmulator({ seed: 7, ...options });
  const url = await emulator.listen({ port: 0 });
  return { emulator, url, control: new EmulatorControl(url), stop: () => emulator.close() };
}

export function pkcePair() {
  const verifier = randomBytes(64).toString('base64url').slice(0, 86);
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

/** Drives the sign-in page as a browser would and returns the authorization code. */
export async function authorize(url: string, email: string, challenge: string, state = 'st-1') {
  const params = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    code_challenge: challenge,
    response_type: 'code',
    code_challenge_method: 'S256',
    state,
  });
  const page = await fetch(`${url}/login/oauth/authorize?${params}`);
  if (page.status !== 200) throw new Error(`authorize page ${page.status}`);
  params.set('email', email);
  const submit = await fetch(`${url}/login/oauth/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: params,
    redirect: 'manual',
  });
  const location = submit.headers.get('location');
  if (submit.status !== 302 || !location) throw new Error(`sign-in gave ${submit.status}`);
  const redirected = new URL(location);
  return {
    code: redirected.searchParams.get('code') ?? '',
    state: redirected.searchParams.get('state'),
    cookie: submit.headers.get('set-cookie') ?? '',
  };
}

/** A token by the full PKCE path over plain HTTP. */
export async function signIn(url: string, email: string): Promise<string> {
  const { verifier, challenge } = pkcePair();
  const { code } = await authorize(url, email, challenge);
  const response = await fetch(`${url}/login/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
    }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`token exchange failed: ${JSON.stringify(body)}`);
  return body.access_token;
}

/** An API answer: status, headers and the parsed JSON body (null when empty). */
export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown> | null;
}

export async function api(
  url: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}/api/v2${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}

/** A socket that records every frame; `next()` waits for a frame matching a predicate. */
export class RecordingSocket {
  readonly frames: Record<string, unknown>[] = [];
  private waiters: {
    match: (f: Record<string, unknown>) => boolean;
    resolve: (f: Record<string, unknown>) => void;
  }[] = [];
  closed: Promise<{ code: number; reason: string }>;
  readonly socket: WebSocket;

  private constructor(socket: WebSocket) {
    this.socket = socket;
    this.closed = new Promise((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Record<string, unknown>;
      this.frames.push(frame);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(frame)) return true;
        w.resolve(frame);
        return false;
      });
    });
  }

  static open(connectUri: string): Promise<RecordingSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(connectUri);
      socket.once('open', () => resolve(new RecordingSocket(socket)));
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) =>
        reject(new Error(`upgrade refused: ${res.statusCode}`)),
      );
    });
  }

  next(
    match: (f: Record<string, unknown>) => boolean,
    timeoutMs = 3000,
  ): Promise<Record<string, unknown>> {
    const seen = this.frames.find(match);
    if (seen) {
      this.frames.splice(this.frames.indexOf(seen), 1);
      return Promise.resolve(seen);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching frame in time')), timeoutMs);
      this.waiters.push({
        match,
        resolve: (f) => {
          clearTimeout(timer);
          this.frames.splice(this.frames.indexOf(f), 1);
          resolve(f);
        },
      });
    });
  }

  send(value: unknown): void {
    this.socket.send(JSON.stringify(value));
  }

  close(): void {
    this.socket.close();
  }
}

export const onTopic = (topic: string) => (f: Record<string, unknown>) => f.topicName === topic;
