import type { Browser, Page } from '@playwright/test';
import { EmulatorControl } from '../emulator/control-client.js';
import { ALICE, submitLogin } from '../e2e/support/session.js';
import { summarize } from './stats.js';

/**
 * The waits an agent feels when a call arrives in the Genesys desktop (issue 21, points 3 and 4),
 * in the emulator's desktop host page with the production build:
 *
 * - one widget opening: the interaction widget's iframe inserted into the host page → that
 *   call's Mute enabled inside it, with the signed-in instance already leading the shared channel;
 *   cold (browser HTTP cache cleared first) and warm;
 * - ten at once: ten calls arrive together → all ten usable; main-thread long tasks meanwhile;
 *   the JS heap of the page with the ten.
 *
 * Both ends are stamped in the browser on one clock (`performance.timeOrigin + now()`): the host
 * page notes each iframe's insertion, and every widget frame notes when its Mute became enabled.
 */

/** Runs in every frame of the context (the host page and each widget). */
const STAMP = () => {
  const at = () => performance.timeOrigin + performance.now();
  const w = window as unknown as {
    __opening: { inserted: Record<string, number>; usable?: number; longTasks: number[] };
  };
  w.__opening = { inserted: {}, longTasks: [] };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__opening.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  } catch {
    // No longtask support: none counted.
  }
  const watch = () => {
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          // The host appends a section holding the iframe: look inside what was added.
          const frames = node.matches('iframe')
            ? [node]
            : [...node.querySelectorAll('iframe[data-conversation-id]')];
          for (const frame of frames) {
            const id = (frame as HTMLIFrameElement).dataset.conversationId;
            if (id) w.__opening.inserted[id] ??= at();
          }
        }
      if (w.__opening.usable !== undefined) return;
      const mute = [...document.querySelectorAll('button')].find(
        (b) => b.textContent?.trim().startsWith('Mute') && b.getAttribute('aria-pressed') !== null,
      );
      if (mute && !mute.disabled) w.__opening.usable = at();
    }).observe(document, { subtree: true, childList: true, attributes: true });
  };
  if (document.documentElement) watch();
  else document.addEventListener('DOMContentLoaded', watch);
};

export interface OpeningProbeResult {
  warmMs: ReturnType<typeof summarize>;
  coldMs: ReturnType<typeof summarize>;
  ten: {
    rounds: number;
    allUsableMs: ReturnType<typeof summarize>;
    longTasks: number;
    longestTaskMs: number;
    heapMb: number;
  };
}

const frameTitle = (caller: string) => `iframe[title="Interaction widget for ${caller}"]`;

async function openingOf(page: Page, control: EmulatorControl, caller: string): Promise<number> {
  const call = await control.createCall({ agentEmail: ALICE.email, customerName: caller });
  const frame = page.frameLocator(frameTitle(caller));
  await frame
    .getByRole('button', { name: 'Mute', exact: true })
    .and(frame.locator(':enabled'))
    .waitFor();
  const inserted = await page.evaluate(
    (id) =>
      (window as unknown as { __opening: { inserted: Record<string, number> } }).__opening.inserted[
        id
      ],
    call.conversationId,
  );
  const handle = await page.locator(frameTitle(caller)).elementHandle();
  const usable = await (await handle!.contentFrame())!.evaluate(
    () => (window as unknown as { __opening: { usable?: number } }).__opening.usable,
  );
  await page.getByRole('button', { name: `Close widget: ${caller}`, exact: true }).click();
  await page.locator(frameTitle(caller)).waitFor({ state: 'detached' });
  if (inserted === undefined || usable === undefined) throw new Error(`no stamps for ${caller}`);
  return usable - inserted;
}

