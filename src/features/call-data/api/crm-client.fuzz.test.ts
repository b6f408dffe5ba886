import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, mutated } from '../../../testing/fuzz';
import { CrmError, parseCrmAnswer } from './crm-client';

/** The sample CRM's answer: `{attributes: {key: string}}`. */
const ANSWER = {
  attributes: { 'crm.tier': 'Gold', 'number:crm.openCases': '2', 'date:crm.since': '2019-04-01' },
};

const text = fc.oneof(
  fc.string(),
  fc.anything().map((v) => JSON.stringify(v) ?? ''),
  mutated(ANSWER, 3).map((v) => JSON.stringify(v) ?? ''),
  fc.constant(JSON.stringify(ANSWER)),
  fc.constant('{"attributes":{"__proto__":"x","constructor":"y"}}'),
);

describe('CRM answers: fuzzed (the pure parser of crm-client.ts)', () => {
  it('a CRM answer is a map of own string keys to strings, or a CrmError "invalid"; never anything else', () => {
    fc.assert(
      fc.property(text, (body) => {
        let attributes: Record<string, string>;
        try {
          attributes = parseCrmAnswer(body);
        } catch (error) {
          expect(error).toBeInstanceOf(CrmError);
          expect((error as CrmError).failure).toEqual({ kind: 'invalid' });
          return;
        }
        expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
        for (const key of Object.keys(attributes)) {
          expect(Object.hasOwn(attributes, key)).toBe(true);
          expect(typeof attributes[key]).toBe('string');
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('keys like __proto__ stay keys (no prototype pollution)', () => {
    const parsed = parseCrmAnswer('{"attributes":{"__proto__":"x","constructor":"y"}}');
    expect(Object.keys(parsed).sort()).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
