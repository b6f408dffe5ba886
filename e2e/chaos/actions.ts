import { expect, type FrameLocator, type Page } from '@playwright/test';
import { SEED_USERS } from '../../emulator/seed-ids.js';
import { isActiveFor, legOf } from './invariants.js';
import { callerName, type Action, type Flag, type KeyRule } from './plan.js';
import { ALICE, type ShiftWorld } from './shift-world.js';

/**
 * The actions of the shift, each done the way the agent (clicks in a widget) or the rest of the
 * world (the control plane: callers, the Genesys Cloud UI, flows, other agents) would do it.
 * Each returns the attribute writes it made, so the runner can check that none was lost or
 * applied twice. An action whose call has moved on at run time (a playback that already ended)
 * does what still makes sense, and says so in its note.
 */

/**
 * An attribute write of this step. The agent's own (`by: 'agent'`) land or not as the screen
 * says; a CRM lookup's values are the body the panel sent (`values` absent).
 */
export interface Write {
  cid: string;
  values?: Record<string, string>;
  by: 'agent' | 'outside';
}

export interface Done {
  writes: Write[];
  note?: string;
}

const NOTHING: Done = { writes: [] };

type Root = Page | FrameLocator;

const toggleButton = (root: Root, field: Flag) =>
  root.getByRole('button', { name: field === 'muted' ? 'Mute' : 'Hold', exact: true });

/** Shows the call in the standalone panel (a click in the call list when another is shown). */
export async function showCall(world: ShiftWorld, n: number): Promise<void> {
  const page = world.agent;
  const name = callerName(n);
  const heading = page.getByRole('heading', { level: 2, name, exact: true });
  if (await heading.isVisible().catch(() => false)) return;
  await page
    .getByRole('navigation', { name: 'Your calls' })
    .locator('.switcher-entry')
    .filter({ has: page.locator('.switcher-name', { hasText: new RegExp(`^${name}$`) }) })
    .click();
  await expect(heading).toBeVisible();
}

/** The agent's leg on a call, as the emulator has it now. */
async function aliceLeg(world: ShiftWorld, n: number) {
  const state = await world.state();
  const aliceId = state.users.find((u) => u.email === ALICE.email)!.id;
  const call = state.conversations.find((c) => c.id === world.call(n).cid)!;
  return { call, aliceId, leg: legOf(call, aliceId), active: isActiveFor(call, aliceId) };
}

async function clickToggle(root: Root, field: Flag, clicks: number) {
  const button = toggleButton(root, field);
  await expect(button).toBeEnabled();
  for (let i = 0; i < clicks; i += 1) await button.click({ delay: 0 });
}

async function arrive(world: ShiftWorld, a: Extract<Action, { kind: 'arrive' }>): Promise<Done> {
  const name = callerName(a.call);
  const created = await world.control.createCall({
    agentEmail: ALICE.email,
    queue: a.queue,
    customerName: name,
    // Each caller has a number of its own: the sample CRM makes up a record for each.
    ani: `tel:+1555020${String(a.call).padStart(4, '0')}`,
    attributes: { tier: 'Silver', note: `call ${a.call}` },
    autoAnswer: a.answered,
  });
  world.calls.set(a.call, {
    n: a.call,
    name,
    cid: created.conversationId,
    customerPid: created.participants.find((p) => p.purpose === 'customer')!.id,
    queue: a.queue,
  });
  return NOTHING;
}

async function answer(world: ShiftWorld, n: number): Promise<Done> {
  const { leg } = await aliceLeg(world, n);
  if (!leg || leg.state !== 'alerting') return { writes: [], note: 'no longer ringing' };
  await world.control.ring(world.call(n).cid, leg.id, 'answer');
  return NOTHING;
}

async function toggle(world: ShiftWorld, a: Extract<Action, { kind: 'toggle' }>): Promise<Done> {
  const { leg, active } = await aliceLeg(world, a.call);
  if (!active || leg?.state !== 'connected') return { writes: [], note: 'not connected' };
  if (a.where === 'agent') {
    await showCall(world, a.call);
    await clickToggle(world.agent, a.field, a.clicks);
    return NOTHING;
  }
  const cid = world.call(a.call).cid;
  if (!(await world.desktopWidgetIds()).includes(cid))
    return { writes: [], note: 'no widget open' };
  await clickToggle(world.frameLocator(cid), a.field, a.clicks);
  return NOTHING;
}

async function outsideFlag(world: ShiftWorld, a: Extract<Action, { kind: 'outsideFlag' }>) {
  const { leg, active } = await aliceLeg(world, a.call);
  if (!active || !leg || leg.state !== 'connected') return { writes: [], note: 'not connected' };
  await world.control.setParticipant(world.call(a.call).cid, leg.id, {
    [a.field]: !leg[a.field],
    actor: 'genesys-ui',
  });
  return NOTHING;
}

const callData = (page: Page) => page.getByTestId('call-data');

/** Dismisses earlier save notes, so the next one is the only one. */
async function dismissSaves(page: Page) {
  const notes = callData(page).locator('.call-data-save').getByRole('button', { name: 'Dismiss' });
  while ((await notes.count()) > 0) await notes.first().click();
}

