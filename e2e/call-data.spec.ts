import type { Locator, Page } from '@playwright/test';
import type { EmulatorControl } from '../emulator/control-client.js';
import { ALICE, expect, expectNoAxeViolations, signIn, test } from './fixtures';

const ATTRIBUTES_PATH = '/api/v2/conversations/calls/*/participants/*/attributes';
/** The sample CRM's record for this caller (emulator/README.md, Sample CRM). */
const CALLER = 'tel:+15555550123';
const CRM_RECORD = {
  'crm.caseId': 'CS-104233',
  'crm.tier': 'Gold',
  'crm.openCases': 'number:2',
  'crm.lastContact': 'date:2026-10-02',
};

/** Alice on a connected call whose customer starts with `attributes`. */
async function aliceWithCallData(
  page: Page,
  widgetUrl: string,
  control: EmulatorControl,
  attributes: Record<string, string> = { tier: 'Silver', note: 'first call' },
) {
  await signIn(page, widgetUrl);
  const call = await control.createCall({
    agentEmail: ALICE.email,
    customerName: 'Casey Caller',
    ani: CALLER,
    attributes,
  });
  const customerId = call.participants.find((p) => p.purpose === 'customer')!.id;
  await expect(page.getByRole('heading', { name: 'Casey Caller', level: 2 })).toBeVisible();
  await expect(panel(page).getByRole('table', { name: 'Call data of the customer' })).toBeVisible();
  return { conversationId: call.conversationId, customerId };
}

/** Every attributes PATCH the page sends, with its body. */
function recordAttributePatches(page: Page) {
  const sent: Record<string, string>[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() === 'PATCH' && path.endsWith('/attributes'))
      sent.push((request.postDataJSON() as { attributes: Record<string, string> }).attributes);
  });
  return sent;
}

const panel = (page: Page) => page.getByTestId('call-data');
const row = (page: Page, key: string) => panel(page).locator(`tr[data-key="${key}"]`);
const editButton = (page: Page) => panel(page).getByRole('button', { name: 'Edit call data' });
const valueBox = (page: Page, key: string) =>
  panel(page).getByRole('textbox', { name: key, exact: true });
const newKey = (page: Page, n: number): Locator =>
  panel(page).getByRole('group', { name: `New key ${n}` });

async function customerAttributes(control: EmulatorControl, conversationId: string) {
  return (await control.participant(conversationId, 'customer')).attributes ?? {};
}

/** The page sent no attribute PATCH and the customer still holds the call's starting data. */
async function expectNothingWritten(
  patches: readonly Record<string, string>[],
  control: EmulatorControl,
  conversationId: string,
) {
  expect(patches).toEqual([]);
  expect(await customerAttributes(control, conversationId)).toEqual({
    tier: 'Silver',
    note: 'first call',
  });
}

test('edit and add: one PATCH with only the changed keys; pending, then confirmed; the emulator holds the merged map', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceWithCallData(page, widgetUrl, control);
  const patches = recordAttributePatches(page);
  await expect(row(page, 'tier')).toContainText('Silver');
  await editButton(page).click();
  // Focus moves to the first value (keys are in alphabetical order).
  await expect(valueBox(page, 'note')).toBeFocused();
  await valueBox(page, 'tier').fill('Gold');
  await panel(page).getByRole('button', { name: 'Add a key' }).click();
  await newKey(page, 1).getByLabel('Key').fill('number:visits');
  await newKey(page, 1).getByLabel('Value').fill('3');
  await panel(page).getByRole('button', { name: 'Review changes' }).click();

  const review = panel(page).getByRole('region', { name: 'Changes to save' });
  await expect(review.getByRole('heading', { name: 'Changes to save' })).toBeFocused();
  await expect(review.getByRole('listitem')).toHaveCount(2);
  await expect(review.locator('[data-change="tier"]')).toContainText('Silver');
  await expect(review.locator('[data-change="tier"]')).toContainText('Gold');
  await control.faults({ latencyMs: 500 });
  await review.getByRole('button', { name: 'Save' }).click();

  await expect(editButton(page)).toBeFocused();
  await expect(row(page, 'tier')).toHaveAttribute('data-pending', 'true');
  await expect(row(page, 'tier')).toContainText('Saving…');
  await expect(row(page, 'tier')).toHaveAttribute('data-pending', 'false');
  await expect(row(page, 'number:visits')).toHaveAttribute('data-pending', 'false');
  await expect(row(page, 'tier')).toContainText('Gold');
  await expect(row(page, 'number:visits')).toContainText('visits');
  await expect(row(page, 'number:visits')).toContainText('number');
  await expect(panel(page).locator('[data-save-state="saved"]')).toContainText(
    'Saved 2 keys: tier, number:visits.',
  );
  await expect(page.getByTestId('announcer')).toHaveText('Saved 2 keys: tier, number:visits.');
  expect(patches).toEqual([{ tier: 'Gold', 'number:visits': '3' }]);
  expect(await customerAttributes(control, conversationId)).toEqual({
    tier: 'Gold',
    note: 'first call',
    'number:visits': '3',
  });
});

