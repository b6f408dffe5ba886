import { ALICE, aliceOnACall, expect, muteButton, test } from './fixtures';

/* Issue 6: intents live in the widget's services, not in a component. */

test('two calls: mute A, switch to B and back; A still shows it, and nothing was sent again', async ({
  page,
  widgetUrl,
  control,
}) => {
  const a = await aliceOnACall(page, widgetUrl, control, 'First Caller');
  await control.createCall({ agentEmail: ALICE.email, customerName: 'Second Caller' });
  const switcher = page.getByRole('navigation', { name: 'Your calls' });
  await expect(switcher.getByRole('button')).toHaveCount(2);
  const patches: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PATCH') patches.push(r.postData() ?? '');
  });
  await control.faults({ latencyMs: 1500 });
  await muteButton(page).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Muting…');
  await switcher.getByRole('button', { name: /Second Caller/ }).click();
  await expect(page.getByRole('heading', { name: 'Second Caller', level: 2 })).toBeVisible();
  await expect(muteButton(page)).toHaveAttribute('aria-pressed', 'false');
  await switcher.getByRole('button', { name: /First Caller/ }).click();
  // Still pending (the request is slow), then confirmed: the intent lived outside the component.
  await expect(page.getByTestId('mute-status')).toHaveText('Muting…');
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you', { timeout: 8000 });
  await switcher.getByRole('button', { name: /Second Caller/ }).click();
  await switcher.getByRole('button', { name: /First Caller/ }).click();
  await expect(page.getByTestId('mute-status')).toHaveText('Muted by you');
  expect(patches).toEqual(['{"muted":true}']);
  expect((await control.participant(a.conversationId, 'agent')).muted).toBe(true);
});