/** Ten calls arrive together: each widget's insert → usable, and the long tasks meanwhile. */
async function tenAtOnce(page: Page, control: EmulatorControl, round: number) {
  // The host page's long tasks so far belong to earlier openings.
  await page.evaluate(() => {
    (window as unknown as { __opening: { longTasks: number[] } }).__opening.longTasks = [];
  });
  const callers = Array.from({ length: 10 }, (_, i) => `Together ${round}.${i + 1}`);
  const together = await Promise.all(
    callers.map((customerName) => control.createCall({ agentEmail: ALICE.email, customerName })),
  );
  for (const caller of callers) {
    const frame = page.frameLocator(frameTitle(caller));
    await frame
      .getByRole('button', { name: 'Mute', exact: true })
      .and(frame.locator(':enabled'))
      .waitFor();
  }
  const inserted = await page.evaluate(
    () =>
      (window as unknown as { __opening: { inserted: Record<string, number> } }).__opening.inserted,
  );
  // From the first of the ten iframes inserted (the host may insert them over two reads).
  const firstInsert = Math.min(...together.map((c) => inserted[c.conversationId] ?? NaN));
  const usable: number[] = [];
  let longTasks: number[] = [];
  for (const caller of callers) {
    const frame = await (await page.locator(frameTitle(caller)).elementHandle())!.contentFrame();
    const stamps = await frame!.evaluate(
      () =>
        (window as unknown as { __opening: { usable?: number; longTasks: number[] } }).__opening,
    );
    usable.push((stamps.usable ?? NaN) - firstInsert);
    longTasks = longTasks.concat(stamps.longTasks);
  }
  longTasks = longTasks.concat(
    await page.evaluate(
      () => (window as unknown as { __opening: { longTasks: number[] } }).__opening.longTasks,
    ),
  );
  return { callers, usable, longTasks };
}

export async function probeOpening(
  browser: Browser,
  stack: { emulatorUrl: string; widgetUrl: string },
  options: { openings?: number; tenRounds?: number } = {},
): Promise<OpeningProbeResult> {
  const openings = options.openings ?? 20;
  const tenRounds = options.tenRounds ?? 3;
  const control = new EmulatorControl(stack.emulatorUrl);
  await control.reset();
  const context = await browser.newContext();
  await context.addInitScript('window.__name = (fn) => fn;');
  await context.addInitScript(STAMP);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  try {
    // The first widget signs in and leads the shared channel; it stays open throughout.
    await control.createCall({ agentEmail: ALICE.email, customerName: 'Leader caller' });
    await page.goto(
      control.desktopUrl(stack.widgetUrl, ALICE.email, { pollMs: 100, maxWidgets: 30 }),
    );
    const leader = page.frameLocator(frameTitle('Leader caller'));
    const popup = page.waitForEvent('popup');
    await leader.getByRole('button', { name: 'Sign in', exact: true }).click();
    await submitLogin(await popup, ALICE.email);
    await leader.getByRole('status', { name: /Connection: Live/ }).waitFor();

    const warm: number[] = [];
    for (let i = 1; i <= openings; i += 1) warm.push(await openingOf(page, control, `Warm ${i}`));
    const cdp = await context.newCDPSession(page);
    const cold: number[] = [];
    for (let i = 1; i <= openings; i += 1) {
      await cdp.send('Network.clearBrowserCache');
      cold.push(await openingOf(page, control, `Cold ${i}`));
    }

    // Ten at once, in rounds (the ten closed after each): long tasks counted in the host page
    // and every widget frame meanwhile; the heap of the first round's ten.
    await cdp.send('HeapProfiler.collectGarbage');
    const heapBefore = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    let heapAfter = heapBefore;
    const allUsable: number[] = [];
    let longTasks: number[] = [];
    for (let round = 1; round <= tenRounds; round += 1) {
      const ten = await tenAtOnce(page, control, round);
      allUsable.push(...ten.usable);
      longTasks = longTasks.concat(ten.longTasks);
      if (round === 1) {
        await cdp.send('HeapProfiler.collectGarbage');
        heapAfter = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      }
      for (const caller of ten.callers) {
        await page.getByRole('button', { name: `Close widget: ${caller}`, exact: true }).click();
        await page.locator(frameTitle(caller)).waitFor({ state: 'detached' });
      }
    }
    return {
      warmMs: summarize(warm),
      coldMs: summarize(cold),
      ten: {
        rounds: tenRounds,
        allUsableMs: summarize(allUsable),
        longTasks: longTasks.length,
        longestTaskMs: Math.max(0, ...longTasks),
        heapMb: (heapAfter - heapBefore) / 1024 / 1024,
      },
    };
  } finally {
    await context.close();
  }
}
