import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * docs/bad-input.md names a test for every row as `file › test name`. Each must exist: the file,
 * and a test of that name in it (`…` stands for a part made by a template, as in `(${label})`).
 * Whether they pass is the suites' job; this keeps the catalogue from pointing at nothing.
 */
const DOC = new URL('../docs/bad-input.md', import.meta.url);
const ROOT = new URL('../', import.meta.url);

/** Test titles as their source spells them: quotes and backslashes unescaped. */
const unescape = (source: string) => source.replace(/\\(["'`\\])/g, '$1');

function citations(markdown: string): { file: string; name: string; row: string }[] {
  const rows = markdown
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| ---'));
  return rows.flatMap((row) =>
    [...row.matchAll(/`([^`]+?) › ([^`]+)`/g)].map((m) => ({ file: m[1]!, name: m[2]!, row })),
  );
}

describe('docs/bad-input.md', () => {
  const markdown = readFileSync(DOC, 'utf8');
  const cited = citations(markdown);

  it('every row of every table names at least one test', () => {
    const rows = markdown
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !l.startsWith('| Input'));
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) expect(citations(row), row).not.toEqual([]);
  });

  it('every test it names exists, in the file it names', () => {
    for (const { file, name } of cited) {
      const path = new URL(file, ROOT);
      expect(existsSync(path), file).toBe(true);
      const source = unescape(readFileSync(path, 'utf8'));
      for (const part of name
        .split('…')
        .map((p) => p.trim())
        .filter(Boolean))
        expect(source.includes(part), `${file} › ${name}`).toBe(true);
    }
  });
});
