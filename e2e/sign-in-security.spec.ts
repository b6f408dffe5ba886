import type { BrowserContext, FrameLocator, Page } from '@playwright/test';
import {
  ALICE,
  aliceOnACall,
  expect,
  muteButton,
  popupClosed,
  submitLogin,
  test,
} from './fixtures';

/* Issue 19, points 8 and 9: popup sign-ins that stay one exchange each, and no open redirect. */

/**
 * Counts the code exchanges (`POST /login/oauth/token`) any page or frame of the context sends:
 * a sign-in's code is exchanged once, however many sign-ins the page has seen.
 */
function countTokenRequests(context: BrowserContext) {
  const record = { count: 0 };
  context.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/login/oauth/token')
      record.count += 1;
  });
  return record;
}

const live = (scope: Page | FrameLocator) =>
  scope.getByRole('status', { name: /Connection: Live/ });
const signInButton = (scope: Page | FrameLocator) =>
  scope.getByRole('button', { name: 'Sign in', exact: true });

test('an interaction widget whose agent closed the sign-in window signs in on the next try, with one token request', async ({
  page,
  context,
  widgetUrl,
  control,
}) => {
  const tokens = countTokenRequests(context);
  await control.createCall({ agentEmail: ALICE.email, customerName: 'Caller 1' });
  await page.goto(control.desktopUrl(widgetUrl, ALICE.email));
  const frame = page.frameLocator('iframe[title="Interaction widget for Caller 1"]');
  const first = page.waitForEvent('popup');
  await signInButton(frame).click();
  await (await first).close();
  await expect(frame.getByText('The sign-in window closed before sign-in finished')).toBeVisible({
    timeout: 10_000,
  });
  const second = page.waitForEvent('popup');
  await signInButton(frame).click();
  await submitLogin(await second, ALICE.email);
  await expect(live(frame)).toBeVisible();
  expect(tokens.count).toBe(1);
});

test('renewing three times in a row keeps the agent signed in, with one token request each', async ({
  page,
  context,
  widgetUrl,
  control,
}) => {
  test.setTimeout(60_000);
  // Tokens live 10 min + 3 s: the panel offers renewal (10 min ahead) about 3 s after each.
  await control.tokenTtl(603);
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');
  const tokens = countTokenRequests(context);
  const renew = page.getByRole('button', { name: 'Renew sign-in' });
  for (let renewal = 1; renewal <= 3; renewal += 1) {
    await expect(renew).toBeVisible({ timeout: 10_000 });
    const popup = page.waitForEvent('popup');
    await renew.click();
    await popupClosed(popup);
    await expect(renew).toBeHidden();
    await expect(live(page)).toBeVisible();
    expect(tokens.count).toBe(renewal);
  }
  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Unmuted by you');
  expect((await control.participant(conversationId, 'agent')).muted).toBe(false);
  expect(tokens.count).toBe(3);
});

test('signing in again after a refused attempt takes one token request and works', async ({
  page,
  context,
  widgetUrl,
  control,
}) => {
  const tokens = countTokenRequests(context);
  await page.goto(`${widgetUrl}?gcUsePopupAuth=true`);
  const first = page.waitForEvent('popup');
  await signInButton(page).click();
  const login = await first;
  await expect(signInButton(page)).toBeHidden();
  await expect(login).toHaveURL(/\/login\/oauth\/authorize\?/);
  // The agent declines at the login server: it sends the window back with access_denied.
  const state = new URL(login.url()).searchParams.get('state') ?? '';
  const denied = `${widgetUrl}?error=access_denied&state=${encodeURIComponent(state)}`;
  await login.evaluate((url) => window.location.assign(url), denied);
  await popupClosed(Promise.resolve(login));
  await expect(signInButton(page)).toBeVisible();
  const second = page.waitForEvent('popup');
  await signInButton(page).click();
  await submitLogin(await second, ALICE.email);
  await expect(live(page)).toBeVisible();
  const call = await control.createCall({ agentEmail: ALICE.email, customerName: 'Casey Caller' });
  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');
  expect((await control.participant(call.conversationId, 'agent')).muted).toBe(true);
  expect(tokens.count).toBe(1);
});

test('“Sign in again” stays on the widget’s origin whatever the page’s path', async ({
  page,
  widgetUrl,
}) => {
  const origin = new URL(widgetUrl).origin;
  await page.goto(`${origin}//evil.example/?error=access_denied&state=forged`);
  const link = page.getByRole('link', { name: 'Sign in again' });
  await expect(link).toBeVisible();
  const href = await link.getAttribute('href');
  expect(new URL(href ?? '', page.url()).origin).toBe(origin);
});

test('an OAuth error the protocol does not define is not shown as given', async ({
  page,
  widgetUrl,
}) => {
  await page.goto(widgetUrl);
  await expect(page).toHaveURL(/\/login\/oauth\/authorize\?/);
  const state = new URL(page.url()).searchParams.get('state') ?? '';
  const forged = 'Your account is locked. Call +1 555 0100 to unlock it';
  await page.goto(
    `${widgetUrl}?${new URLSearchParams({ error: forged, error_description: forged, state })}`,
  );
  await expect(page.getByRole('alert')).toContainText(
    'Genesys Cloud did not complete the sign-in.',
  );
  await expect(page.getByText(/Call \+1 555/)).toHaveCount(0);
});

test('after a refused sign-in, the agent can sign in again from the link', async ({
  page,
  widgetUrl,
}) => {
  await page.goto(widgetUrl);
  await expect(page).toHaveURL(/\/login\/oauth\/authorize\?/);
  const state = new URL(page.url()).searchParams.get('state') ?? '';
  await page.goto(`${widgetUrl}?error=access_denied&state=${encodeURIComponent(state)}`);
  await expect(page.getByRole('alert')).toContainText('(access_denied)');
  await page.getByRole('link', { name: 'Sign in again' }).click();
  await submitLogin(page, ALICE.email);
  await expect(live(page)).toBeVisible();
});
