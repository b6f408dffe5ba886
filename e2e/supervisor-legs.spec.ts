import type { Page } from '@playwright/test';
import type { EmulatorControl } from '../emulator/control-client.js';
import { ALICE, expect, SAM, signIn, test, trackApi } from './fixtures';

/**
 * The supervisor view against what is not a plain call: chats in the queue (never call rows),
 * and Sam's own monitor leg while his phone rings (FIDELITY.md S1-S3, M1-M3).
 */

const grid = (page: Page) => page.getByRole('grid', { name: 'Live calls in the chosen queues' });
const rowOf = (page: Page, conversationId: string) =>
  grid(page).locator(`[role="row"][data-conversation-id="${conversationId}"]`);
const detail = (page: Page) => page.getByRole('region', { name: /^Call from / });
const actionStatus = (page: Page) => detail(page).locator('.supervisor-actions [role="status"]');

async function samWatching(page: Page, widgetUrl: string, queues: string[]) {
  await signIn(page, widgetUrl, SAM.email, '?view=supervisor');
  await expect(page.getByRole('heading', { name: 'Live calls', level: 2 })).toBeVisible();
  for (const queue of queues) await page.getByRole('checkbox', { name: queue }).check();
}

async function aliceCall(control: EmulatorControl) {
  const call = await control.createCall({
    agentEmail: ALICE.email,
    queue: 'Support',
    customerName: 'Casey Caller',
    ani: 'tel:+13175550142',
  });
  return { conversationId: call.conversationId, agentId: call.agentParticipantId! };
}

/** Sam's legs on the call, as the emulator has them. */
async function samLegs(control: EmulatorControl, conversationId: string) {
  const state = await control.state();
  const sam = state.users.find((u) => u.email === SAM.email)!.id;
  return state.conversations
    .find((c) => c.id === conversationId)!
    .participants.filter((p) => p.user?.id === sam);
}

const shownIds = (page: Page) =>
  grid(page)
    .locator('[role="row"][data-conversation-id]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-conversation-id')).sort());

/** Sam opens Alice's call and presses Monitor; his (manual) phone rings. */
async function samMonitorsRinging(page: Page, widgetUrl: string, control: EmulatorControl) {
  await control.phone(SAM.email, { answer: 'manual' });
  const call = await aliceCall(control);
  await samWatching(page, widgetUrl, ['Support']);
  await rowOf(page, call.conversationId).click();
  await detail(page).getByRole('button', { name: 'Monitor', exact: true }).click();
  await expect(actionStatus(page)).toHaveText('Calling your phone…');
  return call;
}

test('a chat, a message, an email and a callback in the queue never show as call rows: the screen lists the emulator’s voice calls', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceCall(control);
  const chat = await control.createInteraction({
    mediaType: 'chat',
    queue: 'Support',
    state: 'interacting',
    agentEmail: 'bob@example.com',
  });
  const others = await Promise.all(
    (['message', 'email', 'callback'] as const).map((mediaType) =>
      control.createInteraction({ mediaType, queue: 'Support' }),
    ),
  );
  const api = trackApi(page);
  await samWatching(page, widgetUrl, ['Support']);
  await expect(rowOf(page, conversationId)).toBeVisible();
  await expect(page.getByTestId('supervisor-reading')).toHaveAttribute('data-left', '0');

  // One arriving while watched (on the queue's other-media topics) changes nothing either.
  const late = await control.createInteraction({ mediaType: 'chat', queue: 'Support' });
  const [second] = (await control.createCalls({ count: 1, queue: 'Support' })).conversationIds;
  await expect(rowOf(page, second!)).toBeVisible();
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '3');

  const voice = (await control.activeState()).conversations.map((c) => c.id).sort();
  expect(await shownIds(page)).toEqual(voice);
  for (const id of [chat, ...others, late].map((i) => i.conversationId))
    await expect(rowOf(page, id)).toHaveCount(0);
  // The activity query asked for voice only, and no interaction was read as if it were a call.
  const queries = api.requests.filter(
    (r) => r.path === '/api/v2/analytics/conversations/activity/query',
  );
  expect(queries.length).toBeGreaterThan(0);
  const nonVoice = [chat, ...others, late].map((i) => `/api/v2/conversations/${i.conversationId}`);
  expect(api.requests.filter((r) => nonVoice.includes(r.path))).toEqual([]);
});

