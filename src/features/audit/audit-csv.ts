/**
 * Values a spreadsheet would run as a formula: `=`, `+`, `-`, `@`, or a tab or carriage return
 * first (OWASP "CSV injection"). Checked on the whole value, so a formula followed by a line
 * break is caught too (papaparse's default pattern stops at the first line break).
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 CSV (CRLF line ends, fields with commas, quotes or line breaks quoted, quotes
 * doubled) with formula-looking values prefixed by `'`. papaparse is loaded on first use, so
 * it never weighs on the panel's start.
 *
 * @example
 * const csv = await toCsv(['Time', 'What'], [['10:00', '=1+1']]); // "Time,What\r\n10:00,\"'=1+1\""
 */
export async function toCsv(header: readonly string[], rows: readonly string[][]): Promise<string> {
  const { default: Papa } = await import('papaparse');
  return Papa.unparse(
    { fields: [...header], data: rows.map((row) => [...row]) },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
}

/** A file name for the export: `audit-trail-2026-01-31T10-42-07.csv`. */
export const csvFileName = (now: number): string =>
  `audit-trail-${new Date(now).toISOString().slice(0, 19).replaceAll(':', '-')}.csv`;
