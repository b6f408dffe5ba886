import type { Browser } from '@playwright/test';
import { EmulatorControl } from '../emulator/control-client.js';
import { heapAfterGcMb } from './heap.js';
import { ALICE, signIn } from '../e2e/support/session.js';

/**
 * A simulated shift (product brief: 2,000 calls, JS heap growth ≤ 5 MB): the agent's panel
 * stays open while calls arrive, are answered, muted and end, one after another. The heap is
 * measured after a forced garbage collection (DevTools protocol) once warmed up and at the end.
 */
export interface ShiftProbeResult {
  calls: number;
  heapStartMb: number;
  heapEndMb: number;
  growthMb: number;
}

export async function probeShift(
  browser: Browser,
  stack: { emulatorUrl: string; widgetUrl: string },
  options: { calls?: number; warmup?: number } = {},
): Promise<ShiftProbeResult> {
  const total = options.calls ?? 2000;
  const warmup = options.warmup ?? 100;
  const control = new EmulatorControl(stack.emulatorUrl);
  await control.reset();
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const cdp = await context.newCDPSession(page);
  const heap = () => heapAfterGcMb(cdp);
  try {
    await signIn(page, stack.widgetUrl, ALICE.email);
    let heapStart = 0;
    for (let i = 1; i <= total; i += 1) {
      const call = await control.createCall({
        agentEmail: ALICE.email,
        customerName: `Shift caller ${i}`,
        attributes: { 'customer.tier': i % 2 ? 'Gold' : 'Silver' },
      });
      // The call in view has ended and the new one is connected: the view follows it by itself.
      await page.getByRole('heading', { name: `Shift caller ${i}`, level: 2 }).waitFor();
      await control.setParticipant(call.conversationId, call.agentParticipantId!, {
        muted: true,
        actor: 'genesys-ui',
      });
      await control.hangup(call.conversationId);
      await page.locator('.badge-ended').first().waitFor();
      if (i === warmup) heapStart = await heap();
    }
    const heapEnd = await heap();
    return {
      calls: total,
      heapStartMb: heapStart,
      heapEndMb: heapEnd,
      growthMb: heapEnd - heapStart,
    };
  } finally {
    await context.close();
  }
}
