import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, mutated } from '../../../testing/fuzz';
import en from '../locales/en.json';
import { planCrmWrite } from '../crm-plan';
import { crmAnnouncement } from '../use-crm-lookup';
import { CrmError, lookupCrm, parseCrmAnswer } from './crm-client';

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

  it('an answer that is not {attributes: {key: string}} fails as invalid, and the agent reads that it could not be read', async () => {
    const answer = fc.oneof(
      fc.string(),
      mutated(ANSWER, 3)
        .map((v) => JSON.stringify(v) ?? '')
        .filter((t) => {
          try {
            parseCrmAnswer(t);
            return false;
          } catch {
            return true;
          }
        }),
    );
    await fc.assert(
      fc.asyncProperty(answer, async (text) => {
        const fetch = async () => new Response(text, { status: 200 });
        const failure = await lookupCrm(
          'https://crm.example/lookup',
          { conversationId: 'c', participantId: 'p', attributes: {} },
          { fetch },
        ).then(
          () => undefined,
          (error: unknown) => (error as CrmError).failure,
        );
        if (failure === undefined) return; // plain text that happens to be a valid answer
        expect(failure).toEqual({ kind: 'invalid' });
        const said = crmAnnouncement({ status: 'failed', failure });
        expect(said?.id).toBe('callData.crm.invalid');
        expect(en[said!.id as keyof typeof en]).toBe(
          'The CRM’s answer couldn’t be read. Nothing was written.',
        );
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('keys the panel cannot save refuse the whole answer, and are named escaped and bounded', () => {
    const plan = planCrmWrite(
      { 'crm.tier': 'Gold', 'a\u0000b': 'x', ['k'.repeat(300)]: 'y' },
      {},
      {},
      new Set(),
    );
    expect(plan.write).toEqual({});
    const said = crmAnnouncement({ status: 'done', plan });
    expect(said).toEqual({
      id: 'callData.crm.refusedKeys',
      values: { keys: `a⟨U+0000⟩b, ${'k'.repeat(80)}…` },
    });
  });
});
