import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, hostileString } from '../../testing/fuzz';
import { planCrmWrite } from './crm-plan';
import { LIMITS } from './limits';
import { keyProblem, totalProblem, valueProblem } from './validation';

const key = fc.oneof(
  fc.string({ maxLength: 20 }),
  hostileString,
  fc.constantFrom('crm.tier', 'number:crm.openCases', 'lcp.playback.state', ' padded', 'a\u0000b'),
);
const value = fc.oneof(
  fc.string({ maxLength: 20 }),
  hostileString,
  fc.constantFrom('number:x', '2', 'date:2025-02-30', 'x'.repeat(LIMITS.valueLength + 1)),
);
const attributes = fc.dictionary(key, value, { maxKeys: 8 });

describe('CRM write-back: fuzzed answers', () => {
  it('writes only keys and values the panel could send itself, within the limits; refused answers write nothing', () => {
    fc.assert(
      fc.property(
        attributes,
        attributes,
        attributes,
        fc.array(key, { maxLength: 3 }),
        (crm, before, now, busy) => {
          const plan = planCrmWrite(crm, before, now, new Set(busy));
          if (plan.refused) expect(plan.write).toEqual({});
          for (const [k, v] of Object.entries(plan.write)) {
            expect(keyProblem(k)).toBeUndefined();
            expect(valueProblem(k, v)).toBeUndefined();
            expect(busy).not.toContain(k);
            expect(crm[k]).toBe(v);
          }
          expect(totalProblem(now, plan.write)).toBeUndefined();
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});
