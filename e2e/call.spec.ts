import {
  aliceOnACall,
  ALICE,
  expect,
  expectNoAxeViolations,
  signIn,
  countHeartbeats,
  test,
  trackApi,
} from './fixtures';

test('sign in → the demo call arrives by notification; idling on it sends no REST requests', async ({
  page,
  widgetUrl,
  control,
}) => {
  await control.demo(true, 1500);
  const api = trackApi(page);
  const heartbeats = countHeartbeats(page);
  await signIn(page, widgetUrl);
  const afterSignIn = api.requests.length;
  await expect(page.getByRole('heading', { name: 'Dana Customer', level: 2 })).toBeVisible();
  // The call came over the socket: no call was read over REST after sign-in (only the names
  // on it were looked up, once each).
  expect(
    api.requests.slice(afterSignIn).filter((r) => r.path.startsWith('/api/v2/conversations')),
  ).toEqual([]);
  // The one-off lookups have answered (the queue's name is shown; the playback panel looked its
  // flow up, once, after its chunk loaded) and none is open.
  await expect(page.getByText('Queue Support')).toBeVisible();
  await expect.poll(() => api.requests.filter((r) => r.path === '/api/v2/flows').length).toBe(1);
  await expect.poll(() => api.open.size).toBe(0);
  const before = api.requests.length;
  // Ten heartbeats arrive (the e2e heartbeat is 1 s): the socket alone keeps the panel true.
  const beatsBefore = heartbeats.count;
  await expect
    .poll(() => heartbeats.count - beatsBefore, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(10);
  expect(api.requests.slice(before)).toEqual([]);
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
});

test('shows participants with role, state, direction, ANI/DNIS and queue, and a live call timer', async ({
  page,
  widgetUrl,
  control,
}) => {
  await aliceOnACall(page, widgetUrl, control);
  await expect(page.getByText('Queue Support')).toBeVisible();
  const summary = page.getByRole('button', { name: /\d participants/ });
  await expect(summary).toHaveAttribute('aria-expanded', 'false');
  await summary.click();
  const participants = page.getByRole('region', { name: /participants/ });
  await expect(participants.getByText('Casey Caller')).toBeVisible();
  await expect(participants.getByText('Customer · connected · inbound')).toBeVisible();
  await expect(participants.getByText('From +15550100200 · To +18005550100')).toBeVisible();
  await expect(participants.getByText('Alice Agent (you)')).toBeVisible();
  await expect(page.getByTestId('call-timer')).toHaveText(/0:0[1-9]/, { timeout: 4000 });
});

test('the customer hangs up: the panel shows the call ended', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  await control.hangup(conversationId);
  await expect(page.locator('.call-header').getByText('Ended')).toBeVisible();
  await expect(page.getByRole('note')).toHaveText(/The call was ended|The other party hung up/);
  await expect(page.getByRole('button', { name: 'Mute', exact: true })).toHaveCount(0);
});

test('switches between several active calls and follows new ones without a reload', async ({
  page,
  widgetUrl,
  control,
}) => {
  await signIn(page, widgetUrl);
  await control.createCall({ agentEmail: ALICE.email, customerName: 'First Caller' });
  await expect(page.getByRole('heading', { name: 'First Caller' })).toBeVisible();
  const second = await control.createCall({
    agentEmail: ALICE.email,
    customerName: 'Second Caller',
  });
  const switcher = page.getByRole('navigation', { name: 'Your calls' });
  await expect(switcher.getByRole('button')).toHaveCount(2);
  // The second call did not take over the view.
  await expect(page.getByRole('heading', { name: 'First Caller', level: 2 })).toBeVisible();
  await switcher.getByRole('button', { name: /Second Caller/ }).click();
  await expect(page.getByRole('heading', { name: 'Second Caller', level: 2 })).toBeVisible();
  await switcher.getByRole('button', { name: /First Caller/ }).click();
  await expect(page.getByRole('heading', { name: 'First Caller', level: 2 })).toBeVisible();
  await expect(switcher.getByRole('button', { name: /First Caller/ })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await control.hangup(second.conversationId);
  await expect(switcher).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'First Caller', level: 2 })).toBeVisible();
});

test('renders hostile names as text', async ({ page, widgetUrl, control }) => {
  await signIn(page, widgetUrl);
  await control.createCall({
    agentEmail: ALICE.email,
    customerName: '<img src=x onerror="window.__xss=1">',
  });
  await expect(
    page.getByRole('heading', { name: '<img src=x onerror="window.__xss=1">' }),
  ).toBeVisible();
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
});

test('the panel with a call has no axe violations', async ({ page, widgetUrl, control }) => {
  await aliceOnACall(page, widgetUrl, control);
  await page.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');
  await expectNoAxeViolations(page);
});
