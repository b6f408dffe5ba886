import { describe, expect, it } from 'vitest';
import { readSparkTokens, tokenCss } from './spark-tokens.js';

const spark = [
  ':root {\n  --gse-a: #fff;\n  --gse-b: 4px;\n  --gse-c: var(--gse-b);\n  --gse-unused: red;\n}\n[flare-mode=dark] {\n  --gse-a: #000;\n}',
];

describe('spark tokens', () => {
  it('emits only the tokens used (and what they refer to), scoped, light and dark', () => {
    const css = tokenCss(readSparkTokens(spark), ['--gse-a', '--gse-c'], '.lcp-root');
    expect(css).toContain(
      '.lcp-root {\n  --gse-a: #fff;\n  --gse-b: 4px;\n  --gse-c: var(--gse-b);\n}',
    );
    expect(css).toContain(".lcp-root[data-theme='dark'] {\n  --gse-a: #000;\n}");
    expect(css).toContain(
      "@media (prefers-color-scheme: dark) {\n  .lcp-root:not([data-theme='light'])",
    );
    expect(css).not.toContain('--gse-unused');
    expect(css).not.toContain(':root');
  });

  it('refuses a token Spark does not have (a typo would silently render nothing)', () => {
    expect(() => tokenCss(readSparkTokens(spark), ['--gse-typo'], '.x')).toThrow(/--gse-typo/);
  });
});
