import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvFileName, FORMULA_START, toCsv } from './audit-csv';

const HEADER = ['Time', 'Actor', 'Event', 'Detail', 'Old value', 'New value'];

const parse = (csv: string) =>
  Papa.parse<string[]>(csv, { newline: '\r\n', skipEmptyLines: false }).data;

/** What a spreadsheet shows for a value: formula-looking values start with an apostrophe. */
const escaped = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

describe('toCsv', () => {
  it('parses back into the same rows, with formulas escaped', async () => {
    const rows = [
      ['2026-01-01T10:00:00.000Z', 'You', 'Mute', 'Your line', 'Off', 'On'],
      [
        '2026-01-01T10:00:01.000Z',
        'Outside this panel',
        'Call data',
        'note',
        '',
        '=HYPERLINK("http://x","y")',
      ],
      [
        '2026-01-01T10:00:02.000Z',
        'You',
        'Playback ended',
        'Hold, "please"',
        'line1\r\nline2',
        '-1',
      ],
    ];
    const csv = await toCsv(HEADER, rows);
    const back = parse(csv);
    expect(back[0]).toEqual(HEADER);
    expect(back.slice(1)).toEqual(rows.map((row) => row.map(escaped)));
    expect(back[2]?.[5]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(back[3]?.[5]).toBe(`'-1`);
  });

  it('quotes as RFC 4180 says, with CRLF line ends', async () => {
    const csv = await toCsv(['a', 'b'], [['x,y', 'say "hi"']]);
    expect(csv).toBe('a,b\r\n"x,y","say ""hi"""');
  });

  it('escapes every value a spreadsheet would run, even across line breaks', async () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const csv = await toCsv(['v'], [[`${start}1+1\nmore`]]);
      expect(parse(csv)[1]?.[0]).toBe(`'${start}1+1\nmore`);
    }
  });

  it('round-trips any text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.array(fc.string({ unit: 'grapheme-composite' }), { minLength: 3, maxLength: 3 }),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        async (rows) => {
          const back = parse(await toCsv(['a', 'b', 'c'], rows));
          expect(back.slice(1)).toEqual(rows.map((row) => row.map(escaped)));
          for (const row of back.slice(1))
            for (const value of row) expect(/^[=+\-@\t\r]/.test(value)).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('csvFileName', () => {
  it('is a safe file name with the time', () => {
    expect(csvFileName(Date.UTC(2026, 0, 31, 10, 42, 7))).toBe(
      'audit-trail-2026-01-31T10-42-07.csv',
    );
  });
});
