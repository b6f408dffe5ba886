import { afterEach, describe, expect, it } from 'vitest';
import { followPageTheme } from './page-theme';

afterEach(() => document.body.replaceChildren());

describe('followPageTheme', () => {
  it("gives the document the widget's background and colour scheme, no body margin; undone on stop", () => {
    const root = document.createElement('div');
    root.style.backgroundColor = 'rgb(16, 24, 32)';
    root.style.colorScheme = 'dark';
    document.body.append(root);
    const stop = followPageTheme(root);
    for (const el of [document.documentElement, document.body]) {
      expect(getComputedStyle(el).backgroundColor).toBe('rgb(16, 24, 32)');
      expect(el.style.colorScheme).toBe('dark');
    }
    expect(document.body.style.margin).toBe('0px');
    stop();
    expect(document.documentElement.style.backgroundColor).toBe('');
    expect(document.body.style.backgroundColor).toBe('');
    expect(document.body.style.margin).toBe('');
  });
});
