import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FrameLocator, Page } from '@playwright/test';
import { ALICE, expect, test } from './fixtures';

/*
 * Issue 19 point 11: framed, the widget runs only inside the Genesys Cloud desktop (the
 * emulator's desktop host page here). The preview server's header lets pages on the other
 * loopback name frame it, as a host that forgot frame-ancestors would: the widget must refuse.
 */

let foreign: Server | undefined;

test.afterEach(async () => {
  await new Promise((resolve) => (foreign ? foreign.close(resolve) : resolve(undefined)));
  foreign = undefined;
});

/** Another site (the other loopback name, its own port) whose page frames the widget. */
async function framedElsewhere(page: Page, widgetUrl: string): Promise<FrameLocator> {
  const html = `<!doctype html><title>Elsewhere</title><p>Win a prize: click the button!</p><iframe title="Live Call Panel" src="${widgetUrl}" allow="microphone; clipboard-write" width="400" height="800"></iframe>`;
  foreign = createServer((_, response) => {
    response.setHeader('content-type', 'text/html');
    response.end(html);
  });
  await new Promise<void>((resolve) => foreign!.listen(0, '127.0.0.1', resolve));
  const { port } = foreign.address() as AddressInfo;
  const hostname = new URL(widgetUrl).hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  await page.goto(`http://${hostname}:${port}/`);
  return page.frameLocator('iframe[title="Live Call Panel"]');
}

test('inside the desktop host page the framed widget runs: sign-in and Mute work', async ({
  page,
  widgetUrl,
  control,
}) => {
  const call = await control.createCall({ agentEmail: ALICE.email, customerName: 'Casey Caller' });
  await page.goto(control.desktopUrl(widgetUrl, ALICE.email));
  const frame = page.frameLocator('iframe[title="Interaction widget for Casey Caller"]');
  const popup = page.waitForEvent('popup');
  await frame.getByRole('button', { name: 'Sign in', exact: true }).click();
  const login = await popup;
  await login.getByLabel('Email').fill(ALICE.email);
  await login.getByRole('button', { name: 'Sign in' }).click();
  await frame.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect(frame.getByTestId('mute-status')).toHaveText('Muted by you');
  expect((await control.participant(call.conversationId, 'agent')).muted).toBe(true);
  await expect(frame.getByTestId('framing-refused')).toHaveCount(0);
});

test('a page of another site framing the widget gets the refusal and no controls', async ({
  page,
  widgetUrl,
  control,
}) => {
  await control.createCall({ agentEmail: ALICE.email, customerName: 'Casey Caller' });
  const frame = await framedElsewhere(page, widgetUrl);
  const refusal = frame.getByRole('alert');
  await expect(refusal).toContainText(
    'Live Call Panel runs only inside the Genesys Cloud desktop. Here it is inside a page from http://localhost:',
  );
  await expect(frame.getByTestId('framing-refused')).toBeVisible();
  await expect(frame.getByRole('button')).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Mute', exact: true })).toHaveCount(0);
  // Nothing started behind the refusal: no sign-in, so no token and no channel.
  const state = await control.state();
  expect(state.tokens).toBe(0);
  expect(state.channels).toEqual([]);
});
