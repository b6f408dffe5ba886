import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, hostileString, oddCasing } from '../testing/fuzz';
import { PLAYBACK_KEY, readPlayback } from './playback-protocol';

const value = fc.oneof(
  hostileString,
  oddCasing('playing'),
  oddCasing('dtmf'),
  fc.constantFrom('completed', 'maxDuration', '2026-01-05T10:00:00.000Z', 'not a date', '1e400'),
);
/** What a flow (or anyone with write access to participant data) may leave on the customer. */
const attributes = fc.dictionary(
  fc.oneof(fc.constantFrom(...Object.values(PLAYBACK_KEY)), fc.string()),
  value,
  { maxKeys: 10 },
);

describe('playback attributes: fuzzed', () => {
  it('readPlayback never throws; states, reasons and times it keeps are ones the panel knows', () => {
    fc.assert(
      fc.property(attributes, (attrs) => {
        const read = readPlayback(attrs);
        if (!read) return;
        expect(read.requestId).not.toBe('');
        expect([undefined, 'playing', 'completed', 'stopped', 'failed']).toContain(read.state);
        expect([
          undefined,
          'completed',
          'maxDuration',
          'agentStop',
          'dtmf',
          'hangup',
          'error',
        ]).toContain(read.reason);
        for (const t of [read.startedAt, read.endedAt])
          expect(t === undefined || Number.isFinite(t)).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
