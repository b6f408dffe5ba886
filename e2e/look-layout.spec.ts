import type { Page } from '@playwright/test';
import type { EmulatorControl } from '../emulator/control-client.js';
import {
  ALICE,
  expect,
  expectNoAxeViolations,
  holdButton,
  muteButton,
  signIn,
  test,
  wrappedButtonLabels,
} from './fixtures';
import {
  backgrounds,
  breaksOf,
  clipped,
  inViewport,
  scrollToBottom,
  THEMES,
  WIDTHS,
} from './support/look-checks';

/*
 * Issue 22, points 1–4 at 320, 400 and 1280 px in both themes: Mute and Hold in view with every
 * panel open, the caller's name on its own line before it is cut, call-data keys wrapping only
 * at their boundaries, the panel capped on a wide screen, the whole page themed.
 */

const KEY = 'customer.tier_level-name';
const participantsToggle = (page: Page) => page.getByRole('button', { name: /\d+ participants?$/ });

/** Alice signed in, on a call from Dana Customer with three keys of call data. */
async function aliceWithDana(
  page: Page,
  widgetUrl: string,
  control: EmulatorControl,
  theme: string,
) {
  await signIn(page, widgetUrl, ALICE.email, `?theme=${theme}`);
  await control.createCall({
    agentEmail: ALICE.email,
    customerName: 'Dana Customer',
    ani: 'tel:+13175550142',
    attributes: { [KEY]: 'Gold', openCases: 'number:2', note: 'Prefers email' },
  });
  await expect(muteButton(page)).toBeEnabled();
  await expect(page.locator(`tr[data-key="${KEY}"]`)).toBeVisible();
}

for (const theme of THEMES) {
  for (const width of WIDTHS) {
    test(`${theme} at ${width} px: themed page, whole name and timer, keys wrap at boundaries, Mute and Hold in view with every panel open`, async ({
      page,
      widgetUrl,
      control,
    }, testInfo) => {
      await page.setViewportSize({ width, height: 720 });
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      await aliceWithDana(page, widgetUrl, control, theme);

      // 4. The whole document follows the theme: no frame of another colour around the widget.
      const bg = await backgrounds(page);
      expect(bg.html).toBe(bg.widget);
      expect(bg.body).toBe(bg.widget);
      expect(bg.bodyMargin).toBe('0px');
      if (theme === 'dark') expect(bg.widget).not.toBe('rgb(255, 255, 255)');

      // 2. The name and the timer are whole; at 320 px the timer steps down a size.
      await expect(page.getByRole('heading', { name: 'Dana Customer', level: 2 })).toBeVisible();
      expect(await clipped(page, '.call-title, .call-timer, .badge')).toEqual([]);
      const sizes = await page.evaluate(() => ({
        title: parseFloat(getComputedStyle(document.querySelector('.call-title')!).fontSize),
        timer: parseFloat(getComputedStyle(document.querySelector('.call-timer')!).fontSize),
      }));
      if (width === 320) expect(sizes.timer).toBeLessThanOrEqual(sizes.title);
      else expect(sizes.timer).toBeGreaterThan(sizes.title);

      // 2. A key breaks only after ".", "_" or "-", never inside a word.
      const key = page.locator(`tr[data-key="${KEY}"] .call-data-key .untrusted-text`);
      const { lines, before } = await breaksOf(key);
      if (width === 320) expect(lines).toBeGreaterThan(1);
      for (const char of before) expect('._-').toContain(char);

      // 3. Wide: the card is capped, each row's Copy sits near its key and value.
      if (width === 1280) {
        const card = await page.locator('.call-card').boundingBox();
        expect(card!.width).toBeLessThanOrEqual(1136);
        const row = page.locator(`tr[data-key="${KEY}"]`);
        const keyBox = await row.locator('th').boundingBox();
        const copyBox = await row.getByRole('button', { name: /Copy/ }).boundingBox();
        expect(copyBox!.x + copyBox!.width - keyBox!.x).toBeLessThanOrEqual(720);
        expect((await muteButton(page).boundingBox())!.width).toBeLessThanOrEqual(260);
      }

      // 1. Every panel open: Mute and Hold are in view, at the top and at the bottom of the page.
      await page.getByRole('button', { name: 'Edit call data' }).click();
      await page.getByRole('button', { name: 'Play a prompt to the caller' }).click();
      await page.getByRole('button', { name: 'Audit trail' }).click();
      await participantsToggle(page).click();
      await expect(
        page.getByRole('button', { name: 'Play a prompt to the caller' }),
      ).toHaveAttribute('aria-expanded', 'true');
      expect(await inViewport(muteButton(page))).toBe(true);
      expect(await inViewport(holdButton(page))).toBe(true);
      const { height, viewport } = await scrollToBottom(page);
      // The page is longer than the screen, so staying in view is the layout's doing.
      expect(height).toBeGreaterThan(viewport);
      expect(await inViewport(muteButton(page))).toBe(true);
      expect(await inViewport(holdButton(page))).toBe(true);
      await muteButton(page).click();
      await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');

      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await wrappedButtonLabels(page)).toEqual([]);
      await testInfo.attach(`${theme}-${width}-panels.png`, {
        body: await page.screenshot({ fullPage: true }),
        contentType: 'image/png',
      });
      await expectNoAxeViolations(page);
    });
  }
}

test('sections remember being open or closed for the agent, across a page load', async ({
  page,
  widgetUrl,
  control,
}) => {
  await aliceWithDana(page, widgetUrl, control, 'light');
  const callData = page.getByRole('button', { name: 'Call data', exact: true });
  await expect(callData).toHaveAttribute('aria-expanded', 'true');
  await callData.click();
  await expect(callData).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator(`tr[data-key="${KEY}"]`)).toBeHidden();
  const playback = page.getByRole('button', { name: 'Play a prompt to the caller' });
  await playback.click();
  await expect(playback).toHaveAttribute('aria-expanded', 'true');

  // A new page load: a new sign-in (tokens live in memory), which the emulator grants at once.
  await page.goto(widgetUrl);
  await expect(muteButton(page)).toBeEnabled();
  await expect(callData).toHaveAttribute('aria-expanded', 'false');
  await expect(playback).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('button', { name: 'Audit trail' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await callData.click();
  await expect(page.locator(`tr[data-key="${KEY}"]`)).toBeVisible();
  await expectNoAxeViolations(page);
});