test('a ringing Monitor says "Calling your phone…" with Cancel; Cancel ends Sam’s leg', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId, agentId } = await samMonitorsRinging(page, widgetUrl, control);
  await expect(detail(page).getByRole('button', { name: 'Leave the call' })).toHaveCount(0);
  const [ringing] = await samLegs(control, conversationId);
  expect(ringing).toMatchObject({ state: 'alerting', monitoredParticipantId: agentId });

  const api = trackApi(page);
  await detail(page).getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(detail(page).getByRole('button', { name: 'Cancel', exact: true })).toHaveCount(0);
  await expect(actionStatus(page)).toHaveText('');
  await expect(detail(page).getByRole('alert')).toHaveCount(0);
  expect(api.requests).toContainEqual(
    expect.objectContaining({
      method: 'PATCH',
      path: `/api/v2/conversations/calls/${conversationId}/participants/${ringing!.id}`,
    }),
  );
  const legs = await samLegs(control, conversationId);
  expect(legs).toHaveLength(1);
  expect(legs[0]!.state).not.toBe('alerting');
  expect(legs[0]).toMatchObject({ disconnectType: 'client' });
  expect(legs[0]).not.toHaveProperty('connectedTime');
  // The call goes on for Alice and the caller.
  expect((await control.participant(conversationId, 'agent')).state).toBe('connected');
});

test('a ringing Monitor that Sam’s phone answers shows him connected, monitoring Alice', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await samMonitorsRinging(page, widgetUrl, control);
  await control.answerPhone(SAM.email, conversationId);
  await expect(actionStatus(page)).toHaveText('Monitoring Alice Agent');
  await expect(detail(page).getByRole('button', { name: 'Monitor', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(detail(page).getByRole('button', { name: 'Leave the call' })).toBeVisible();
  await expect(detail(page).getByText(/^Supervisor \(monitoring\) · connected/)).toBeVisible();
  const legs = await samLegs(control, conversationId);
  expect(legs.map((p) => p.state)).toEqual(['connected']);
});

test('a Monitor leg nobody answers says Sam’s phone didn’t answer once the alert times out', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await samMonitorsRinging(page, widgetUrl, control);
  // The emulator waits for the alert timeout (30 s) on its clock: run it out.
  await control.advanceClock(30_000);
  await expect(actionStatus(page)).toHaveText('Your phone didn’t answer.');
  await expect(detail(page).getByRole('button', { name: 'Cancel', exact: true })).toHaveCount(0);
  await expect(detail(page).getByRole('button', { name: 'Monitor', exact: true })).toBeEnabled();
  const legs = await samLegs(control, conversationId);
  expect(legs).toHaveLength(1);
  expect(legs[0]).toMatchObject({ disconnectType: 'system' });
  expect(legs[0]).not.toHaveProperty('connectedTime');
});

test('a supervisor without a station is told Genesys Cloud has no phone to call; nothing joins', async ({
  page,
  widgetUrl,
  control,
}) => {
  await control.phone(SAM.email, { station: false });
  const { conversationId } = await aliceCall(control);
  await samWatching(page, widgetUrl, ['Support']);
  await rowOf(page, conversationId).click();
  await detail(page).getByRole('button', { name: 'Coach', exact: true }).click();
  await expect(detail(page).getByRole('alert')).toHaveText(
    /^Couldn’t start coaching: you have no phone Genesys Cloud can call you on: choose a phone \(station\) in Genesys Cloud, then try again\./,
  );
  await expect(actionStatus(page)).toHaveText('');
  expect(await samLegs(control, conversationId)).toEqual([]);
});
