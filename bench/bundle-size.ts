import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gzipOf = (outDir: string, file: string) =>
  gzipSync(readFileSync(join(outDir, file.replace(/^\//, '')))).length;

function initialAssets(outDir: string, pattern: RegExp): { bytes: number; files: string[] } {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(pattern)].map((m) => m[1]!);
  return { bytes: files.reduce((sum, file) => sum + gzipOf(outDir, file), 0), files };
}

/** Gzip size of the JavaScript the page loads up front: the entry script and its modulepreloads. */
export function initialJsGzipBytes(outDir: string): { bytes: number; files: string[] } {
  return initialAssets(
    outDir,
    /<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g,
  );
}

/** Gzip size of the stylesheets the page loads up front. */
export function initialCssGzipBytes(outDir: string): { bytes: number; files: string[] } {
  return initialAssets(outDir, /<link[^>]*rel="stylesheet"[^>]*href="([^"]+\.css)"/g);
}

/** Every other JavaScript chunk of the build (lazy panels, catalogues, SDK groups), largest first. */
export function lazyChunks(outDir: string, initial: readonly string[]) {
  const loaded = new Set(initial.map((file) => file.replace(/^\//, '')));
  return readdirSync(join(outDir, 'assets'))
    .filter((name) => name.endsWith('.js') && !loaded.has(`assets/${name}`))
    .map((name) => ({ chunk: name, kbGzip: gzipOf(outDir, `assets/${name}`) / 1024 }))
    .sort((a, b) => b.kbGzip - a.kbGzip);
}
