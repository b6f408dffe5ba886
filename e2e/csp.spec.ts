import type { Page } from '@playwright/test';
import { aliceOnACall, expect, muteButton, SAM, signIn, test } from './fixtures';

/* Issue 12: the built app runs under its strict Content-Security-Policy with no violation. */

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
});

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

test('the agent panel, its lazy panels and prompt audio run under the policy with no violation', async ({
  page,
  widgetUrl,
  control,
}) => {
  // The widget's document as the browser got it on the first visit (before the sign-in redirect);
  // the meta tag is read once the widget is on screen, never on the login page in between.
  const firstDocument = page.waitForResponse(
    (r) => r.request().isNavigationRequest() && r.url().startsWith(widgetUrl),
  );
  await aliceOnACall(page, widgetUrl, control);
  expect((await firstDocument).headers()['content-security-policy']).toMatch(
    /script-src 'self';.*frame-ancestors/,
  );
  expect(new URL(page.url()).origin).toBe(new URL(widgetUrl).origin);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');
  await page.getByRole('button', { name: /participants/ }).click();
  await page.getByRole('button', { name: 'Play a prompt to the caller' }).click();
  await page.getByRole('radio', { name: /^Payment terms/ }).check();
  await page.getByRole('button', { name: 'Play preview' }).click();
  const audio = page.getByTestId('prompt-preview-audio');
  await expect
    .poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime))
    .toBeGreaterThan(0);
  await page.getByRole('button', { name: /Audit trail/ }).click();
  await page.getByRole('button', { name: 'Look up in CRM' }).click();
  await expect(page.getByText('crm.caseId').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the supervisor view runs under the policy with no violation', async ({ page, widgetUrl }) => {
  await signIn(page, widgetUrl, SAM.email, '?view=supervisor');
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  // The lazy view has loaded and drawn its queue picker.
  await expect(page.getByRole('checkbox', { name: 'Support' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('a framing page that is not the Genesys desktop is refused by frame-ancestors', async ({
  page,
  widgetUrl,
}) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/frame-ancestors/.test(message.text())) blocked.push(message.text());
  });
  await page.setContent(`<iframe src="${widgetUrl}" title="elsewhere"></iframe>`);
  await expect.poll(() => blocked.length).toBeGreaterThan(0);
});
