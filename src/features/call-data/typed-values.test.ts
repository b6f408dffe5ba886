import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTyped } from './format-typed';
import {
  describeAttribute,
  parseAs,
  parseTypedKey,
  parseValuePrefix,
  STRICT_TYPES,
  TYPED_PREFIXES,
  typeProblem,
} from './typed-values';

describe('typed prefixes', () => {
  it('reads the type from the key (as the sample CRM writes it)', () => {
    expect(describeAttribute('number:crm.openCases', '2')).toMatchObject({
      name: 'crm.openCases',
      type: 'number',
      typeFrom: 'key',
      text: '2',
      typed: { kind: 'number', value: 2 },
    });
    expect(describeAttribute('date:crm.lastContact', '2026-10-02').typed).toEqual({
      kind: 'date',
      year: 2026,
      month: 10,
      day: 2,
    });
  });

  it('reads the type from the value (as Architect documents it), spaces after the colon allowed', () => {
    expect(describeAttribute('Account Balance', 'number:1090.56')).toMatchObject({
      name: 'Account Balance',
      type: 'number',
      typeFrom: 'value',
      text: '1090.56',
      typed: { kind: 'number', value: 1090.56 },
    });
    expect(describeAttribute('d', 'date: 2025-3-12').typed).toEqual({
      kind: 'date',
      year: 2025,
      month: 3,
      day: 12,
    });
    expect(describeAttribute('vip', 'checkbox:TRUE').typed).toEqual({
      kind: 'checkbox',
      checked: true,
    });
    expect(describeAttribute('at', 'datetime:2025-04-15T10:30:00.000Z').typed).toEqual({
      kind: 'datetime',
      ms: Date.UTC(2025, 3, 15, 10, 30),
    });
    expect(describeAttribute('id', 'identifier:A-1').typed).toEqual({
      kind: 'text',
      text: 'A-1',
      style: 'identifier',
    });
  });

  it('keeps unknown prefixes, URLs and bare prefixes as plain keys and text', () => {
    const url = describeAttribute('tel:x', 'https://crm.example.com/case/1');
    expect(url).toMatchObject({
      name: 'tel:x',
      typed: { kind: 'text', text: 'https://crm.example.com/case/1' },
    });
    expect(url.type).toBeUndefined();
    expect(parseTypedKey('number:')).toEqual({ name: 'number:' });
    expect(parseTypedKey('Number:x')).toEqual({ name: 'Number:x' });
  });

  it('shows a typed value that does not parse as the text it is', () => {
    expect(describeAttribute('number:n', 'twelve').typed).toEqual({
      kind: 'invalid',
      type: 'number',
      text: 'twelve',
    });
    expect(describeAttribute('d', 'date:2025-02-30').typed).toMatchObject({ kind: 'invalid' });
    expect(parseAs('integer', '1.5')).toBeUndefined();
    expect(parseAs('number', 'Infinity')).toBeUndefined();
    expect(parseAs('number', '1e999')).toBeUndefined();
    expect(parseAs('datetime', '2025-04-15')).toBeUndefined();
  });

  it('names the type a value fails to be, from the key or the value', () => {
    expect(typeProblem('number:visits', 'many')).toBe('number');
    expect(typeProblem('number:visits', '')).toBe('number');
    expect(typeProblem('visits', 'integer:2.5')).toBe('integer');
    expect(typeProblem('checkbox:vip', 'yes')).toBe('checkbox');
    expect(typeProblem('number:visits', '12')).toBeUndefined();
    expect(typeProblem('enum:tier', '')).toBeUndefined();
    expect(typeProblem('note', 'anything at all')).toBeUndefined();
  });

  it('formats through Intl in the agent’s language', () => {
    expect(formatTyped({ kind: 'number', value: 1090.56, integer: false }, 'en-US')).toBe(
      '1,090.56',
    );
    expect(formatTyped({ kind: 'number', value: 1090.56, integer: false }, 'de-DE')).toBe(
      '1.090,56',
    );
    expect(formatTyped({ kind: 'date', year: 2026, month: 10, day: 2 }, 'en-US')).toBe(
      'Oct 2, 2026',
    );
    expect(formatTyped({ kind: 'checkbox', checked: true }, 'en-US')).toBeUndefined();
  });
});

describe('typed prefixes (properties)', () => {
  it('never throws, and a key without a known prefix keeps its name', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (key, value) => {
        const entry = describeAttribute(key, value);
        expect(entry.key).toBe(key);
        expect(entry.raw).toBe(value);
        if (!entry.type || entry.typeFrom === 'value') expect(entry.name).toBe(key);
        else expect(`${entry.type}:${entry.name}`).toBe(key);
      }),
    );
  });

  it('a value with no known prefix is plain text, unchanged', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !parseValuePrefix(s).type),
        (value) => {
          expect(describeAttribute('k', value).typed).toEqual({ kind: 'text', text: value });
        },
      ),
    );
  });

  it('any finite number written as text reads back as the same number, and formats with its digits', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const typed = describeAttribute('number:x', String(n)).typed;
        expect(typed).toEqual({ kind: 'number', value: n === 0 ? 0 : n, integer: false });
        const shown = formatTyped(typed, 'en-US') ?? '';
        if (Number.isInteger(n) && Math.abs(n) < 1e15)
          expect(shown.replace(/,/g, '')).toBe(String(n));
      }),
    );
  });

  it('any real calendar date reads back as that day and shows its year, whatever the zone', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }),
        fc.boolean(),
        (d, pad) => {
          const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
          const two = (v: number) => (pad ? String(v).padStart(2, '0') : String(v));
          const typed = describeAttribute('k', `date:${y}-${two(m)}-${two(day)}`).typed;
          expect(typed).toEqual({ kind: 'date', year: y, month: m, day });
          expect(formatTyped(typed, 'en-US')).toContain(String(y));
        },
      ),
    );
  });

  it('a value is refused for a strict type exactly when it does not parse as that type', () => {
    const strict = TYPED_PREFIXES.filter((t) => STRICT_TYPES.has(t));
    fc.assert(
      fc.property(fc.constantFrom(...strict), fc.string(), (type, text) => {
        const refused = typeProblem(`${type}:k`, text) !== undefined;
        expect(refused).toBe(parseAs(type, text) === undefined);
      }),
    );
  });
});
