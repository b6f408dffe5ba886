import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, oddCasing } from '../testing/fuzz';
import { frameText } from '../testing/fuzz-frames';
import { parseFrame } from './events';

describe('parseFrame: fuzzed frames', () => {
  it('never throws; a frame is malformed, or exactly one of the kinds the channel handles', () => {
    fc.assert(
      fc.property(frameText, (text) => {
        const result = parseFrame(text);
        if (!result.ok) {
          expect(result).toEqual({ ok: false, reason: 'malformed' });
          return;
        }
        expect(['heartbeat', 'pong', 'socketClosing', 'channelGone', 'system', 'topic']).toContain(
          result.frame.kind,
        );
        if (result.frame.kind === 'topic') {
          expect(typeof result.frame.topicName).toBe('string');
          expect(result.frame.topicName).not.toBe('');
          const id = result.frame.correlationId;
          expect(id === undefined || typeof id === 'string').toBe(true);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('{"result":"404"} in any spelling the platform uses is the channel gone; any other result is malformed', () => {
    const result = fc.oneof(
      fc.constantFrom('404', 404),
      fc.oneof(fc.string(), fc.integer(), fc.constantFrom(' 404', '404 ', '4040', 404.5, '0x194')),
    );
    fc.assert(
      fc.property(result, fc.dictionary(fc.string(), fc.jsonValue()), (value, extra) => {
        const frame = { ...extra, result: value };
        delete (frame as { topicName?: unknown }).topicName;
        const parsed = parseFrame(JSON.stringify(frame));
        const gone = String(value) === '404';
        expect(parsed).toEqual(
          gone ? { ok: true, frame: { kind: 'channelGone' } } : { ok: false, reason: 'malformed' },
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('topic names are matched in any casing', () => {
    fc.assert(
      fc.property(oddCasing('v2.system.socket_closing'), oddCasing('channel.metadata'), (a, b) => {
        const closing = parseFrame(JSON.stringify({ topicName: a, eventBody: {} }));
        const meta = parseFrame(JSON.stringify({ topicName: b, eventBody: { message: 'x' } }));
        // Padded or NUL-suffixed names are other topics, never a crash.
        if (a.toLowerCase() === 'v2.system.socket_closing')
          expect(closing).toEqual({ ok: true, frame: { kind: 'socketClosing' } });
        if (b.toLowerCase() === 'channel.metadata')
          expect(meta).toEqual({ ok: true, frame: { kind: 'heartbeat' } });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
