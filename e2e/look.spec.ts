import type { Page } from '@playwright/test';
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

/* Issue 8: narrow-first, legible at a glance, both themes. Screenshots go to the report. */

const WIDTHS = [320, 400, 1280] as const;
const THEMES = ['light', 'dark'] as const;

const LONG_NAME = 'Ç'.repeat(50) + 'Bartholomew-Featherstonehaugh '.repeat(5);
const LONG_NUMBER = `tel:+1${'5'.repeat(10_000)}`;

async function overflow(page: Page) {
  return page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
}

const box = async (page: Page) => ({
  mute: await muteButton(page).boundingBox(),
  hold: await holdButton(page).boundingBox(),
});

const background = (page: Page, name: 'Mute' | 'Hold') =>
  page
    .getByRole('button', { name, exact: true })
    .evaluate((el) => getComputedStyle(el).backgroundColor);

for (const theme of THEMES) {
  for (const width of WIDTHS) {
    test(`${theme} at ${width} px: no horizontal overflow with a 10,000-digit number and a 200-character name; toggles never move`, async ({
      page,
      widgetUrl,
      control,
    }, testInfo) => {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      await signIn(page, widgetUrl, ALICE.email, `?theme=${theme}`);
      const call = await control.createCall({
        agentEmail: ALICE.email,
        customerName: LONG_NAME.slice(0, 200),
        ani: LONG_NUMBER,
      });
      await expect(muteButton(page)).toBeEnabled();
      const before = await box(page);
      const plain = await background(page, 'Mute');
      const { scroll, client } = await overflow(page);
      expect(scroll).toBeLessThanOrEqual(client);
      expect(await wrappedButtonLabels(page)).toEqual([]);

      await muteButton(page).click();
      await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');
      expect(await box(page)).toEqual(before);
      expect(await background(page, 'Mute')).not.toBe(plain);

      await holdButton(page).click();
      await expect(page.getByTestId('hold-status')).toHaveText('On hold by you');
      expect(await box(page)).toEqual(before);
      expect(await background(page, 'Hold')).not.toBe(plain);
      expect(await background(page, 'Hold')).not.toBe(await background(page, 'Mute'));

      await control.setParticipant(call.conversationId, call.agentParticipantId!, {
        muted: false,
        actor: 'genesys-ui',
      });
      await expect(page.getByTestId('mute-status')).toHaveText(/outside this panel/);
      expect(await box(page)).toEqual(before);
      expect((await overflow(page)).scroll).toBeLessThanOrEqual(client);

      await testInfo.attach(`${theme}-${width}.png`, {
        body: await page.screenshot({ fullPage: true }),
        contentType: 'image/png',
      });
      await expectNoAxeViolations(page);
    });
  }
}

test('the dark theme follows the system unless light is asked for', async ({ page, widgetUrl }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await signIn(page, widgetUrl);
  const root = page.locator('.lcp-root');
  const darkBg = await root.evaluate((el) => getComputedStyle(el).backgroundColor);
  await page.goto(`${widgetUrl}?theme=light`);
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
  const lightBg = await root.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(darkBg).not.toBe(lightBg);
  expect(lightBg).toBe('rgb(255, 255, 255)');
  // Styles are scoped to the widget: nothing is set on the document's root.
  const rootVars = await page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue('--lcp-color-bg'),
  );
  expect(rootVars).toBe('');
});

test('the empty state says what happens next and how the link is', async ({
  page,
  widgetUrl,
  control,
}) => {
  await control.demo(false);
  await signIn(page, widgetUrl);
  await expect(page.getByText('No active call — calls appear here as they arrive.')).toBeVisible();
  await expect(page.getByText('Connected to Genesys Cloud: new calls show at once.')).toBeVisible();
  await expectNoAxeViolations(page);
});
