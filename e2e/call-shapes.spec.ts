import type { Page } from '@playwright/test';
import type { EmulatorControl, EmulatorParticipant } from '../emulator/control-client.js';
import {
  ALICE,
  BOB,
  expect,
  expectNoAxeViolations,
  holdButton,
  muteButton,
  aliceOnACall,
  signIn,
  test,
} from './fixtures';

/* Issue 18 point 10: consult, blind transfer, conference and outbound calls shown as the legs
 * say, checked against the emulator's state (`GET /__emulator/state`) once settled. */

const header = (page: Page) => page.locator('.call-header');
const badge = (page: Page) => header(page).locator('.badge');
const parties = (page: Page) => page.locator('section.call-parties');
const partyRow = (page: Page, participantId: string) =>
  parties(page).locator(`li[data-participant-id="${participantId}"]`);

async function conversation(control: EmulatorControl, conversationId: string) {
  const found = (await control.state()).conversations.find((c) => c.id === conversationId);
  if (!found) throw new Error(`conversation ${conversationId} is not in the emulator`);
  return found;
}

const isUp = (p: EmulatorParticipant) => p.state !== 'disconnected' && p.state !== 'terminated';

/** How the emulator's legs say each other party is on the call, as the panel should show it. */
function expectedParties(legs: EmulatorParticipant[]): string[] {
  return legs
    .filter(
      (p) =>
        isUp(p) &&
        p.user?.id !== ALICE.id &&
        !p.monitoredParticipantId &&
        !p.coachedParticipantId &&
        !p.bargedParticipantId &&
        p.purpose !== 'ivr' &&
        (p.purpose !== 'acd' || p.direction === 'outbound'),
    )
    .map((p) => {
      const status =
        p.purpose === 'acd'
          ? 'queued'
          : ['alerting', 'contacting', 'dialing', 'offering'].includes(p.state)
            ? 'ringing'
            : p.held
              ? 'held'
              : p.confined
                ? 'confined'
                : 'talking';
      return `${p.id}:${status}:${p.muted ? 'muted' : ''}`;
    });
}

/** The rows the panel shows, in the same form (only once no change is pending). */
async function shownParties(page: Page): Promise<string[]> {
  return parties(page)
    .locator('li.party-row')
    .evaluateAll((rows) =>
      rows.map((row) => {
        const el = row as HTMLElement;
        const muted = el.querySelector('.party-status')?.textContent?.includes('muted');
        return `${el.dataset.participantId}:${el.dataset.partyStatus}:${muted ? 'muted' : ''}`;
      }),
    );
}

/** Waits until the panel's party rows equal the emulator's legs, nothing pending. */
async function expectPartiesMatch(page: Page, control: EmulatorControl, conversationId: string) {
  await expect(parties(page).locator('[data-pending="true"]')).toHaveCount(0);
  await expect
    .poll(async () => {
      const legs = (await conversation(control, conversationId)).participants;
      return (await shownParties(page)).join(' | ') === expectedParties(legs).join(' | ');
    })
    .toBe(true);
}

test('a consult: the target is marked and rings, the customer reads on hold; completing it reads Transferred', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId, agentId } = await aliceOnACall(page, widgetUrl, control);
  const { destinationParticipantId, objectParticipantId } = await control.consult(conversationId, {
    destination: { userEmail: BOB.email },
  });
  await expect(
    parties(page).getByRole('heading', { name: `Consulting ${BOB.name}` }),
  ).toBeVisible();
  await expect(partyRow(page, objectParticipantId)).toContainText('Casey Caller');
  await expect(partyRow(page, objectParticipantId)).toContainText('on hold');
  await expect(partyRow(page, destinationParticipantId)).toContainText('ringing · consult');
  await expectPartiesMatch(page, control, conversationId);
  const customer = (await conversation(control, conversationId)).participants.find(
    (p) => p.id === objectParticipantId,
  );
  expect(customer).toMatchObject({ held: true, confined: true });
  // A consult offers no per-party controls: only the agent's own.
  await expect(parties(page).getByRole('button')).toHaveCount(0);
  await expect(muteButton(page)).toBeEnabled();

  await control.ring(conversationId, destinationParticipantId, 'answer');
  await expect(partyRow(page, destinationParticipantId)).toContainText('on the call · consult');
  await expectPartiesMatch(page, control, conversationId);

  await control.consultAction(conversationId, 'complete');
  await expect(badge(page)).toHaveText('Transferred');
  await expect(
    page.getByRole('note').filter({ hasText: 'The call was transferred.' }),
  ).toBeVisible();
  await expect(parties(page)).toHaveCount(0);
  await expect(muteButton(page)).toHaveCount(0);
  const legs = (await conversation(control, conversationId)).participants;
  expect(legs.find((p) => p.id === agentId)).toMatchObject({ disconnectType: 'transfer' });
  expect(legs.find((p) => p.id === destinationParticipantId)).toMatchObject({
    state: 'connected',
  });
});

