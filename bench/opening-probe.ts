import type { Browser, CDPSession, Frame, Page } from '@playwright/test';
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
  /** Requests the platform refused with 429 in every opening (the per-token limit). */
  rateLimited: number;
  ten: {
    rounds: number;
    allUsableMs: ReturnType<typeof summarize>;
    longTasks: number;
    longestTaskMs: number;
    heapMb: number;
  };
}

const frameTitle = (caller: string) => `iframe[title="Interaction widget for ${caller}"]`;

/** What STAMP noted in one frame (the host page or a widget). */
interface Stamps {
  inserted: Record<string, number>;
  usable?: number;
  longTasks: number[];
}

const stampsIn = (frame: Pick<Frame, 'evaluate'>): Promise<Stamps> =>
  frame.evaluate(() => (window as unknown as { __opening: Stamps }).__opening);

const widgetStamps = async (page: Page, caller: string): Promise<Stamps> =>
  stampsIn((await (await page.locator(frameTitle(caller)).elementHandle())!.contentFrame())!);

/** Waits until the caller's widget offers an enabled Mute. */
const muteUsable = (page: Page, caller: string) => {
  const frame = page.frameLocator(frameTitle(caller));
  return frame
    .getByRole('button', { name: 'Mute', exact: true })
    .and(frame.locator(':enabled'))
    .waitFor();
};

async function openingOf(page: Page, control: EmulatorControl, caller: string): Promise<number> {
  const call = await control.createCall({ agentEmail: ALICE.email, customerName: caller });
  await muteUsable(page, caller);
  const inserted = (await stampsIn(page.mainFrame())).inserted[call.conversationId];
  const { usable } = await widgetStamps(page, caller);
  await page.getByRole('button', { name: `Close widget: ${caller}`, exact: true }).click();
  await page.locator(frameTitle(caller)).waitFor({ state: 'detached' });
  if (inserted === undefined || usable === undefined) throw new Error(`no stamps for ${caller}`);
  return usable - inserted;
}

/** Ten calls arrive together: each widget's insert → usable, and the long tasks meanwhile. */
async function tenAtOnce(page: Page, control: EmulatorControl, round: number) {
  // The host page's long tasks so far belong to earlier openings.
  await page.evaluate(() => {
    (window as unknown as { __opening: Stamps }).__opening.longTasks = [];
  });
  const callers = Array.from({ length: 10 }, (_, i) => `Together ${round}.${i + 1}`);
  const together = await Promise.all(
    callers.map((customerName) => control.createCall({ agentEmail: ALICE.email, customerName })),
  );
  for (const caller of callers) await muteUsable(page, caller);
  const host = await stampsIn(page.mainFrame());
  // From the first of the ten iframes inserted (the host may insert them over two reads).
  const firstInsert = Math.min(...together.map((c) => host.inserted[c.conversationId] ?? NaN));
  const usable: number[] = [];
  let longTasks: number[] = [];
  for (const caller of callers) {
    const stamps = await widgetStamps(page, caller);
    usable.push((stamps.usable ?? NaN) - firstInsert);
    longTasks = longTasks.concat(stamps.longTasks);
  }
  longTasks = longTasks.concat((await stampsIn(page.mainFrame())).longTasks);
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
  const rateLimited = { count: 0 };

  // The single openings, warm then cold, in one desktop.
  const singles = await signedInDesktop(browser, control, stack.widgetUrl, 'Leader caller');
  let warm: number[] = [];
  let cold: number[] = [];
  try {
    warm = await openEach(singles.page, control, 'Warm', openings);
    cold = await openEach(singles.page, control, 'Cold', openings, singles.cdp);
  } finally {
    rateLimited.count += singles.rateLimited();
    await singles.context.close();
  }

  // Ten at once, each round in a desktop of its own: a new emulator and sign-in, so the platform's
  // per-token request limit is not already spent by the forty single openings (about five
  // requests each) before it. Long tasks counted in the host page and every widget frame
  // meanwhile; the heap of the first round's ten.
  const allUsable: number[] = [];
  let longTasks: number[] = [];
  let heapMb = NaN;
  for (let round = 1; round <= tenRounds; round += 1) {
    await control.reset(); // the calls of the rounds before end with their desktop
    const desk = await signedInDesktop(browser, control, stack.widgetUrl, `Leader ${round}`);
    try {
      await desk.cdp.send('HeapProfiler.collectGarbage');
      const heapBefore = (await desk.cdp.send('Runtime.getHeapUsage')).usedSize;
      const ten = await tenAtOnce(desk.page, control, round);
      allUsable.push(...ten.usable);
      longTasks = longTasks.concat(ten.longTasks);
      if (round === 1) {
        await desk.cdp.send('HeapProfiler.collectGarbage');
        heapMb = ((await desk.cdp.send('Runtime.getHeapUsage')).usedSize - heapBefore) / 2 ** 20;
      }
    } finally {
      rateLimited.count += desk.rateLimited();
      await desk.context.close();
    }
  }
  return {
    warmMs: summarize(warm),
    coldMs: summarize(cold),
    rateLimited: rateLimited.count,
    ten: {
      rounds: tenRounds,
      allUsableMs: summarize(allUsable),
      longTasks: longTasks.length,
      longestTaskMs: Math.max(0, ...longTasks),
      heapMb,
    },
  };
}

/**
 * The emulator's desktop host page with its first widget signed in and leading the shared
 * channel (it stays open while the others open); counts the platform's 429s in every frame.
 */
async function signedInDesktop(
  browser: Browser,
  control: EmulatorControl,
  widgetUrl: string,
  leaderCaller: string,
) {
  const context = await browser.newContext();
  await context.addInitScript('window.__name = (fn) => fn;');
  await context.addInitScript(STAMP);
  let refused = 0;
  context.on('response', (r) => {
    if (r.status() === 429) refused += 1;
  });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await control.createCall({ agentEmail: ALICE.email, customerName: leaderCaller });
  await page.goto(control.desktopUrl(widgetUrl, ALICE.email, { pollMs: 100, maxWidgets: 30 }));
  const leader = page.frameLocator(frameTitle(leaderCaller));
  const popup = page.waitForEvent('popup');
  await leader.getByRole('button', { name: 'Sign in', exact: true }).click();
  await submitLogin(await popup, ALICE.email);
  await leader.getByRole('status', { name: /Connection: Live/ }).waitFor();
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, rateLimited: () => refused };
}

/** `count` openings one after another; `cdp` given: the HTTP cache cleared before each. */
async function openEach(
  page: Page,
  control: EmulatorControl,
  name: string,
  count: number,
  cdp?: CDPSession,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 1; i <= count; i += 1) {
    if (cdp) await cdp.send('Network.clearBrowserCache');
    times.push(await openingOf(page, control, `${name} ${i}`));
  }
  return times;
}
