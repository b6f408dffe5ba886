import { ALICE, expect, muteButton, test } from './fixtures';

/* Issue 7 item 12: a third-party iframe may have no storage at all. */

test('12. with storage blocked, sign-in still completes from a click (popup, verifier in memory) and the panel works', async ({
  page,
  widgetUrl,
  control,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // This page only: reading sessionStorage or localStorage throws, as in a blocked iframe.
  await page.addInitScript(() => {
    for (const name of ['sessionStorage', 'localStorage'])
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
  });
  await page.goto(widgetUrl);
  const signInButton = page.getByRole('button', { name: 'Sign in', exact: true });
  await expect(signInButton).toBeVisible();
  const popupPromise = page.waitForEvent('popup');
  await signInButton.click();
  const popup = await popupPromise;
  await popup.getByLabel('Email').fill(ALICE.email);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
  await expect(page.getByText(`Signed in as ${ALICE.name}`)).toBeVisible();
  const call = await control.createCall({ agentEmail: ALICE.email, customerName: 'Casey Caller' });
  await expect(page.getByRole('heading', { name: 'Casey Caller', level: 2 })).toBeVisible();
  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');
  expect((await control.participant(call.conversationId, 'agent')).muted).toBe(true);
  expect(errors).toEqual([]);
});

test('gcUsePopupAuth=true signs in from a click even where a redirect would work', async ({
  page,
  widgetUrl,
  control,
}) => {
  await page.goto(`${widgetUrl}?gcUsePopupAuth=true`);
  await expect(page).not.toHaveURL(/oauth\/authorize/);
  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const popup = await popupPromise;
  await popup.getByLabel('Email').fill(ALICE.email);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
  expect((await control.state()).tokens).toBe(1);
});