test('a cancelled consult to a number: the section goes, the customer is back and the agent keeps the controls', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId } = await aliceOnACall(page, widgetUrl, control);
  const { destinationParticipantId, objectParticipantId } = await control.consult(conversationId, {
    destination: { address: '+15550009999' },
  });
  await expect(
    parties(page).getByRole('heading', { name: 'Consulting +15550009999' }),
  ).toBeVisible();
  await expectPartiesMatch(page, control, conversationId);
  await control.consultAction(conversationId, 'cancel');
  await expect(parties(page)).toHaveCount(0);
  await expect(badge(page)).toHaveText('Connected');
  const legs = (await conversation(control, conversationId)).participants;
  expect(legs.find((p) => p.id === objectParticipantId)).toMatchObject({
    held: false,
    confined: false,
    // The link stays on the object after a cancel: the target's state says it is over.
    consultParticipantId: destinationParticipantId,
  });
  expect(isUp(legs.find((p) => p.id === destinationParticipantId)!)).toBe(false);
  await expect(muteButton(page)).toBeEnabled();
});

test('a blind transfer to a queue by another client reads Transferred; the queue leg is on the call', async ({
  page,
  widgetUrl,
  control,
}) => {
  const { conversationId, agentId } = await aliceOnACall(page, widgetUrl, control);
  const { destinationParticipantId } = await control.blindTransfer(conversationId, agentId, {
    queue: 'Sales',
  });
  await expect(badge(page)).toHaveText('Transferred');
  await expect(muteButton(page)).toHaveCount(0);
  const legs = (await conversation(control, conversationId)).participants;
  expect(legs.find((p) => p.id === agentId)).toMatchObject({ disconnectType: 'transfer' });
  expect(legs.find((p) => p.id === destinationParticipantId)).toMatchObject({
    purpose: 'acd',
    state: 'connected',
  });
});