test('a change made elsewhere appears live, typed, with no request from the panel', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId, customerId } = await aliceWithCallData(page, widgetUrl, control);
  const patches = recordAttributePatches(page);
  await control.setAttributes(
    conversationId,
    customerId,
    { tier: 'Platinum', balance: 'number:1090.56', vip: 'checkbox:true' },
    'flow',
  );
  await expect(row(page, 'tier')).toContainText('Platinum');
  await expect(row(page, 'balance')).toContainText('1,090.56');
  await expect(row(page, 'vip')).toContainText('Yes');
  await expect(panel(page).getByTestId('call-data-count')).toHaveText('4 keys');
  await panel(page).getByLabel('Filter by key').fill('ti');
  await expect(panel(page).getByRole('row')).toHaveCount(2);
  await expect(panel(page).getByTestId('call-data-count')).toHaveText('1 key, 3 hidden');
  expect(patches).toEqual([]);
});

test('panel keys (lcp.*) stay hidden unless asked for; a value can be copied', async ({
  page,
  widgetUrl,
  control,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await aliceWithCallData(page, widgetUrl, control, {
    'lcp.playback.state': 'playing',
    caseUrl: 'https://crm.example.com/case/1',
  });
  await expect(row(page, 'lcp.playback.state')).toHaveCount(0);
  await panel(page).getByLabel('Show panel keys (lcp.*)').check();
  await expect(row(page, 'lcp.playback.state')).toContainText('playing');
  await row(page, 'caseUrl').getByRole('button', { name: 'Copy the value of caseUrl' }).click();
  await expect(panel(page).getByTestId('copy-status')).toHaveText('Copied the value of caseUrl.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    'https://crm.example.com/case/1',
  );
});

test('a conflicting change during an edit is shown; keeping theirs writes nothing', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId, customerId } = await aliceWithCallData(page, widgetUrl, control);
  const patches = recordAttributePatches(page);
  await editButton(page).click();
  await valueBox(page, 'tier').fill('Gold');
  await control.setAttributes(conversationId, customerId, { tier: 'Platinum', note: 'x' }, 'crm');

  const conflict = panel(page).getByRole('group', {
    name: 'tier changed while you were editing it',
  });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('When you startedSilver');
  await expect(conflict).toContainText('YoursGold');
  await expect(conflict).toContainText('NowPlatinum');
  // A key the agent did not touch simply updates.
  await expect(valueBox(page, 'note')).toHaveValue('x');
  await expect(page.getByTestId('announcer')).toHaveText(
    'tier changed while you were editing it. Choose which value to keep.',
  );
  await expectNoAxeViolations(page);

  await conflict.getByRole('button', { name: 'Keep theirs for tier' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(valueBox(page, 'tier')).toHaveValue('Platinum');
  await panel(page).getByRole('button', { name: 'Review changes' }).click();
  await expect(panel(page)).toContainText('Nothing has changed, so there is nothing to save.');
  await panel(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(editButton(page)).toBeFocused();
  expect(patches).toEqual([]);
  expect(await customerAttributes(control, conversationId)).toEqual({
    tier: 'Platinum',
    note: 'x',
  });
});

test('a conflicting change during review blocks Save; taking mine writes mine', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId, customerId } = await aliceWithCallData(page, widgetUrl, control);
  const patches = recordAttributePatches(page);
  await editButton(page).click();
  await valueBox(page, 'tier').fill('Gold');
  await panel(page).getByRole('button', { name: 'Review changes' }).click();
  const review = panel(page).getByRole('region', { name: 'Changes to save' });
  await control.setAttributes(conversationId, customerId, { tier: 'Platinum' }, 'another-client');

  const conflict = review.getByRole('group', { name: 'tier changed while you were editing it' });
  await expect(conflict).toBeVisible();
  await expect(review.getByRole('button', { name: 'Save' })).toBeDisabled();
  await expectNoAxeViolations(page);
  await conflict.getByRole('button', { name: 'Use mine for tier' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(review.locator('[data-change="tier"]')).toContainText('Platinum');
  await review.getByRole('button', { name: 'Save' }).click();
  await expect(row(page, 'tier')).toContainText('Gold');
  await expect(row(page, 'tier')).toHaveAttribute('data-pending', 'false');
  expect(patches).toEqual([{ tier: 'Gold' }]);
  expect(await customerAttributes(control, conversationId)).toEqual({
    tier: 'Gold',
    note: 'first call',
  });
});

test('CRM lookup writes the returned keys back in one PATCH and shows them typed', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceWithCallData(page, widgetUrl, control);
  const patches = recordAttributePatches(page);
  await control.crm({ latencyMs: 600 });
  await panel(page).getByRole('button', { name: 'Look up in CRM' }).click();
  await expect(
    panel(page).getByRole('progressbar', { name: 'CRM lookup in progress' }),
  ).toBeVisible();
  await expect(panel(page).getByRole('progressbar')).toHaveCount(0);
  await expect(row(page, 'crm.openCases')).toHaveAttribute('data-pending', 'false');
  await expect(row(page, 'crm.lastContact')).toContainText('Oct 2, 2026');
  await expect(row(page, 'crm.caseId')).toContainText('CS-104233');
  await expect(panel(page).locator('[data-save-state="saved"]')).toContainText(
    'CRM data saved (4 keys)',
  );
  // The save's outcome replaces "CRM: writing 4 keys" (stale-lines.spec.ts follows it).
  await expect(panel(page).getByTestId('crm-result')).toHaveCount(0);
  expect(patches).toEqual([CRM_RECORD]);
  expect(await customerAttributes(control, conversationId)).toEqual({
    tier: 'Silver',
    note: 'first call',
    ...CRM_RECORD,
  });
  await expectNoAxeViolations(page);
});

test('the CRM never clobbers a key the agent is editing, and says so', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceWithCallData(page, widgetUrl, control);
  const patches = recordAttributePatches(page);
  await editButton(page).click();
  await panel(page).getByRole('button', { name: 'Add a key' }).click();
  await newKey(page, 1).getByLabel('Key').fill('crm.tier');
  await newKey(page, 1).getByLabel('Value').fill('Diamond');
  await panel(page).getByRole('button', { name: 'Look up in CRM' }).click();
  await expect(panel(page).getByTestId('crm-result')).toContainText(
    'Not written because you are changing it: crm.tier.',
  );
  await expect.poll(() => patches.length).toBe(1);
  expect(patches[0]).not.toHaveProperty('crm.tier');
  await expect
    .poll(async () => (await customerAttributes(control, conversationId))['crm.caseId'])
    .toBe('CS-104233');
  await expect(newKey(page, 1).getByLabel('Value')).toHaveValue('Diamond');
  expect(await customerAttributes(control, conversationId)).not.toHaveProperty('crm.tier');
});

