import { aliceOnACall, expect, muteButton, popupClosed, test, trackApi } from './fixtures';

const PATCH = '/api/v2/conversations/calls/*/participants/*';

test('a 429 on mute is retried after Retry-After and ends confirmed', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  const api = trackApi(page);
  await control.faults({
    failNext: { method: 'PATCH', path: PATCH, status: 429, retryAfterSeconds: 1 },
  });
  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you', { timeout: 6000 });
  expect(api.requests.filter((r) => r.method === 'PATCH')).toHaveLength(2);
  expect((await control.participant(conversationId, 'agent')).muted).toBe(true);
});

test('a 403 is explained and the state rolled back', async ({ page, widgetUrl, control }) => {
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  await control.faults({
    failNext: { method: 'PATCH', path: PATCH, status: 403, code: 'missing.any.permissions' },
  });
  await muteButton(page).click();
  await expect(page.getByRole('alert')).toContainText(
    'Couldn’t mute: your Genesys Cloud role doesn’t allow it.',
  );
  await expect(muteButton(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(muteButton(page)).toHaveAttribute('data-pending', 'false');
  expect((await control.participant(conversationId, 'agent')).muted).toBe(false);
});

test('a 404 is explained, rolled back, and the call re-read', async ({
  page,
  widgetUrl,
  control,
}) => {
  await aliceOnACall(page, widgetUrl, control);
  const api = trackApi(page);
  await control.faults({
    failNext: { method: 'PATCH', path: PATCH, status: 404, code: 'not.found' },
  });
  await muteButton(page).click();
  await expect(page.getByRole('alert')).toContainText('Genesys Cloud no longer has this call');
  await expect(muteButton(page)).toHaveAttribute('aria-pressed', 'false');
  await expect
    .poll(
      () =>
        api.requests.filter(
          (r) => r.method === 'GET' && r.path.startsWith('/api/v2/conversations/calls/'),
        ).length,
    )
    .toBe(1);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a 5xx is explained in words, with a reference for support', async ({
  page,
  widgetUrl,
  control,
}) => {
  await aliceOnACall(page, widgetUrl, control);
  await control.faults({
    failNext: { method: 'PATCH', path: PATCH, status: 503, code: 'service.unavailable' },
  });
  await muteButton(page).click();
  await expect(page.getByRole('alert')).toContainText(/had a problem \(error 503\).*Reference /);
});

test('a 401 mid-call: the panel stays, re-authenticates, and the next change goes through', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  await control.faults({
    failNext: { method: 'PATCH', path: PATCH, status: 401, code: 'bad.credentials' },
  });
  await muteButton(page).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Couldn’t mute' })).toContainText(
    'your sign-in has expired',
  );
  await expect(page.getByRole('heading', { name: 'Casey Caller', level: 2 })).toBeVisible();
  // The sign-in window opens from the agent's click, never from a timer.
  expect((await control.state()).tokens).toBe(1);
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Sign in again' }).click();
  await popupClosed(popup);
  // A second token was issued: the widget really signed in again (the first one is still valid here).
  await expect.poll(async () => (await control.state()).tokens).toBe(2);
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');
  expect((await control.participant(conversationId, 'agent')).muted).toBe(true);
});