test('an ACD conference: each party with its state, per-party Mute (no Hold), a party leaving, and the agent leaving while it goes on', async ({
  page,
  widgetUrl,
  control,
}) => {
  // A long scenario (two ringing parties, four changes, two parties leaving, an axe scan).
  test.slow();
  const { conversationId, agentId } = await aliceOnACall(page, widgetUrl, control);
  const {
    participantIds: [numberId, bobId],
  } = await control.addParties(conversationId, [
    { address: '+15550001111' },
    { userEmail: BOB.email },
  ]);
  await expect(
    parties(page).getByRole('heading', { name: 'Conference with 3 other parties' }),
  ).toBeVisible();
  await expect(partyRow(page, numberId!)).toContainText('ringing');
  // A ringing party has no controls yet.
  await expect(partyRow(page, numberId!).getByRole('button')).toHaveCount(0);
  await expectPartiesMatch(page, control, conversationId);
  await control.ring(conversationId, numberId!, 'answer');
  await control.ring(conversationId, bobId!, 'answer');
  await expectPartiesMatch(page, control, conversationId);

  const muteBob = page.getByRole('button', { name: `Mute ${BOB.name}` });
  await expect(muteBob).toHaveAttribute('aria-pressed', 'false');
  // An ACD conference does not let a party be held: no control that would fail.
  await expect(page.getByRole('button', { name: `Hold ${BOB.name}` })).toHaveCount(0);
  await muteBob.click();
  await expect(muteBob).toHaveAttribute('aria-pressed', 'true');
  await expect(muteBob).toHaveAttribute('data-pending', 'false');
  await expectPartiesMatch(page, control, conversationId);
  const afterMute = (await conversation(control, conversationId)).participants;
  expect(afterMute.find((p) => p.id === bobId)).toMatchObject({ muted: true });
  // The agent's own leg is untouched.
  expect(afterMute.find((p) => p.id === agentId)).toMatchObject({ muted: false });
  await expect(muteButton(page)).toHaveAttribute('aria-pressed', 'false');
  // Muted elsewhere: the party's button follows the server.
  await control.setParticipant(conversationId, numberId!, { muted: true, actor: 'genesys-ui' });
  await expect(page.getByRole('button', { name: 'Mute +15550001111' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expectPartiesMatch(page, control, conversationId);
  await expectNoAxeViolations(page);

  await control.leave(conversationId, numberId!);
  await expect(partyRow(page, numberId!)).toHaveCount(0);
  await expect(
    parties(page).getByRole('heading', { name: 'Conference with 2 other parties' }),
  ).toBeVisible();
  await expectPartiesMatch(page, control, conversationId);

  await holdButton(page).waitFor();
  await control.leave(conversationId, agentId, 'client');
  await expect(
    page.getByRole('note').filter({ hasText: 'You left the call. It goes on without you.' }),
  ).toBeVisible();
  await expect(badge(page)).toHaveText('Ended');
  const legs = (await conversation(control, conversationId)).participants;
  expect(legs.filter(isUp).map((p) => p.id)).toEqual(expect.arrayContaining([bobId]));
  expect(legs.find((p) => p.purpose === 'customer')?.state).toBe('connected');
});

test('an outbound call: Calling… with the dialled number, then a conference on it where a party can be held', async ({
  page,
  widgetUrl,
  control,
}) => {
  await signIn(page, widgetUrl);
  const call = await control.placeCall({ agentEmail: ALICE.email, phoneNumber: '+15550001111' });
  const cid = call.conversationId;
  await expect(badge(page)).toHaveText('Calling…');
  await expect(header(page)).toContainText('Outbound call');
  await expect(header(page).getByRole('heading', { level: 2 })).toHaveText('+15550001111');
  await control.ring(cid, call.remoteParticipantId, 'answer');
  await expect(badge(page)).toHaveText('Connected');

  const {
    participantIds: [secondId],
  } = await control.addParties(cid, [{ address: '+15550002222' }]);
  await control.ring(cid, secondId!, 'answer');
  const holdFirst = page.getByRole('button', { name: 'Hold +15550001111' });
  await holdFirst.click();
  await expect(holdFirst).toHaveAttribute('aria-pressed', 'true');
  await expect(partyRow(page, call.remoteParticipantId)).toContainText('on hold');
  await expectPartiesMatch(page, control, cid);
  expect(
    (await conversation(control, cid)).participants.find((p) => p.id === call.remoteParticipantId),
  ).toMatchObject({ held: true });
  await holdFirst.click();
  await expect(holdFirst).toHaveAttribute('aria-pressed', 'false');
  await expectPartiesMatch(page, control, cid);
});

test('an outbound call never answered reads "not answered", not "the other party hung up"', async ({
  page,
  widgetUrl,
  control,
}) => {
  await signIn(page, widgetUrl);
  const call = await control.placeCall({ agentEmail: ALICE.email, phoneNumber: '+15550003333' });
  await expect(badge(page)).toHaveText('Calling…');
  await control.ring(call.conversationId, call.remoteParticipantId, 'noAnswer');
  await expect(
    page.getByRole('note').filter({ hasText: 'The call was not answered.' }),
  ).toBeVisible();
  await expect(badge(page)).toHaveText('Ended');
  const legs = (await conversation(control, call.conversationId)).participants;
  expect(legs.find((p) => p.id === call.remoteParticipantId)).toMatchObject({
    disconnectType: 'system',
  });
  expect(legs.find((p) => p.id === call.remoteParticipantId)?.connectedTime).toBeUndefined();
});