test('a slow CRM times out after 10 s with a message and writes nothing', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceWithCallData(page, widgetUrl, control);
  const patches = recordAttributePatches(page);
  await control.crm({ latencyMs: 12_000 });
  await panel(page).getByRole('button', { name: 'Look up in CRM' }).click();
  await expect(
    panel(page).getByRole('progressbar', { name: 'CRM lookup in progress' }),
  ).toBeVisible();
  await expect(panel(page).getByTestId('crm-result')).toHaveText(
    'The CRM didn’t answer within 10 seconds. Nothing was written.',
    { timeout: 12_000 },
  );
  await expect(page.getByTestId('announcer')).toHaveText(
    'The CRM didn’t answer within 10 seconds. Nothing was written.',
  );
  await expectNothingWritten(patches, control, conversationId);
});

test('a failing CRM (500) is explained and leaves the attributes untouched', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceWithCallData(page, widgetUrl, control);
  const patches = recordAttributePatches(page);
  await control.crm({ status: 500 });
  await panel(page).getByRole('button', { name: 'Look up in CRM' }).click();
  await expect(panel(page).getByTestId('crm-result')).toHaveText(
    'The CRM failed (error 500). Nothing was written.',
  );
  await expectNothingWritten(patches, control, conversationId);
});

test('invalid keys and a 100 KB value each get their message, and nothing is sent', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceWithCallData(page, widgetUrl, control);
  const patches = recordAttributePatches(page);
  await editButton(page).click();
  await valueBox(page, 'tier').fill('x'.repeat(100 * 1024));
  const cases = [
    ['', 'a value', 'Enter a key name.'],
    ['   ', 'a value', 'Enter a key name.'],
    ['lcp.playback.stopRequested', 'r-1', 'Keys starting with lcp. belong to this panel'],
    ['note', 'again', 'This key already exists'],
    ['k'.repeat(257), 'v', 'Keys can be at most 256 characters (this one has 257).'],
  ] as const;
  for (const [index, [key, value]] of cases.entries()) {
    await panel(page).getByRole('button', { name: 'Add a key' }).click();
    await newKey(page, index + 1)
      .getByLabel('Key')
      .fill(key);
    await newKey(page, index + 1)
      .getByLabel('Value')
      .fill(value);
  }
  await panel(page).getByRole('button', { name: 'Add a key' }).click();
  await newKey(page, 6).getByLabel('Key').fill('number:visits');
  await newKey(page, 6).getByLabel('Value').fill('lots');
  await panel(page).getByRole('button', { name: 'Review changes' }).click();

  await expect(panel(page).getByRole('alert')).toHaveText(
    '7 entries need fixing before anything is saved. Nothing was sent.',
  );
  await expect(valueBox(page, 'tier')).toBeFocused();
  await expect(valueBox(page, 'tier')).toHaveAttribute('aria-invalid', 'true');
  await expect(valueBox(page, 'tier')).toHaveAccessibleDescription(
    'Values can be at most 32,768 characters (this one has 102,400).',
  );
  for (const [index, [, , text]] of cases.entries())
    await expect(newKey(page, index + 1).getByLabel('Key')).toHaveAccessibleDescription(
      new RegExp(`^${text.replace(/[.()]/g, '\\$&')}`),
    );
  await expect(newKey(page, 6).getByLabel('Value')).toHaveAccessibleDescription(
    /This key needs a number like 12\.5\./,
  );
  await expectNoAxeViolations(page);
  await expectNothingWritten(patches, control, conversationId);
});

