import {
  aliceOnACall,
  ALICE,
  expect,
  holdButton,
  muteButton,
  PATCH_PARTICIPANT,
  popupClosed,
  recordFlagPatches,
  signIn,
  test,
} from './fixtures';

/* Issue 7, "Truth under faults": each case checks the screen and the emulator's own state. */

test('1. a mute rolled back after a long 429 is never sent later', async ({
  page,
  widgetUrl,
  control,
}) => {
  // The page's timers (the Retry-After wait among them) run on a clock the test can move.
  await page.clock.install();
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  const patches = recordFlagPatches(page);
  await control.faults({
    failNext: { method: 'PATCH', path: PATCH_PARTICIPANT, status: 429, retryAfterSeconds: 10 },
  });
  await muteButton(page).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Couldn’t mute' })).toContainText(
    'limiting requests right now, so nothing was changed',
    { timeout: 8000 },
  );
  await expect(muteButton(page)).toHaveAttribute('aria-pressed', 'false');
  // Move the page's clock past the Retry-After: the queued request must not go out. A hold
  // clicked after that is the next request the page sends, and is confirmed: a late mute would
  // have left before it.
  await page.clock.runFor(11_000);
  await holdButton(page).click();
  await expect(page.getByTestId('hold-status')).toHaveText('On hold by you');
  expect(patches.map((p) => p.body)).toEqual([{ muted: true }, { held: true }]);
  expect((await control.participant(conversationId, 'agent')).muted).toBe(false);
  await expect(page.getByTestId('mute-status')).toHaveText('Not muted');
});

test('2. a change of mind during a 429 pause sends only the latest intent, and nothing when it is the state', async ({
  page,
  widgetUrl,
  control,
}) => {
  await page.clock.install();
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  const patches = recordFlagPatches(page);
  await control.faults({
    failNext: { method: 'PATCH', path: PATCH_PARTICIPANT, status: 429, retryAfterSeconds: 2 },
  });
  await muteButton(page).click();
  await expect.poll(() => patches.length).toBe(1);
  await muteButton(page).click(); // Unmute: that is what the server has, so nothing to send.
  // Past the pause on the page's clock; the next request below shows nothing left meanwhile.
  await page.clock.runFor(3_000);
  expect(patches.map((p) => p.body)).toEqual([{ muted: true }]);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect((await control.participant(conversationId, 'agent')).muted).toBe(false);

  // Mute, 429, Unmute, Mute again within the pause: one request, with the latest target.
  await control.faults({
    failNext: { method: 'PATCH', path: PATCH_PARTICIPANT, status: 429, retryAfterSeconds: 2 },
  });
  await muteButton(page).click();
  await expect.poll(() => patches.length).toBe(2);
  await muteButton(page).click();
  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you', { timeout: 6000 });
  expect(patches.map((p) => p.body)).toEqual([{ muted: true }, { muted: true }, { muted: true }]);
  expect((await control.participant(conversationId, 'agent')).muted).toBe(true);
});

