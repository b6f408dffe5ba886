import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * House style: small files. No file under `src/` or `emulator/src/` (code, tests, CSS, catalogues
 * alike) is over 300 lines; a file that grows past it is split along a seam, not trimmed.
 */
const MAX_LINES = 300;
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FOLDERS = ['src', 'emulator/src'];

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

/** Lines as an editor counts them (a last line without a newline still counts). */
function lineCount(path: string): number {
  const text = readFileSync(path, 'utf8');
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

describe('file sizes', () => {
  it(`no file in ${FOLDERS.join(' or ')} is over ${MAX_LINES} lines`, () => {
    const files = FOLDERS.flatMap((folder) => filesUnder(join(ROOT, folder)));
    expect(files.length).toBeGreaterThan(100);
    const over = files
      .map((path) => ({ file: relative(ROOT, path), lines: lineCount(path) }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file} (${lines} lines)`)
      .sort();
    expect(over).toEqual([]);
  });
});