test('a <script> value is saved as text and shown as plain text; every PATCH sent was valid', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceWithCallData(page, widgetUrl, control);
  const patches = recordAttributePatches(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  await editButton(page).click();
  await panel(page).getByRole('button', { name: 'Add a key' }).click();
  await newKey(page, 1).getByLabel('Key').fill('<b>key</b>');
  await newKey(page, 1).getByLabel('Value').fill(hostile);
  await panel(page).getByRole('button', { name: 'Review changes' }).click();
  await panel(page).getByRole('button', { name: 'Save' }).click();
  await expect(row(page, '<b>key</b>')).toHaveAttribute('data-pending', 'false');
  await expect(row(page, '<b>key</b>').getByRole('cell')).toHaveText([hostile, /Copy/]);
  await expect(row(page, '<b>key</b>').getByRole('rowheader')).toHaveText('<b>key</b>');
  await expect(panel(page).locator('img, script, b')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(patches).toEqual([{ '<b>key</b>': hostile }]);
  for (const body of patches)
    for (const [key, value] of Object.entries(body)) {
      expect(key.trim().length).toBeGreaterThan(0);
      expect(key.length).toBeLessThanOrEqual(256);
      expect(key.toLowerCase().startsWith('lcp.')).toBe(false);
      expect(value.length).toBeLessThanOrEqual(32_768);
    }
  expect((await customerAttributes(control, conversationId))['<b>key</b>']).toBe(hostile);
});

test('a 409 is retried with backoff and the save still lands whole', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceWithCallData(page, widgetUrl, control);
  const patches = recordAttributePatches(page);
  await control.faults({
    failNext: { method: 'PATCH', path: ATTRIBUTES_PATH, status: 409, code: 'conflict' },
  });
  await editButton(page).click();
  await valueBox(page, 'tier').fill('Gold');
  await valueBox(page, 'note').fill('second call');
  await panel(page).getByRole('button', { name: 'Review changes' }).click();
  await panel(page).getByRole('button', { name: 'Save' }).click();
  await expect(panel(page).locator('[data-save-state="saved"]')).toContainText(
    'Saved 2 keys: tier, note.',
  );
  expect(patches).toEqual([
    { note: 'second call', tier: 'Gold' },
    { note: 'second call', tier: 'Gold' },
  ]);
  expect(await customerAttributes(control, conversationId)).toEqual({
    tier: 'Gold',
    note: 'second call',
  });
});

