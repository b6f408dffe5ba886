import type { Page, Request } from '@playwright/test';
import type { EmulatorControl } from '../emulator/control-client.js';
import { ALICE, BOB, expect, signIn, test } from './fixtures';

/* Issue 19 point 10: the CRM lookup carries the agent's token, and the CRM checks it. */

const CRM_LOOKUP = '**/__emulator/crm/lookup';
const panel = (page: Page) => page.getByTestId('call-data');

/** Alice signed in, on a connected call from the sample CRM's seeded caller. */
async function aliceOnACallWithData(page: Page, widgetUrl: string, control: EmulatorControl) {
  await signIn(page, widgetUrl);
  const call = await control.createCall({
    agentEmail: ALICE.email,
    customerName: 'Casey Caller',
    ani: 'tel:+15555550123',
  });
  await expect(page.getByRole('heading', { name: 'Casey Caller', level: 2 })).toBeVisible();
  await expect(panel(page).getByRole('button', { name: 'Look up in CRM' })).toBeVisible();
  return call;
}

test('the lookup sends the agent’s Genesys token as a bearer, and the CRM answers it', async ({
  page,
  widgetUrl,
  control,
}) => {
  // The token the widget uses for the Platform API, to compare with what the CRM gets.
  const apiAuth = page.waitForRequest(
    (r) => new URL(r.url()).pathname.startsWith('/api/v2/') && r.method() !== 'OPTIONS',
  );
  const { conversationId } = await aliceOnACallWithData(page, widgetUrl, control);
  const platformToken = (await apiAuth).headers()['authorization'];
  expect(platformToken).toMatch(/^Bearer \S+$/);
  const lookup = page.waitForRequest(
    (r: Request) => r.url().endsWith('/__emulator/crm/lookup') && r.method() === 'POST',
  );
  const answer = page.waitForResponse(
    (r) => r.url().endsWith('/__emulator/crm/lookup') && r.request().method() === 'POST',
  );
  await panel(page).getByRole('button', { name: 'Look up in CRM' }).click();
  expect((await lookup).headers()['authorization']).toBe(platformToken);
  expect((await answer).status()).toBe(200);
  await expect(panel(page).locator('[data-save-state="saved"]')).toContainText(
    'CRM data saved (4 keys)',
  );
  await expect
    .poll(
      async () =>
        (await control.participant(conversationId, 'customer')).attributes?.['crm.caseId'],
    )
    .toBe('CS-104233');
});

test('a lookup for a call the agent is not on is refused (403), and the panel says why', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceOnACallWithData(page, widgetUrl, control);
  const bobs = await control.createCall({ agentEmail: BOB.email, customerName: 'Not Alice’s' });
  // A request that names another agent's call (as a tampered page would): the real sample CRM
  // checks it against Alice's token.
  await page.route(CRM_LOOKUP, (route) => {
    const body = route.request().postDataJSON() as Record<string, unknown>;
    return route.continue({
      postData: JSON.stringify({ ...body, conversationId: bobs.conversationId }),
    });
  });
  const answer = page.waitForResponse(
    (r) => r.url().endsWith('/__emulator/crm/lookup') && r.request().method() === 'POST',
  );
  await panel(page).getByRole('button', { name: 'Look up in CRM' }).click();
  expect((await answer).status()).toBe(403);
  await expect(panel(page).getByTestId('crm-result')).toHaveText(
    'The CRM refused the lookup because it doesn’t show you on this call (error 403). Nothing was written.',
  );
  expect(
    (await control.participant(conversationId, 'customer')).attributes ?? {},
  ).not.toHaveProperty('crm.caseId');
});