async function edit(world: ShiftWorld, a: Extract<Action, { kind: 'edit' }>): Promise<Done> {
  const { active, call } = await aliceLeg(world, a.call);
  if (!active) return { writes: [], note: 'call ended' };
  const page = world.agent;
  await showCall(world, a.call);
  const panel = callData(page);
  await dismissSaves(page);
  await panel.getByRole('button', { name: 'Edit call data' }).click();
  const customer = call.participants.find((p) => p.purpose === 'customer');
  if (customer?.attributes && a.key in customer.attributes) {
    await panel.getByRole('textbox', { name: a.key, exact: true }).fill(a.value);
  } else {
    await panel.getByRole('button', { name: 'Add a key' }).click();
    const group = panel.getByRole('group', { name: 'New key 1' });
    await group.getByLabel('Key').fill(a.key);
    await group.getByLabel('Value').fill(a.value);
  }
  await panel.getByRole('button', { name: 'Review changes' }).click();
  await panel
    .getByRole('region', { name: 'Changes to save' })
    .getByRole('button', { name: 'Save' })
    .click();
  return {
    writes: [{ cid: world.call(a.call).cid, values: { [a.key]: a.value }, by: 'agent' }],
  };
}

async function outsideAttributes(
  world: ShiftWorld,
  a: Extract<Action, { kind: 'outsideAttributes' }>,
): Promise<Done> {
  const { cid, customerPid } = world.call(a.call);
  await world.control.setAttributes(cid, customerPid, { [a.key]: a.value }, a.actor);
  return { writes: [{ cid, values: { [a.key]: a.value }, by: 'outside' }] };
}

async function crm(world: ShiftWorld, n: number): Promise<Done> {
  const { active } = await aliceLeg(world, n);
  if (!active) return { writes: [], note: 'call ended' };
  await showCall(world, n);
  await dismissSaves(world.agent);
  await callData(world.agent).getByRole('button', { name: 'Look up in CRM' }).click();
  return { writes: [{ cid: world.call(n).cid, by: 'agent' }] };
}

const playback = (page: Page) => page.locator('section.playback');

async function playStart(world: ShiftWorld, a: Extract<Action, { kind: 'playStart' }>) {
  const { active, leg } = await aliceLeg(world, a.call);
  if (!active || leg?.state !== 'connected') return { writes: [], note: 'not connected' };
  const page = world.agent;
  await showCall(world, a.call);
  const section = playback(page);
  const disclosure = section.getByRole('button', { name: 'Play a prompt to the caller' });
  if ((await disclosure.getAttribute('aria-expanded')) !== 'true') await disclosure.click();
  await section.getByRole('radio', { name: new RegExp(`^${a.prompt}`) }).check();
  await section.getByRole('checkbox', { name: 'Repeat until the maximum duration' }).check();
  await section
    .getByRole('spinbutton', { name: 'Maximum duration (seconds)' })
    .fill(String(a.maxSeconds));
  await setRule(page, a.rule);
  const play = section.getByRole('button', { name: 'Play to caller' });
  if (!(await play.isEnabled())) {
    const reasons = await section.getByTestId('playback-reasons').textContent();
    return { writes: [], note: `Play to caller is disabled: ${reasons ?? ''}` };
  }
  await play.click();
  await expect(section.getByTestId('playback-status')).toBeVisible();
  return NOTHING;
}

async function setRule(page: Page, rule: KeyRule | undefined) {
  const section = playback(page);
  const remove = section.locator('.playback-key-remove');
  while ((await remove.count()) > 0) await remove.first().click();
  if (!rule) return;
  await section.getByRole('button', { name: 'Add a key' }).click();
  await section.getByRole('combobox', { name: 'Key' }).selectOption(rule.digit);
  await section
    .getByRole('combobox', { name: 'Then' })
    .selectOption({ label: rule.then === 'end' ? 'End the playback' : `Play ${rule.then}` });
}

async function playEnd(world: ShiftWorld, a: Extract<Action, { kind: 'playEnd' }>) {
  const { cid } = world.call(a.call);
  const running = (await world.control.playback()).sessions.find(
    (s) => s.conversationId === cid && s.state === 'PENDING',
  );
  if (!running) return { writes: [], note: 'no playback running' };
  if (a.how === 'maxDuration') {
    await world.control.advanceClock(600_000);
    return NOTHING;
  }
  if (a.how === 'stop') {
    await showCall(world, a.call);
    const stop = playback(world.agent).getByRole('button', { name: 'Stop', exact: true });
    await stop.click();
    return NOTHING;
  }
  const rule = world.rules.get(cid);
  const digit = a.how === 'ruleKey' && rule ? rule.digit : '5';
  await world.control.dtmf(cid, digit);
  return { writes: [], note: rule || a.how === 'otherKey' ? undefined : 'no rule: pressed 5' };
}