test('a refused save says exactly what was not saved and changes nothing', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceWithCallData(page, widgetUrl, control);
  await control.faults({
    failNext: {
      method: 'PATCH',
      path: ATTRIBUTES_PATH,
      status: 403,
      code: 'missing.any.permissions',
    },
  });
  await editButton(page).click();
  await valueBox(page, 'tier').fill('Gold');
  await valueBox(page, 'note').fill('second call');
  await panel(page).getByRole('button', { name: 'Review changes' }).click();
  await panel(page).getByRole('button', { name: 'Save' }).click();
  const status = panel(page).locator('[data-save-state="failed"]');
  await expect(status).toContainText('Nothing was saved.');
  await expect(status).toContainText(
    'Couldn’t save tier, note: your Genesys Cloud role doesn’t allow it.',
  );
  await expect(row(page, 'tier')).toContainText('Silver');
  expect(await customerAttributes(control, conversationId)).toEqual({
    tier: 'Silver',
    note: 'first call',
  });
  await expectNoAxeViolations(page);
});

test('"look up once when a call connects": each call is looked up once, the choice kept for the session', async ({
  page,
  widgetUrl,
  control,
}) => {
  const first = await aliceWithCallData(page, widgetUrl, control);
  const patches = recordAttributePatches(page);
  await panel(page).getByLabel('Look up in the CRM once when a call connects').check();
  await expect(row(page, 'crm.caseId')).toContainText('CS-104233');
  const second = await control.createCall({
    agentEmail: ALICE.email,
    customerName: 'Sky Second',
    ani: 'tel:+15550001111',
  });
  const switcher = page.getByRole('navigation', { name: 'Your calls' });
  await switcher.getByRole('button', { name: /Sky Second/ }).click();
  await expect(
    panel(page).getByLabel('Look up in the CRM once when a call connects'),
  ).toBeChecked();
  await expect(row(page, 'crm.caseId')).toContainText('CS-099120');
  await switcher.getByRole('button', { name: /Casey Caller/ }).click();
  await expect(row(page, 'crm.caseId')).toContainText('CS-104233');
  await expect(panel(page).getByTestId('crm-result')).toHaveCount(0);
  expect(patches).toHaveLength(2);
  expect((await customerAttributes(control, second.conversationId))['crm.tier']).toBe('Silver');
  expect((await customerAttributes(control, first.conversationId))['crm.tier']).toBe('Gold');
  expect(await page.evaluate(() => sessionStorage.getItem('lcp.callData.crmOnConnect'))).toBe('1');
});

test('an unsaved edit survives a switch to another call and back; nothing is sent meanwhile', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceWithCallData(page, widgetUrl, control);
  await control.createCall({ agentEmail: ALICE.email, customerName: 'Sky Second' });
  const patches = recordAttributePatches(page);
  await editButton(page).click();
  await valueBox(page, 'tier').fill('Gold');
  await panel(page).getByRole('button', { name: 'Add a key' }).click();
  await newKey(page, 1).getByLabel('Key').fill('reason');
  await newKey(page, 1).getByLabel('Value').fill('billing');

  const switcher = page.getByRole('navigation', { name: 'Your calls' });
  await switcher.getByRole('button', { name: /Sky Second/ }).click();
  await expect(page.getByRole('heading', { name: 'Sky Second', level: 2 })).toBeVisible();
  await expect(editButton(page)).toBeVisible();
  await switcher.getByRole('button', { name: /Casey Caller/ }).click();

  await expect(valueBox(page, 'tier')).toHaveValue('Gold');
  await expect(newKey(page, 1).getByLabel('Key')).toHaveValue('reason');
  await expect(newKey(page, 1).getByLabel('Value')).toHaveValue('billing');
  expect(patches).toEqual([]);
  await panel(page).getByRole('button', { name: 'Review changes' }).click();
  await panel(page).getByRole('button', { name: 'Save' }).click();
  await expect(panel(page).locator('[data-save-state="saved"]')).toContainText(
    'Saved 2 keys: tier, reason.',
  );
  expect(patches).toEqual([{ tier: 'Gold', reason: 'billing' }]);
  expect(await customerAttributes(control, conversationId)).toEqual({
    tier: 'Gold',
    note: 'first call',
    reason: 'billing',
  });
});
