import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, hostileString } from '../../testing/fuzz';
import { displayString, displayText } from './display-text';

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Undoes the escapes (for values that are not cut). */
const unescape = (s: string) =>
  s.replace(/⟨U\+([0-9A-F]{4,6})⟩/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));

const value = fc.oneof(
  hostileString,
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc
    .array(fc.constantFrom('a', 'ب', '👩', '\u200d', '\u200c', '\u202e', '\u2066', '\u200b', '\n'))
    .map((a) => a.join('')),
);
const max = fc.integer({ min: 1, max: 400 });

describe('untrusted text on screen: fuzzed', () => {
  it('shows no invisible character (only joiners inside a word), and never more than the clamp', () => {
    fc.assert(
      fc.property(value, max, (text, limit) => {
        const shown = displayString(text, { max: limit });
        const withoutJoiners = shown.replace(/(?<=\P{ASCII})[\u200c\u200d](?=\P{ASCII})/gu, '');
        expect(INVISIBLE.test(withoutJoiners)).toBe(false);
        expect(LONE_SURROGATE.test(shown)).toBe(false);
        const { clamped } = displayText(text, { max: limit });
        const visible = Array.from(shown).length - (clamped ? 1 : 0);
        expect(visible).toBeLessThanOrEqual(limit);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('a value that fits is shown whole: escapes undone, it is the value itself', () => {
    fc.assert(
      fc.property(value, (text) => {
        const { clamped } = displayText(text, { max: Infinity });
        expect(clamped).toBe(false);
        const shown = displayString(text, { max: Infinity });
        // Lone surrogates are escaped by their code unit; everything else round-trips.
        if (!LONE_SURROGATE.test(text)) expect(unescape(shown)).toBe(text);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('a multi-line value keeps its line breaks and nothing else invisible', () => {
    fc.assert(
      fc.property(value, (text) => {
        const shown = displayString(text, { max: Infinity, multiline: true });
        expect(shown.split('\n').length).toBe(text.split('\n').length);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
