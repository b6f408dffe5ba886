/**
 * `POST /__emulator/replay` refuses a malformed or oversized trace whole, saying what is wrong
 * and where, and loads nothing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from './harness.js';
import { callSnapshot, frame, PATCH_AGENT, postReplay, traceOf } from './replay-helpers.js';

type Running = Awaited<ReturnType<typeof startEmulator>>;

describe('a malformed or oversized trace is refused and nothing is loaded', () => {
  let running: Running;
  beforeAll(async () => {
    running = await startEmulator();
  });
  afterAll(() => running.stop());
  beforeEach(() => running.control.reset());

  async function expectNothingLoaded() {
    const state = await running.control.state();
    expect(state.conversations).toEqual([]);
    expect(state.faults.failNext).toEqual([]);
    expect(await running.control.replayStatus()).toMatchObject({ state: 'idle', played: 0 });
  }

  const good = () => traceOf([frame(0, callSnapshot()), { ...PATCH_AGENT, status: 429 }]);
  const cases: [string, unknown, RegExp][] = [
    ['not an object', [1, 2], /expected a JSON object/],
    [
      'another format',
      { ...good(), format: 'har' },
      /format must be "live-call-panel\.trace" \(got "har"\)/,
    ],
    [
      'a newer version',
      { ...good(), version: 2 },
      /version 2 is not supported; this emulator replays version 1/,
    ],
    [
      'no start time',
      { ...good(), startedAt: 'yesterday' },
      /startedAt: expected an ISO 8601 date and time/,
    ],
    ['an unknown entry type', traceOf([{ t: 0, type: 'screenshot' }]), /entries\[0\]\.type/],
    [
      'a status that is no HTTP status',
      traceOf([{ ...PATCH_AGENT, status: 700 }]),
      /entries\[0\]\.status/,
    ],
    [
      'entries out of order',
      traceOf([frame(500, callSnapshot()), frame(100, callSnapshot())]),
      /entries\[1\] \(t 100\) is earlier than entries\[0\] \(t 500\)/,
    ],
    [
      'a calls frame without participants',
      traceOf([frame(0, callSnapshot()), frame(10, { id: 'conversation-1' })]),
      /entries\[1\] is a frame on v2\.users\.user-1\.conversations\.calls without a call snapshot \(body\.participants/,
    ],
    [
      'an id with a slash',
      traceOf([frame(0, callSnapshot())], { user: '../x' }),
      /user: an id has no slashes/,
    ],
  ];

  it.each(cases)('%s: 400 saying what is wrong', async (_name, trace, message) => {
    const response = await postReplay(running, { trace, pace: 'instant' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('emulator.replay.invalid.trace');
    expect(response.body.message).toMatch(/^The trace was refused: /);
    expect(response.body.message).toMatch(message);
    expect(response.body.message).toMatch(/Nothing was loaded\.$/);
    await expectNothingLoaded();
  });

  it('a body that is not JSON: 400', async () => {
    const response = await postReplay(running, '{"trace": ');
    expect(response.status).toBe(400);
    await expectNothingLoaded();
  });

  it('more than 2,000 entries: 413 saying how many', async () => {
    const entries = Array.from({ length: 2001 }, (_, i) => ({
      t: i,
      type: 'session',
      status: 'signedIn',
    }));
    const response = await postReplay(running, { trace: traceOf(entries) });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({
      code: 'emulator.replay.trace.too.large',
      message:
        'The trace was refused: it has 2001 entries; a trace holds at most 2000. Nothing was loaded.',
    });
    await expectNothingLoaded();
  });

  it('a body over 8 MB: 413 saying the limit', async () => {
    const huge = 'x'.repeat(8 * 1024 * 1024);
    const response = await postReplay(running, {
      trace: traceOf([frame(0, { ...callSnapshot(), huge })]),
    });
    expect(response.status).toBe(413);
    expect(response.body.message).toBe(
      'The trace was refused: the request is larger than 8 MB. Nothing was loaded.',
    );
    await expectNothingLoaded();
  });

  it('the typed client rejects with the same reason; a trace of 2,000 entries loads', async () => {
    await expect(running.control.replay({ ...good(), version: 2 })).rejects.toThrow(
      /400: .*version 2 is not supported.*Nothing was loaded/,
    );
    await expectNothingLoaded();
    const entries = Array.from({ length: 2000 }, (_, i) => ({
      t: i,
      type: 'link',
      status: 'live',
      attempt: 0,
    }));
    expect(await running.control.replay(traceOf(entries), { pace: 'instant' })).toMatchObject({
      informational: 2000,
      frames: 0,
    });
  });
});
