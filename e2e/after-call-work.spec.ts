import type { Page } from '@playwright/test';
import type { EmulatorControl } from '../emulator/control-client.js';
import { ALICE, expect, holdButton, muteButton, signIn, test } from './fixtures';

/** The sample CRM's record for this caller (emulator/README.md, Sample CRM). */
const CALLER = 'tel:+15555550123';
const CRM_RECORD = {
  'crm.caseId': 'CS-104233',
  'crm.tier': 'Gold',
  'crm.openCases': 'number:2',
  'crm.lastContact': 'date:2026-10-02',
};
const WRAPPING_UP = 'The call has ended — you are wrapping up';

const header = (page: Page) => page.locator('.call-header');
const panel = (page: Page) => page.getByTestId('call-data');
const row = (page: Page, key: string) => panel(page).locator(`tr[data-key="${key}"]`);
const valueBox = (page: Page, key: string) =>
  panel(page).getByRole('textbox', { name: key, exact: true });

/** One leg as the emulator holds it (`GET /__emulator/state`). */
async function legOf(control: EmulatorControl, conversationId: string, participantId: string) {
  const state = await control.state();
  return state.conversations
    .find((c) => c.id === conversationId)
    ?.participants.find((p) => p.id === participantId);
}

/** Alice on a connected call that ends into after-call work when the customer hangs up. */
async function aliceWrappingUp(page: Page, widgetUrl: string, control: EmulatorControl) {
  await signIn(page, widgetUrl);
  const call = await control.createCall({
    agentEmail: ALICE.email,
    customerName: 'Casey Caller',
    ani: CALLER,
    attributes: { tier: 'Silver', note: 'first call' },
    wrapup: 'required',
  });
  const customerId = call.participants.find((p) => p.purpose === 'customer')!.id;
  const agentId = call.agentParticipantId!;
  await expect(page.getByRole('heading', { name: 'Casey Caller', level: 2 })).toBeVisible();
  await expect(muteButton(page)).toBeEnabled();
  await control.hangup(call.conversationId, 'customer');
  await expect(header(page).getByText('Wrap-up', { exact: true })).toBeVisible();
  return { conversationId: call.conversationId, customerId, agentId };
}

test('a call ending into after-call work reads Wrap-up; Mute, Hold and Play are disabled with the reason; after wrap-up it reads Ended', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId, agentId } = await aliceWrappingUp(page, widgetUrl, control);
  const leg = await legOf(control, conversationId, agentId);
  expect(leg).toMatchObject({ state: 'terminated', wrapupRequired: true });
  expect(leg?.startAcwTime).toEqual(expect.any(String));

  for (const toggle of [muteButton(page), holdButton(page)]) {
    await expect(toggle).toBeDisabled();
    await expect(toggle).toHaveAttribute('title', WRAPPING_UP);
    await expect(toggle).toHaveAccessibleDescription(WRAPPING_UP);
  }
  await expect(page.getByTestId('controls-reason')).toHaveText(WRAPPING_UP);

  await page.getByRole('button', { name: 'Play a prompt to the caller' }).click();
  await expect(page.getByRole('button', { name: 'Play to caller' })).toBeDisabled();
  await expect(page.getByTestId('playback-reasons')).toContainText(`${WRAPPING_UP}.`);

  await control.wrapUp(conversationId, agentId, { code: 'resolved' });
  await expect(header(page).getByText('Ended', { exact: true })).toBeVisible();
  await expect(header(page).getByText('Wrap-up', { exact: true })).toHaveCount(0);
  await expect(muteButton(page)).toHaveCount(0);
  expect((await legOf(control, conversationId, agentId))?.endAcwTime).toEqual(expect.any(String));
});

test('call data stays editable during after-call work: an edit and the CRM write-back reach the emulator', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId, customerId, agentId } = await aliceWrappingUp(page, widgetUrl, control);

  await expect(row(page, 'tier')).toContainText('Silver');
  await panel(page).getByRole('button', { name: 'Edit call data' }).click();
  await valueBox(page, 'tier').fill('Gold');
  await panel(page).getByRole('button', { name: 'Review changes' }).click();
  const review = panel(page).getByRole('region', { name: 'Changes to save' });
  await review.getByRole('button', { name: 'Save' }).click();
  await expect(panel(page).locator('[data-save-state="saved"]')).toContainText('Saved 1 key');
  await expect(row(page, 'tier')).toHaveAttribute('data-pending', 'false');
  await expect(row(page, 'tier')).toContainText('Gold');
  expect((await legOf(control, conversationId, customerId))?.attributes).toEqual({
    tier: 'Gold',
    note: 'first call',
  });

  await panel(page).getByRole('button', { name: 'Look up in CRM' }).click();
  await expect(panel(page).locator('[data-save-state="saved"]').last()).toContainText(
    'CRM data saved (4 keys)',
  );
  await expect(row(page, 'crm.caseId')).toContainText('CS-104233');
  expect((await legOf(control, conversationId, customerId))?.attributes).toEqual({
    tier: 'Gold',
    note: 'first call',
    ...CRM_RECORD,
  });
  // Still wrapping up: the writes did not end the agent's after-call work.
  await expect(header(page).getByText('Wrap-up', { exact: true })).toBeVisible();
  expect((await legOf(control, conversationId, agentId))?.endAcwTime).toBeUndefined();
});
