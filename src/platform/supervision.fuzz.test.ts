import fc from 'fast-check';
import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, mutated } from '../testing/fuzz';
import { readActivityPage } from './supervision';

/** A conversation activity page as the analytics API answers it (contract §2.13). */
const PAGE = {
  results: [
    {
      group: { queueId: 'q1' },
      entities: [
        {
          activityDate: '2026-01-05T10:00:00.000Z',
          metric: 'oInteracting',
          conversationId: 'c1',
          queueId: 'q1',
          userId: 'u1',
          ani: 'tel:+13175550142',
          mediaType: 'voice',
        },
        { metric: 'oWaiting', conversationId: 'c2', mediaType: 'VOICE' },
      ],
    },
    { group: { queueId: 'q2' }, data: [{ metric: 'oWaiting', count: 0 }] },
  ],
};

const optionalText = (v: unknown) => v === undefined || typeof v === 'string';

describe('readActivityPage: fuzzed analytics pages', () => {
  it('never throws; every row it keeps is a voice call with an id and a known metric', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), mutated(PAGE, 5)), (page) => {
        const rows = readActivityPage(page as Models.ConversationActivityResponse);
        for (const row of rows) {
          expect(typeof row.conversationId).toBe('string');
          expect(row.conversationId).not.toBe('');
          expect(['oWaiting', 'oAlerting', 'oInteracting']).toContain(row.metric);
          expect(optionalText(row.queueId) && optionalText(row.userId)).toBe(true);
          expect(optionalText(row.ani)).toBe(true);
          expect(row.since === undefined || Number.isFinite(row.since)).toBe(true);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