test('3. a launch URL naming a call that is not the user’s never shows or controls another call', async ({
  page,
  widgetUrl,
  control,
}) => {
  await control.createCall({ agentEmail: ALICE.email, customerName: 'Alice’s Caller' });
  const bobs = await control.createCall({
    agentEmail: 'bob@example.com',
    customerName: 'Bob’s Caller',
  });
  await signIn(page, widgetUrl, ALICE.email, `?gcConversationId=${bobs.conversationId}`);
  await expect(page.getByTestId('pinned-verdict')).toHaveText(
    'This call isn’t yours, so the panel can’t show or control it.',
  );
  await expect(muteButton(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Alice’s Caller' })).toHaveCount(0);

  // The login page remembers Alice now: each load signs in without the form.
  await page.goto(`${widgetUrl}?gcConversationId=0a0a0a0a-0000-4000-8000-000000000000`);
  await expect(page.getByTestId('pinned-verdict')).toHaveText(
    'Genesys Cloud has no call with this id.',
  );
  await expect(muteButton(page)).toHaveCount(0);

  const ended = await control.createCall({ agentEmail: ALICE.email, customerName: 'Gone Caller' });
  await control.hangup(ended.conversationId);
  await page.goto(`${widgetUrl}?gcConversationId=${ended.conversationId}`);
  await expect(page.getByText('This call has ended.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Gone Caller', level: 2 })).toBeVisible();
  await expect(muteButton(page)).toHaveCount(0);
  expect((await control.participant(bobs.conversationId, 'agent')).muted).toBe(false);
});

test('4. a new call does not take the view or the focus; it is announced; Alt+M still works', async ({
  page,
  widgetUrl,
  control,
}) => {
  const first = await aliceOnACall(page, widgetUrl, control, 'Working Caller');
  await muteButton(page).focus();
  const second = await control.createCall({
    agentEmail: ALICE.email,
    customerName: 'Ringing Caller',
    autoAnswer: false,
  });
  const switcher = page.getByRole('navigation', { name: 'Your calls' });
  await expect(switcher.getByRole('button', { name: /Ringing Caller.*Ringing/ })).toBeVisible();
  await expect(page.getByTestId('announcer')).toHaveText('New call from Ringing Caller.');
  await expect(page.getByRole('heading', { name: 'Working Caller', level: 2 })).toBeVisible();
  await expect(muteButton(page)).toBeFocused();
  // Alt+M with focus on the page's body works too.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Alt+KeyM');
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');
  await expect(switcher.getByRole('button', { name: /Working Caller.*Muted/ })).toBeVisible();
  expect((await control.participant(first.conversationId, 'agent')).muted).toBe(true);
  expect((await control.participant(second.conversationId, 'agent')).muted).toBe(false);
});

test('5. while the link is down the call is marked "as of" a time, and the re-read replaces it', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId, agentId } = await aliceOnACall(page, widgetUrl, control);
  await expect(page.getByTestId('stale-banner')).toHaveCount(0);
  await control.faults({ latencyMs: 800 });
  await control.faults({ dropSockets: true });
  await control.setParticipant(conversationId, agentId, { held: true, actor: 'genesys-ui' });
  const banner = page.getByTestId('stale-banner');
  await expect(banner).toContainText(/^As of \d{1,2}:\d{2}:\d{2}/);
  await expect(banner).toContainText('the call may have changed since');
  // Nothing on screen claims to be current meanwhile.
  await expect(page.getByText(/real state/)).toHaveCount(0);
  await expect(page.getByTestId('hold-status')).toHaveText('Not on hold');
  await control.faults({ latencyMs: 0 });
  await expect(banner).toHaveCount(0, { timeout: 10_000 });
  await expect(page.getByTestId('hold-status')).toHaveText(/^Put on hold outside this panel at /);
  expect((await control.participant(conversationId, 'agent')).held).toBe(true);
});

test('6. renewing the sign-in is offered before expiry and opens only from the click; after expiry a click is not lost', async ({
  page,
  context,
  widgetUrl,
  control,
}) => {
  // Tokens live 10 min + 3 s: the panel offers renewal (10 min ahead) after ~3 s.
  await control.tokenTtl(603);
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  const renew = page.getByRole('button', { name: 'Renew sign-in' });
  await expect(renew).toBeVisible({ timeout: 8000 });
  await expect(page.getByText(/Your sign-in ends at/)).toBeVisible();
  expect(context.pages()).toHaveLength(1);
  const popup = page.waitForEvent('popup');
  await renew.click();
  await popupClosed(popup);
  await expect(renew).toBeHidden({ timeout: 8000 });
  expect((await control.state()).tokens).toBe(2);

  // The token dies anyway: the call stays, marked stale; a mute clicked meanwhile is answered.
  await control.faults({ expireTokens: true });
  await expect(page.getByRole('button', { name: 'Sign in again' })).toBeVisible({
    timeout: 8000,
  });
  await expect(page.getByTestId('stale-banner')).toContainText('Sign in again to see the call');
  await muteButton(page).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Couldn’t mute' })).toContainText(
    'your sign-in has expired',
  );
  await expect(page.getByText(/Authentication Popup|\[Error\]/)).toHaveCount(0);
  expect((await control.participant(conversationId, 'agent')).muted).toBe(false);
});
