/**
 * Credentials are crypto-random (issue 19, point 12; FIDELITY.md L6): two emulators with the same
 * seed repeat their conversation ids but never a token, an authorization code, a login session or
 * a channel id, so knowing the seed (it is in the tests) gives an attacker nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, api, authorize, pkcePair, signIn, startEmulator } from './harness.js';

type Running = Awaited<ReturnType<typeof startEmulator>>;
let first: Running;
let second: Running;
beforeAll(async () => {
  [first, second] = await Promise.all([startEmulator({ seed: 5 }), startEmulator({ seed: 5 })]);
});
afterAll(() => Promise.all([first.stop(), second.stop()]));

/** What one emulator issued to Alice: code, session cookie, token, channel id, and a call id. */
async function issued(running: Running) {
  const { challenge } = pkcePair();
  const { code, cookie } = await authorize(running.url, ALICE, challenge);
  const token = await signIn(running.url, ALICE);
  const channel = await api(running.url, token, 'POST', '/notifications/channels');
  const call = await running.control.createCall({ agentEmail: ALICE });
  return {
    code,
    session: /lcp_emulator_login=([^;]+)/.exec(cookie)?.[1] ?? '',
    token,
    channelId: (channel.body as { id: string }).id,
    conversationId: call.conversationId,
  };
}

describe('issued credentials', () => {
  it('differ between two emulators with the same seed, whose call ids agree', async () => {
    const a = await issued(first);
    const b = await issued(second);
    expect(a.conversationId).toBe(b.conversationId);
    expect(a.code).not.toBe(b.code);
    expect(a.session).not.toBe(b.session);
    expect(a.token).not.toBe(b.token);
    expect(a.channelId).not.toBe(b.channelId);
  });

  it('carry at least 128 random bits in an unpadded alphabet, and never repeat', async () => {
    const tokens = await Promise.all(Array.from({ length: 20 }, () => signIn(first.url, ALICE)));
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{64}$/);
    const { code, session, channelId } = await issued(first);
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(channelId).toMatch(/^streaming-0-[a-z0-5]{26}$/);
  });
});
