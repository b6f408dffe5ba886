/**
 * Sign-in and call fixtures shared by the e2e specs (through `e2e/fixtures.ts`) and the bench
 * probes. They wait with locators only (no test runner's `expect`), so they run in both.
 *
 * @example
 * await signIn(page, widgetUrl, SAM.email, '?view=supervisor');
 * const { conversationId, agentId } = await onACall(page, widgetUrl, control);
 */
import type { Page } from '@playwright/test';
import type {
  CreateCallInput,
  CreatedCall,
  EmulatorControl,
} from '../../emulator/control-client.js';
import { SEED_USERS } from '../../emulator/seed-ids.js';

export const ALICE = SEED_USERS.alice;
export const BOB = SEED_USERS.bob;
export const SAM = SEED_USERS.sam;

export const muteButton = (page: Page) => page.getByRole('button', { name: 'Mute', exact: true });
export const holdButton = (page: Page) => page.getByRole('button', { name: 'Hold', exact: true });

/** Fills the emulator's login page (the widget's own page, or a sign-in popup) and submits it. */
export async function submitLogin(login: Page, email: string) {
  await login.getByLabel('Email').fill(email);
  await login.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Opens the widget, signs in on the emulator's login page and waits for the panel to be live
 * (`live`: the connection status's name in the panel's language, e.g. /Verbindung: Live/).
 * The widget sends a signed-out visitor to the login page by itself, so the navigation only
 * waits for the response: the login form is what it waits for next, on whichever document.
 */
export async function signIn(
  page: Page,
  widgetUrl: string,
  email: string = ALICE.email,
  search = '',
  live: RegExp = /Connection: Live/,
) {
  await page.goto(`${widgetUrl}${search}`, { waitUntil: 'commit' });
  await submitLogin(page, email);
  await page.getByRole('status', { name: live }).waitFor();
}

/** The agent's own leg of a call the control plane created. */
export const agentLegOf = (call: CreatedCall) =>
  call.agentParticipantId ?? call.participants.find((p) => p.purpose === 'agent')!.id;

/** An inbound call for an agent (Alice unless `agentEmail`), connected unless told otherwise. */
export async function startCall(
  control: EmulatorControl,
  input: Partial<CreateCallInput> = {},
): Promise<{ conversationId: string; agentId: string; call: CreatedCall }> {
  const call = await control.createCall({ agentEmail: ALICE.email, ...input });
  return { conversationId: call.conversationId, agentId: agentLegOf(call), call };
}

/**
 * Signs an agent in (Alice unless `agentEmail`) and gives them a connected call, shown with Mute
 * ready; returns its ids.
 */
export async function onACall(
  page: Page,
  widgetUrl: string,
  control: EmulatorControl,
  input: Partial<CreateCallInput> = {},
) {
  const agentEmail = input.agentEmail ?? ALICE.email;
  await signIn(page, widgetUrl, agentEmail);
  const customerName = input.customerName ?? 'Casey Caller';
  const { conversationId, agentId } = await startCall(control, {
    ani: 'tel:+15550100200',
    ...input,
    agentEmail,
    customerName,
  });
  await page.getByRole('heading', { name: customerName, level: 2 }).waitFor();
  await muteButton(page).and(page.locator(':enabled')).waitFor();
  return { conversationId, agentId };
}
