import { expect, expectNoAxeViolations, SAM, signIn, test, wrappedButtonLabels } from './fixtures';
import { backgrounds, clipped, THEMES, WIDTHS } from './support/look-checks';

/*
 * Issue 22, point 5: the supervisor view with 50 calls at 320, 400 and 1280 px in both themes.
 * A narrow grid shows fewer columns, each whole (the rest on the opened call): no number is
 * clipped, the masked caller keeps its last four digits, "My calls" stays on one line.
 */

for (const theme of THEMES) {
  for (const width of WIDTHS) {
    test(`supervisor, 50 calls, ${theme} at ${width} px: whole columns, no clipped number, the rest on the opened call`, async ({
      page,
      widgetUrl,
      control,
    }, testInfo) => {
      await page.setViewportSize({ width, height: 720 });
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      await control.createCalls({ count: 50 });
      await signIn(page, widgetUrl, SAM.email, `?view=supervisor&theme=${theme}`);
      await page.getByRole('checkbox', { name: 'Support' }).check();
      await page.getByRole('checkbox', { name: 'Sales' }).check();
      const grid = page.getByRole('grid', { name: 'Live calls in the chosen queues' });
      await expect(grid).toHaveAttribute('aria-rowcount', '51', { timeout: 20_000 });
      const callers = grid.locator('[role="gridcell"].supervisor-cell-customer');
      // Every caller on screen has been read: its masked number ends in its last four digits.
      await expect
        .poll(async () => (await callers.allTextContents()).filter((c) => !/\d{4}$/.test(c)))
        .toEqual([]);
      expect(await callers.count()).toBeGreaterThan(3);

      const narrow = width < 720;
      await expect(grid.getByRole('columnheader')).toHaveCount(narrow ? 4 : 8);
      expect(await clipped(page, '[role="gridcell"], [role="columnheader"]')).toEqual([]);
      expect(await wrappedButtonLabels(page)).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      const bg = await backgrounds(page);
      expect([bg.html, bg.body]).toEqual([bg.widget, bg.widget]);

      // What the narrow grid leaves out is on the opened call.
      await callers.first().click();
      const facts = page.locator('.supervisor-detail-facts');
      await expect(facts.getByText('Mute / hold')).toBeVisible();
      await expect(facts.getByText('Recording')).toBeVisible();
      await expect(facts.getByText('Playback')).toBeVisible();
      expect(await clipped(page, '[role="gridcell"]')).toEqual([]);
      await testInfo.attach(`supervisor-${theme}-${width}.png`, {
        body: await page.screenshot({ fullPage: true }),
        contentType: 'image/png',
      });
      await expectNoAxeViolations(page);
    });
  }
}
