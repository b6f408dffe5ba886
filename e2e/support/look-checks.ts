import type { Locator, Page } from '@playwright/test';

/** The widths and themes every look check runs at. */
export const WIDTHS = [320, 400, 1280] as const;
export const THEMES = ['light', 'dark'] as const;

/** Whether the element's box lies wholly inside the viewport (no scrolling needed to see it). */
export async function inViewport(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = locator.page().viewportSize();
  if (!box || !size) return false;
  return (
    box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height
  );
}

/** Scrolls the page to its bottom; resolves once it is there. Returns the page's height. */
export async function scrollToBottom(page: Page): Promise<{ height: number; viewport: number }> {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(
    () =>
      Math.abs(window.scrollY + window.innerHeight - document.documentElement.scrollHeight) <= 1,
  );
  return page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    viewport: window.innerHeight,
  }));
}

/** The computed background colours of html, body and the widget's root. */
export const backgrounds = (page: Page) =>
  page.evaluate(() => {
    const bg = (el: Element | null) => (el ? getComputedStyle(el).backgroundColor : 'none');
    return {
      html: bg(document.documentElement),
      body: bg(document.body),
      widget: bg(document.querySelector('[data-widget-root]')),
      bodyMargin: getComputedStyle(document.body).margin,
    };
  });

/**
 * The elements (matching `selector`) whose content is cut: wider than their box. Each entry
 * names the element by its text.
 */
export const clipped = (page: Page, selector: string) =>
  page.evaluate(
    (sel) =>
      [...document.querySelectorAll<HTMLElement>(sel)]
        .filter((el) => el.getClientRects().length > 0)
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.textContent ?? ''),
    selector,
  );

/**
 * Where the text of `locator` breaks between lines: for each line after the first, the
 * character before the break. Measured on the rendered line boxes (a Range per character).
 */
export const breaksOf = (locator: Locator) =>
  locator.evaluate((root) => {
    const chars: { ch: string; top: number }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i += 1) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = [...range.getClientRects()].find((r) => r.width > 0);
        if (rect) chars.push({ ch: text.charAt(i), top: Math.round(rect.top) });
      }
    }
    const lines = new Set(chars.map((c) => c.top)).size;
    const before = chars.flatMap((c, i) =>
      i > 0 && c.top > chars[i - 1]!.top + 2 ? [chars[i - 1]!.ch] : [],
    );
    return { lines, before };
  });
