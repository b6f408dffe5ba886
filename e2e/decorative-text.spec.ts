import type { Page } from '@playwright/test';
import { aliceOnACall, expect, SAM, signIn, test } from './fixtures';

/*
 * Issue 19, point 15: decoration the stylesheet draws (the disclosure triangle) is no part of a
 * button's name: a screen reader says "Play a prompt to the caller", not "▸ Play a prompt…".
 */

/** The name Chromium's accessibility tree gives every button on the page. */
async function buttonNames(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes
    .filter((node) => !node.ignored && node.role?.value === 'button')
    .map((node) => String(node.name?.value ?? ''));
}

/** Opens a disclosure found by its whole name (the words alone, nothing before them). */
async function open(page: Page, name: string | RegExp) {
  const disclosure = page.getByRole('button', { name, exact: true });
  await disclosure.click();
  await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
}

test('the call view: every disclosure is named by its words alone, closed and open', async ({
  page,
  widgetUrl,
  control,
}) => {
  await aliceOnACall(page, widgetUrl, control);
  await expect(
    page.getByRole('button', { name: 'Play a prompt to the caller', exact: true }),
  ).toBeVisible();
  const closed = await buttonNames(page);
  expect(closed).toContain('Play a prompt to the caller');
  for (const name of ['Play a prompt to the caller', 'Audit trail', /^\d+ participants?$/])
    await open(page, name);
  const opened = await buttonNames(page);
  expect(opened.length).toBeGreaterThan(closed.length);
  expect([...closed, ...opened].filter((name) => name.includes('▸'))).toEqual([]);
});

test('the supervisor view: the queue picker is named by its words alone', async ({
  page,
  widgetUrl,
}) => {
  await signIn(page, widgetUrl, SAM.email, '?view=supervisor');
  await expect(page.getByRole('button', { name: /queues? watched|Choose queues/ })).toBeVisible();
  const names = await buttonNames(page);
  expect(names.some((name) => /^(Choose queues|\d+ queues? watched)$/.test(name))).toBe(true);
  expect(names.filter((name) => name.includes('▸'))).toEqual([]);
});
