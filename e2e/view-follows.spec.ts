import type { Page } from '@playwright/test';
import { onACall } from './support/session';
import {
  aliceOnACall,
  expect,
  expectNoAxeViolations,
  muteButton,
  recordFlagPatches,
  signIn,
  startCall,
  test,
} from './fixtures';

/* Issue 18, point 11: the view follows the live call. */

const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 2 });
const switcher = (page: Page) => page.getByRole('navigation', { name: 'Your calls' });
const endedNote = (page: Page) =>
  page.locator('.call-card').getByText(/The other party hung up|The call has ended/);

/** Everything the widget's live region says from now on, in order. */
async function recordAnnouncements(page: Page): Promise<() => Promise<string[]>> {
  await page.getByTestId('announcer').evaluate((region) => {
    const said: string[] = [];
    (window as unknown as { __said: string[] }).__said = said;
    // Each announcement is a new element in the region (the same words twice are two).
    new MutationObserver((mutations) => {
      for (const mutation of mutations)
        for (const node of mutation.addedNodes) if (node.textContent) said.push(node.textContent);
    }).observe(region, { childList: true });
  });
  return () => page.evaluate(() => [...(window as unknown as { __said: string[] }).__said]);
}

test('a. the call in view ends while another is connected: the view moves to it, says so, and Mute acts on it', async ({
  page,
  widgetUrl,
  control,
}) => {
  const a = await aliceOnACall(page, widgetUrl, control, 'First Caller');
  const b = await startCall(control, { customerName: 'Bob Caller' });
  await expect(switcher(page).getByRole('button', { name: /Bob Caller.*Connected/ })).toBeVisible();
  await expect(heading(page, 'First Caller')).toBeVisible();
  const said = await recordAnnouncements(page);

  await control.hangup(a.conversationId);
  await expect(heading(page, 'Bob Caller')).toBeVisible();
  await expect.poll(said).toContain('Your call ended. Now showing your call with Bob Caller.');
  await expect(muteButton(page)).toBeEnabled();
  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');
  expect((await control.participant(b.conversationId, 'agent')).muted).toBe(true);
  expect((await control.participant(a.conversationId, 'agent')).muted).toBe(false);
  await expectNoAxeViolations(page);
});

test('b. a ringing call never takes the view: not when the call in view ends, not when it is the only other call', async ({
  page,
  widgetUrl,
  control,
}) => {
  const a = await aliceOnACall(page, widgetUrl, control, 'First Caller');
  const bob = await startCall(control, { customerName: 'Bob Caller' });
  await startCall(control, { customerName: 'Ringing Caller', autoAnswer: false });
  await expect(
    switcher(page).getByRole('button', { name: /Ringing Caller.*Ringing/ }),
  ).toBeVisible();
  await expect(switcher(page).getByRole('button', { name: /Bob Caller.*Connected/ })).toBeVisible();

  // One call connected, one ringing: the view moves to the connected one.
  await control.hangup(a.conversationId);
  await expect(heading(page, 'Bob Caller')).toBeVisible();
  await expect(muteButton(page)).toBeEnabled();

  // Only the ringing call is left: the ended call stays in view, and nothing is offered.
  await control.hangup(bob.conversationId);
  await expect(endedNote(page)).toBeVisible();
  await expect(heading(page, 'Bob Caller')).toBeVisible();
  await expect(heading(page, 'Ringing Caller')).toHaveCount(0);
  await expect(page.getByTestId('follow-offer')).toHaveCount(0);
  await expect(
    switcher(page).getByRole('button', { name: /Ringing Caller.*Ringing/ }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});

test('c. with an unsaved call-data edit the ended call stays in view, with a one-click switch to the live call', async ({
  page,
  widgetUrl,
  control,
}) => {
  const a = await onACall(page, widgetUrl, control, {
    customerName: 'First Caller',
    attributes: { tier: 'Silver' },
  });
  const b = await startCall(control, { customerName: 'Bob Caller' });
  await expect(switcher(page).getByRole('button', { name: /Bob Caller.*Connected/ })).toBeVisible();
  const callData = page.getByTestId('call-data');
  await callData.getByRole('button', { name: 'Edit call data' }).click();
  const tier = callData.getByRole('textbox', { name: 'tier', exact: true });
  await tier.fill('Gold');
  const said = await recordAnnouncements(page);

  await control.hangup(a.conversationId);
  await expect(endedNote(page)).toBeVisible();
  const offer = page.getByTestId('follow-offer');
  await expect(offer).toContainText('Your call with Bob Caller is connected.');
  await expect
    .poll(said)
    .toContain(
      'Your call ended and stays in view for your unsaved call data. Your call with Bob Caller is connected.',
    );
  await expect(heading(page, 'First Caller')).toBeVisible();
  await expect(tier).toHaveValue('Gold');
  await expectNoAxeViolations(page);

  await offer.getByRole('button', { name: 'Show it' }).click();
  await expect(heading(page, 'Bob Caller')).toBeVisible();
  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');
  expect((await control.participant(b.conversationId, 'agent')).muted).toBe(true);

  // The unsaved edit waits: the ended call stays reachable, with the draft and the offer.
  await switcher(page)
    .getByRole('button', { name: /First Caller.*Ended/ })
    .click();
  await expect(heading(page, 'First Caller')).toBeVisible();
  await expect(tier).toHaveValue('Gold');
  await expect(offer).toContainText('Your call with Bob Caller is connected.');
});

test('d. Alt+M with no live call in view says so and sends nothing; on a live call it says which call it mutes', async ({
  page,
  widgetUrl,
  control,
}) => {
  await signIn(page, widgetUrl);
  const said = await recordAnnouncements(page);
  const patches = recordFlagPatches(page);

  // Ringing: the agent's leg is not connected.
  const ringing = await startCall(control, { customerName: 'Ringing Caller', autoAnswer: false });
  await expect(heading(page, 'Ringing Caller')).toBeVisible();
  await page.keyboard.press('Alt+KeyM');
  await expect.poll(said).toContain('No live call in view to mute.');

  // Ended, and no other call: the ended call stays in view without controls.
  await control.hangup(ringing.conversationId);
  await expect(endedNote(page)).toBeVisible();
  const before = (await said()).length;
  await page.keyboard.press('Alt+KeyM');
  await expect
    .poll(async () => (await said()).slice(before))
    .toContain('No live call in view to mute.');

  // A connected call arrives: the view follows it, and Alt+M mutes it and says which call.
  const dana = await startCall(control, { customerName: 'Dana Caller' });
  await expect(heading(page, 'Dana Caller')).toBeVisible();
  await expect(muteButton(page)).toBeEnabled();
  await page.keyboard.press('Alt+KeyM');
  await expect.poll(said).toContain('Muting your call with Dana Caller.');
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');
  expect((await control.participant(dana.conversationId, 'agent')).muted).toBe(true);
  // Only the live call's press was sent: the two presses before it sent nothing.
  expect(patches.map((p) => p.body)).toEqual([{ muted: true }]);
  await page.keyboard.press('Alt+KeyM');
  await expect.poll(said).toContain('Unmuting your call with Dana Caller.');
  await expect(page.getByTestId('mute-status')).toHaveText('Unmuted by you');
  expect(patches.map((p) => p.body)).toEqual([{ muted: true }, { muted: false }]);
  await expectNoAxeViolations(page);
});
