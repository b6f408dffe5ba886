import type { FrameLocator, Page } from '@playwright/test';
import type { EmulatorControl } from '../emulator/control-client.js';
import {
  ALICE,
  aliceOnACall,
  expect,
  expectNoAxeViolations,
  muteButton,
  popupClosed,
  signIn,
  test,
} from './fixtures';

/* Issue 22, points 6 and 7: no progress or error line outlives its cause. */

const panel = (page: Page) => page.getByTestId('call-data');
const crmResult = (page: Page) => panel(page).getByTestId('crm-result');
const saveLine = (page: Page) => panel(page).locator('.call-data-save');

/** Every API request waits on the emulator's clock until `release`. */
const HOLD_MS = 30_000;
async function holdApi(control: EmulatorControl) {
  await control.faults({ latencyMs: HOLD_MS });
}
async function releaseApi(control: EmulatorControl) {
  await expect
    .poll(async () => (await control.clock()).pending.map((w) => w.label))
    .toContain('latency');
  await control.faults({ latencyMs: 0 });
  await control.advanceClock(HOLD_MS);
}

/** Alice on a connected call whose customer has call data (the sample CRM knows the caller). */
async function aliceWithCallData(page: Page, widgetUrl: string, control: EmulatorControl) {
  await signIn(page, widgetUrl);
  const call = await control.createCall({
    agentEmail: ALICE.email,
    customerName: 'Casey Caller',
    ani: 'tel:+15555550123',
    attributes: { tier: 'Silver' },
  });
  await expect(page.getByRole('heading', { name: 'Casey Caller', level: 2 })).toBeVisible();
  await expect(panel(page).getByRole('table', { name: 'Call data of the customer' })).toBeVisible();
  return call.conversationId;
}

test('"CRM: writing 4 keys" lasts while its save is in flight, then gives way to what was saved', async ({
  page,
  widgetUrl,
  control,
}) => {
  await aliceWithCallData(page, widgetUrl, control);
  await holdApi(control);
  await panel(page).getByRole('button', { name: 'Look up in CRM' }).click();
  await expect(crmResult(page)).toHaveText(
    'CRM: writing 4 keys (crm.caseId, crm.tier, crm.openCases, crm.lastContact).',
  );
  await expect(saveLine(page)).toHaveText(/^Saving 4 keys/);
  await releaseApi(control);
  await expect(saveLine(page)).toContainText('CRM data saved (4 keys)');
  await expect(crmResult(page)).toHaveCount(0);
  await expect(panel(page).getByText(/writing|Saving/)).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('the call ends while the CRM write is pending: the pending lines go and the outcome says what happened', async ({
  page,
  widgetUrl,
  control,
}) => {
  const conversationId = await aliceWithCallData(page, widgetUrl, control);
  await holdApi(control);
  await panel(page).getByRole('button', { name: 'Look up in CRM' }).click();
  await expect(crmResult(page)).toContainText('CRM: writing 4 keys');
  await control.hangup(conversationId);
  await expect(page.locator('.call-ended')).toBeVisible();
  await releaseApi(control);
  // The write reached Genesys Cloud after the call ended (call data stays writable): saved.
  await expect(saveLine(page)).toContainText('CRM data saved (4 keys)');
  await expect(crmResult(page)).toHaveCount(0);
  await expect(panel(page).getByText(/writing|Saving/)).toHaveCount(0);
  expect((await control.participant(conversationId, 'customer')).attributes).toMatchObject({
    'crm.caseId': 'CS-104233',
  });
});

test('"Couldn’t mute: your sign-in has expired" ends when the agent has signed in again', async ({
  page,
  widgetUrl,
  control,
}) => {
  await aliceOnACall(page, widgetUrl, control);
  await control.faults({ expireTokens: true });
  const signInAgain = page.getByRole('button', { name: 'Sign in again' });
  await expect(signInAgain).toBeVisible({ timeout: 10_000 });
  await muteButton(page).click();
  const refused = page.getByRole('alert').filter({ hasText: 'Couldn’t mute' });
  await expect(refused).toContainText('your sign-in has expired');
  const popup = page.waitForEvent('popup');
  await signInAgain.click();
  await popupClosed(popup);
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible({
    timeout: 10_000,
  });
  await expect(refused).toHaveCount(0);
  await expect(page.locator('.inline-alert')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

const widgetFrame = (page: Page, caller: string): FrameLocator =>
  page.frameLocator(`iframe[title="Interaction widget for ${caller}"]`);
const live = (frame: FrameLocator) => frame.getByRole('status', { name: /Connection: Live/ });

test('while the next leader connects, every remaining widget marks its call "as of" a time', async ({
  page,
  widgetUrl,
  control,
}) => {
  for (const name of ['Caller 1', 'Caller 2', 'Caller 3'])
    await control.createCall({ agentEmail: ALICE.email, customerName: name });
  await page.goto(control.desktopUrl(widgetUrl, ALICE.email));
  const first = widgetFrame(page, 'Caller 1');
  const popup = page.waitForEvent('popup');
  await first.getByRole('button', { name: 'Sign in', exact: true }).click();
  const login = await popup;
  await login.getByLabel('Email').fill(ALICE.email);
  await login.getByRole('button', { name: 'Sign in' }).click();
  const rest = [widgetFrame(page, 'Caller 2'), widgetFrame(page, 'Caller 3')];
  for (const frame of [first, ...rest]) await expect(live(frame)).toBeVisible();
  for (const frame of rest) await expect(frame.getByTestId('stale-banner')).toHaveCount(0);

  // The leader (signed in first) closes; the next one's subscribe waits on the emulator's clock.
  await holdApi(control);
  await page.getByRole('button', { name: 'Close widget: Caller 1', exact: true }).click();
  for (const frame of rest) {
    await expect(frame.getByRole('status', { name: /Connection: Connecting/ })).toBeVisible();
    await expect(frame.getByTestId('stale-banner')).toHaveText(
      /^As of \d{1,2}:\d{2}:\d{2}.* Connecting: the call may have changed since\.$/,
    );
  }
  await releaseApi(control);
  for (const frame of rest) {
    await expect(live(frame)).toBeVisible();
    await expect(frame.getByTestId('stale-banner')).toHaveCount(0);
  }
});
