import { describe, expect, it } from 'vitest';
import { crawlGraph } from './dev-preload.js';

/** A dev server's transformed modules, by address. */
const MODULES: Record<string, string> = {
  '/src/main.tsx': `import { a } from '/src/a.ts'; import '/src/style.css'; import x from 'https://cdn.example/x.js';`,
  '/src/a.ts': `import { b } from '/node_modules/.vite/deps/react.js?v=1'; export const a = () => import('/src/panel.tsx');`,
  '/src/style.css': `export default ''`,
  '/node_modules/.vite/deps/react.js?v=1': `export const b = 1; console.log(import.meta.url);`,
  '/src/panel.tsx': `import { a } from '/src/a.ts'; import { c } from '/src/panel-only.ts'; import('/src/broken.ts');`,
  '/src/panel-only.ts': `export const c = 1;`,
};

const transform = (asked: string[]) => async (url: string) => {
  asked.push(url);
  if (url === '/src/broken.ts') throw new Error('transform failed');
  const code = MODULES[url];
  return code === undefined ? null : { code };
};

describe('crawlGraph', () => {
  it('walks the whole graph through the transform once per module; the first screen is the static part', async () => {
    const asked: string[] = [];
    const crawl = await crawlGraph(transform(asked), '/src/main.tsx');
    expect(crawl.staticUrls.sort()).toEqual(
      [
        '/node_modules/.vite/deps/react.js?v=1',
        '/src/a.ts',
        '/src/main.tsx',
        '/src/style.css',
      ].sort(),
    );
    // The lazy panel and what only it imports are warmed, not preloaded; a failing one is skipped.
    expect(crawl.lazyUrls.sort()).toEqual([
      '/src/broken.ts',
      '/src/panel-only.ts',
      '/src/panel.tsx',
    ]);
    expect(asked.filter((u) => u === '/src/a.ts')).toHaveLength(1);
    expect(asked).not.toContain('https://cdn.example/x.js');
  });
});