async function transfer(world: ShiftWorld, a: Extract<Action, { kind: 'transfer' }>) {
  const { leg, active } = await aliceLeg(world, a.call);
  if (!active || !leg) return { writes: [], note: 'call ended' };
  const { cid } = world.call(a.call);
  const destination = a.to === 'bob' ? { userEmail: SEED_USERS.bob.email } : { queue: 'Sales' };
  if (!a.consult) {
    await world.control.blindTransfer(cid, leg.id, destination);
    return NOTHING;
  }
  const consult = await world.control.consult(cid, { destination });
  if (a.to === 'bob') await world.control.ring(cid, consult.destinationParticipantId, 'answer');
  await world.control.consultAction(cid, 'complete');
  return NOTHING;
}

async function hangup(world: ShiftWorld, a: Extract<Action, { kind: 'hangup' }>): Promise<Done> {
  const { call } = await aliceLeg(world, a.call);
  if (call.ended) return { writes: [], note: 'already ended' };
  await world.control.hangup(world.call(a.call).cid, a.by);
  return NOTHING;
}

/** Which widget of the desktop holds the shared channel's lock (asked inside each frame). */
export async function leaderOf(world: ShiftWorld): Promise<string | undefined> {
  for (const [cid, frame] of await world.desktopFrames()) {
    const leads = await frame
      .evaluate(async () => {
        const probe = `chaos-probe-${Math.random()}`;
        let leads = false;
        await navigator.locks.request(probe, async () => {
          const { held = [] } = await navigator.locks.query();
          const mine = held.find((l) => l.name === probe)?.clientId;
          const leader = held.find((l) => l.name?.endsWith(':notifications'))?.clientId;
          leads = mine !== undefined && mine === leader;
        });
        return leads;
      })
      .catch(() => false);
    if (leads) return cid;
  }
  return undefined;
}

async function leaderClose(world: ShiftWorld, a: Extract<Action, { kind: 'leaderClose' }>) {
  const leader = await leaderOf(world);
  if (!leader) return { writes: [], note: 'no widget leads' };
  const { cid } = world.call(a.call);
  const { leg, active } = await aliceLeg(world, a.call);
  const open = await world.desktopWidgetIds();
  let note = `leader: ${world.byCid(leader)?.name ?? leader}`;
  if (active && leg?.state === 'connected' && open.includes(cid)) {
    // The click and the close go out back to back: the leader leaves mid-action.
    await clickToggle(world.frameLocator(cid), a.field, 1);
  } else note += '; no click (no widget for a connected call)';
  const leaderName = world.byCid(leader)!.name;
  await world.desktop
    .getByRole('button', { name: `Close widget: ${leaderName}`, exact: true })
    .click();
  await expect(world.desktop.locator(`iframe[data-conversation-id="${leader}"]`)).toHaveCount(0);
  world.closedWidgets.add(leaderName);
  return { writes: [], note };
}

async function reopen(world: ShiftWorld): Promise<Done> {
  const state = await world.state();
  const aliceId = state.users.find((u) => u.email === ALICE.email)!.id;
  for (const name of [...world.closedWidgets]) {
    const call = [...world.calls.values()].find((c) => c.name === name)!;
    const conversation = state.conversations.find((c) => c.id === call.cid)!;
    world.closedWidgets.delete(name);
    if (!isActiveFor(conversation, aliceId)) continue;
    await world.desktop.getByRole('button', { name: `Open widget: ${name}`, exact: true }).click();
    return { writes: [], note: `reopened ${name}` };
  }
  return { writes: [], note: 'nothing to reopen' };
}

export async function perform(world: ShiftWorld, action: Action): Promise<Done> {
  switch (action.kind) {
    case 'arrive':
      return arrive(world, action);
    case 'answer':
      return answer(world, action.call);
    case 'toggle':
      return toggle(world, action);
    case 'outsideFlag':
      return outsideFlag(world, action);
    case 'edit':
      return edit(world, action);
    case 'outsideAttributes':
      return outsideAttributes(world, action);
    case 'crm':
      return crm(world, action.call);
    case 'playStart': {
      const done = await playStart(world, action);
      if (!done.note) world.rules.set(world.call(action.call).cid, action.rule);
      return done;
    }
    case 'playEnd':
      return playEnd(world, action);
    case 'transfer':
      return transfer(world, action);
    case 'hangup':
      return hangup(world, action);
    case 'leaderClose':
      return leaderClose(world, action);
    case 'reopen':
      return reopen(world);
  }
}

/** Widgets the agent closes because their call is over (the desktop keeps them until then). */
export async function closeEndedWidgets(world: ShiftWorld): Promise<void> {
  const state = await world.state();
  const aliceId = state.users.find((u) => u.email === ALICE.email)!.id;
  for (const cid of await world.desktopWidgetIds()) {
    const call = state.conversations.find((c) => c.id === cid);
    const name = world.byCid(cid)?.name;
    if (!call || !name || isActiveFor(call, aliceId)) continue;
    const close = world.desktop.getByRole('button', { name: `Close widget: ${name}`, exact: true });
    await close.click();
    await expect(world.desktop.locator(`iframe[data-conversation-id="${cid}"]`)).toHaveCount(0);
  }
}
