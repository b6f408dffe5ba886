import { ALICE, expect, expectNoAxeViolations, muteButton, signIn, test } from './fixtures';

test('the emulator console starts a call and mutes as the Genesys UI', async ({
  page,
  context,
  widgetUrl,
  control,
}) => {
  await signIn(page, widgetUrl);
  const console = await context.newPage();
  await console.goto(`${control.baseUrl}/__emulator/console`);
  await console.getByLabel('Agent').selectOption(ALICE.email);
  await console.getByLabel('Caller name').fill('Console Caller');
  await console.getByRole('button', { name: 'Start inbound call' }).click();
  await expect(page.getByRole('heading', { name: 'Console Caller', level: 2 })).toBeVisible();
  await console.getByRole('button', { name: 'Mute as Genesys UI' }).click();
  await expect(page.getByTestId('mute-status')).toHaveText(/^Muted outside this panel at /);
  await expect(muteButton(page)).toHaveAttribute('aria-pressed', 'true');
  await expectNoAxeViolations(console);
});
