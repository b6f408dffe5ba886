import type { Browser, FrameLocator, Page } from '@playwright/test';
import { EmulatorControl } from '../emulator/control-client.js';
import { summarize } from './stats.js';
import { ALICE as ALICE_USER, submitLogin } from '../e2e/support/session.js';

/**
 * Ten interaction widgets in the emulator's desktop host page (one iframe per call): how many
 * notifications channels the user ends up with (budget 1), and how long the leader's handover
 * takes when the leading widget closes: from the close until a change made through the control
 * plane shows in a remaining widget.
 */
export interface InstancesProbeResult {
  instances: number;
  channels: number;
  handoverMs: ReturnType<typeof summarize>;
}

const ALICE = ALICE_USER.email;

const frameOf = (page: Page, i: number): FrameLocator =>
  page.frameLocator(`iframe[title="Interaction widget for Bench caller ${i}"]`);

export async function probeInstances(
  browser: Browser,
  stack: { emulatorUrl: string; widgetUrl: string },
  options: { instances?: number; handovers?: number } = {},
): Promise<InstancesProbeResult> {
  const instances = options.instances ?? 10;
  const handovers = Math.min(options.handovers ?? 5, instances - 1);
  const control = new EmulatorControl(stack.emulatorUrl);
  await control.reset();
  const calls = [];
  for (let i = 1; i <= instances; i += 1)
    calls.push(await control.createCall({ agentEmail: ALICE, customerName: `Bench caller ${i}` }));
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  try {
    await page.goto(control.desktopUrl(stack.widgetUrl, ALICE));
    const popup = page.waitForEvent('popup');
    await frameOf(page, 1).getByRole('button', { name: 'Sign in', exact: true }).click();
    const login = await popup;
    await submitLogin(login, ALICE);
    for (let i = 1; i <= instances; i += 1)
      await frameOf(page, i)
        .getByRole('status', { name: /Connection: Live/ })
        .waitFor();
    const state = await control.state();
    const alice = state.users.find((u) => u.email === ALICE)!;
    const channels = state.channels.filter((c) => c.userId === alice.id).length;

    const samples: number[] = [];
    for (let round = 1; round <= handovers; round += 1) {
      // Widgets close oldest first: the first one led, then each next one took over.
      const survivor = round + 1;
      const call = calls[survivor - 1]!;
      const muted = round % 2 === 1;
      const start = Date.now();
      await page
        .getByRole('button', { name: `Close widget: Bench caller ${round}`, exact: true })
        .click();
      await page.locator(`iframe[title="Interaction widget for Bench caller ${round}"]`).waitFor({
        state: 'detached',
      });
      for (;;) {
        await control.setParticipant(call.conversationId, call.agentParticipantId!, {
          muted,
          actor: 'genesys-ui',
        });
        const shown = await frameOf(page, survivor)
          .getByRole('button', { name: 'Mute', exact: true })
          .getAttribute('aria-pressed')
          .catch(() => null);
        if (shown === String(muted)) break;
        await page.waitForTimeout(20);
        await control.setParticipant(call.conversationId, call.agentParticipantId!, {
          muted: !muted,
          actor: 'genesys-ui',
        });
      }
      samples.push(Date.now() - start);
      await page.waitForTimeout(500);
    }
    return { instances, channels, handoverMs: summarize(samples) };
  } finally {
    await context.close();
  }
}
