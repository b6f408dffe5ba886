import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Genesys Spark design tokens, only the ones the widget uses. The `genesys-spark` package ships
 * every token of the Genesys Cloud UI (≈ 450 KB of CSS custom properties for light and dark);
 * this reads them at build time and emits just the `--gse-*` properties referenced from our own
 * stylesheets, scoped to the widget's root (never `:root`): light by default, dark under
 * `[data-theme='dark']` and, unless light is forced, under `prefers-color-scheme: dark`.
 *
 * @example
 * import 'virtual:spark-tokens.css'; // in the widget's entry
 */
export const SPARK_TOKENS_ID = 'virtual:spark-tokens.css';
const RESOLVED = `\0${SPARK_TOKENS_ID}`;
const TOKEN = /--gse-[A-Za-z0-9-]+/g;

export interface TokenBlocks {
  light: Map<string, string>;
  dark: Map<string, string>;
}

/** The declarations of Spark's flare stylesheets: `:root` (light) and `[flare-mode=dark]`. */
export function readSparkTokens(css: string[]): TokenBlocks {
  const blocks: TokenBlocks = { light: new Map(), dark: new Map() };
  for (const text of css) {
    for (const match of text.matchAll(/(:root|\[flare-mode=dark\])\s*\{([^}]*)\}/g)) {
      const target = match[1] === ':root' ? blocks.light : blocks.dark;
      for (const declaration of (match[2] ?? '').split(';')) {
        const colon = declaration.indexOf(':');
        if (colon < 0) continue;
        const name = declaration.slice(0, colon).trim();
        if (name.startsWith('--gse-')) target.set(name, declaration.slice(colon + 1).trim());
      }
    }
  }
  return blocks;
}

/** The CSS for the tokens `used`, with any tokens their values refer to. */
export function tokenCss(blocks: TokenBlocks, used: Iterable<string>, scope: string): string {
  const wanted = new Set<string>();
  const visit = (name: string) => {
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const value of [blocks.light.get(name), blocks.dark.get(name)])
      for (const ref of value?.match(TOKEN) ?? []) visit(ref);
  };
  for (const name of used) visit(name);
  const missing = [...wanted].filter((n) => !blocks.light.has(n));
  if (missing.length > 0) throw new Error(`Unknown Spark tokens: ${missing.join(', ')}`);
  const lines = (map: Map<string, string>) =>
    [...wanted]
      .sort()
      .flatMap((n) => (map.has(n) ? [`  ${n}: ${map.get(n)};`] : []))
      .join('\n');
  const light = lines(blocks.light);
  const dark = lines(blocks.dark);
  return [
    `${scope} {\n${light}\n}`,
    `${scope}[data-theme='dark'] {\n${dark}\n}`,
    `@media (prefers-color-scheme: dark) {\n  ${scope}:not([data-theme='light']) {\n${dark.replace(/^/gm, '  ')}\n  }\n}`,
    '',
  ].join('\n');
}

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/** The Vite plugin: `import 'virtual:spark-tokens.css'` gets the used tokens of `srcDir`. */
export function sparkTokens(options: { srcDir: string; scope: string }): Plugin {
  const require = createRequire(import.meta.url);
  const flare = join(dirname(require.resolve('genesys-spark/package.json')), 'dist/css/flare');
  return {
    name: 'lcp-spark-tokens',
    resolveId: (id) => (id === SPARK_TOKENS_ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const blocks = readSparkTokens(
        ['global.css', 'ui.css'].map((f) => readFileSync(join(flare, f), 'utf8')),
      );
      const used = new Set<string>();
      for (const file of cssFiles(options.srcDir)) {
        this.addWatchFile(file);
        for (const name of readFileSync(file, 'utf8').match(TOKEN) ?? []) used.add(name);
      }
      return tokenCss(blocks, used, options.scope);
    },
  };
}
