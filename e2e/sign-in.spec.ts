import { ALICE, expect, signIn, test } from './fixtures';

test('signs in through the emulator login page and shows the user’s name', async ({
  page,
  widgetUrl,
  control,
}) => {
  await page.goto(widgetUrl);
  await expect(page).toHaveURL(/\/login\/oauth\/authorize\?/);
  await page.getByLabel('Email').fill(ALICE.email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(`Signed in as ${ALICE.name}`)).toBeVisible();
  expect(new URL(page.url()).search).toBe('');
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
  const state = await control.state();
  expect(state.channels.filter((c) => c.connected)).toHaveLength(1);
});

test('a call for the signed-in agent appears without a reload', async ({
  page,
  widgetUrl,
  control,
}) => {
  await signIn(page, widgetUrl);
  await expect(page.getByText('No active call — calls appear here as they arrive.')).toBeVisible();
  await control.createCall({
    agentEmail: ALICE.email,
    customerName: 'Casey Caller',
    ani: 'tel:+15550100200',
  });
  await expect(page.getByRole('heading', { name: 'Casey Caller', level: 2 })).toBeVisible();
});

test('keeps no token in localStorage', async ({ page, widgetUrl }) => {
  await signIn(page, widgetUrl);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).not.toMatch(/access|token/i);
});

test('launch parameters survive the sign-in redirect and pin the panel to that call', async ({
  page,
  widgetUrl,
  control,
}) => {
  const first = await control.createCall({
    agentEmail: ALICE.email,
    customerName: 'Pinned Caller',
  });
  await control.createCall({ agentEmail: ALICE.email, customerName: 'Other Caller' });
  await page.goto(`${widgetUrl}?gcConversationId=${first.conversationId}&gcLangTag=en-US`);
  await page.getByLabel('Email').fill(ALICE.email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Pinned Caller', level: 2 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Your calls' })).toHaveCount(0);
  expect(new URL(page.url()).search).toBe('');
});

test('unreplaced placeholders in the launch URL are explained', async ({ page, widgetUrl }) => {
  await page.goto(`${widgetUrl}?gcConversationId={{gcConversationId}}`);
  await page.getByLabel('Email').fill(ALICE.email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('One launch setting was ignored').click();
  await expect(page.getByRole('list', { name: 'Launch settings that were ignored' })).toContainText(
    'gcConversationId arrived as a placeholder',
  );
});

test('a forged sign-in response (wrong state) is refused, not exchanged', async ({
  page,
  widgetUrl,
}) => {
  await page.goto(`${widgetUrl}?code=stolen-code&state=forged`);
  await expect(page.getByRole('alert')).toContainText('did not match this window’s request');
  expect(new URL(page.url()).search).toBe('');
});
