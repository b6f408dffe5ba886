import type { Browser, Frame, Page } from '@playwright/test';
import { EmulatorControl, type CreatedCall } from '../emulator/control-client.js';
import { heapAfterGcMb } from './heap.js';
import { ALICE, submitLogin } from '../e2e/support/session.js';
import { LIVE_COUNTS, type LiveCounts } from './live-counts.js';
import type { BenchRow } from './budgets.js';

/**
 * A shift through the desktop (issue 21, point 8): three interaction widgets of one agent in the
 * emulator's desktop host page, on one shared channel, each with its three panels open (call
 * data, playback, audit), while `calls` more calls of the agent arrive, are muted from the
 * Genesys UI and end; after each, the call of one of the three widgets (in turn) is muted or
 * unmuted from the Genesys UI and the probe waits for that widget to show it. Measured: the JS
 * heap after forced garbage collections at warm-up and at the end (the page's one renderer
 * holds the host and the three widgets; the growth is shared out per widget, the host's own
 * growth included), and the live listeners and timers of each widget frame and of the host
 * (bench/live-counts.ts), the least of a few readings at each point.
 */
export interface FrameCounts {
  frame: string;
  warm: LiveCounts;
  end: LiveCounts;
}

export interface ShiftWidgetsResult {
  calls: number;
  widgets: number;
  heapStartMb: number;
  heapEndMb: number;
  growthPerWidgetMb: number;
  counts: FrameCounts[];
  /** In the widgets' frames. */
  listenerGrowth: number;
  timerGrowth: number;
  /** In the desktop host page (emulator tooling, not budgeted). */
  hostListenerGrowth: number;
}

const caller = (i: number) => `Desk caller ${i}`;
const frameSelector = (i: number) => `iframe[title="Interaction widget for ${caller(i)}"]`;

async function frameOf(page: Page, i: number): Promise<Frame> {
  const frame = await (await page.locator(frameSelector(i)).elementHandle())?.contentFrame();
  if (!frame) throw new Error(`no frame for ${caller(i)}`);
  return frame;
}

/** The least of five readings 200 ms apart (timers come and go: heartbeats, retries). */
async function countsOf(frame: Frame): Promise<LiveCounts> {
  const readings: LiveCounts[] = [];
  for (let i = 0; i < 5; i += 1) {
    readings.push(
      await frame.evaluate(() =>
        (window as unknown as { __liveCounts: () => LiveCounts }).__liveCounts(),
      ),
    );
    await frame.page().waitForTimeout(200);
  }
  return {
    listeners: Math.min(...readings.map((r) => r.listeners)),
    timeouts: Math.min(...readings.map((r) => r.timeouts)),
    intervals: Math.min(...readings.map((r) => r.intervals)),
  };
}

async function openPanels(page: Page, i: number): Promise<void> {
  const frame = page.frameLocator(frameSelector(i));
  await frame.getByTestId('call-data').waitFor();
  for (const name of ['Play a prompt to the caller', 'Audit trail']) {
    const disclosure = frame.getByRole('button', { name, exact: true });
    if ((await disclosure.getAttribute('aria-expanded')) !== 'true') await disclosure.click();
    await disclosure.and(frame.locator('[aria-expanded="true"]')).waitFor();
  }
  await frame.locator('.audit-body:not([hidden])').waitFor();
}

export async function probeShiftWidgets(
  browser: Browser,
  stack: { emulatorUrl: string; widgetUrl: string },
  options: { calls?: number; warmup?: number } = {},
): Promise<ShiftWidgetsResult> {
  const total = options.calls ?? 2000;
  const warmup = Math.min(options.warmup ?? 100, total);
  const widgets = 3;
  const control = new EmulatorControl(stack.emulatorUrl);
  await control.reset();
  const desk: CreatedCall[] = [];
  for (let i = 1; i <= widgets; i += 1)
    desk.push(await control.createCall({ agentEmail: ALICE.email, customerName: caller(i) }));
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await context.addInitScript('window.__name = (fn) => fn;');
  await context.addInitScript(LIVE_COUNTS);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const cdp = await context.newCDPSession(page);
  const heap = () => heapAfterGcMb(cdp);
  const muted = desk.map(() => false);
  try {
    await page.goto(control.desktopUrl(stack.widgetUrl, ALICE.email, { maxWidgets: widgets }));
    const popup = page.waitForEvent('popup');
    await page
      .frameLocator(frameSelector(1))
      .getByRole('button', { name: 'Sign in', exact: true })
      .click();
    await submitLogin(await popup, ALICE.email);
    for (let i = 1; i <= widgets; i += 1) {
      await page
        .frameLocator(frameSelector(i))
        .getByRole('status', { name: /Connection: Live/ })
        .waitFor();
      await openPanels(page, i);
    }
    const frames = [page.mainFrame()];
    for (let i = 1; i <= widgets; i += 1) frames.push(await frameOf(page, i));
    const names = ['host', ...desk.map((_, i) => caller(i + 1))];

    let heapStart = 0;
    let warm: LiveCounts[] = [];
    for (let i = 1; i <= total; i += 1) {
      const call = await control.createCall({
        agentEmail: ALICE.email,
        customerName: `Shift caller ${i}`,
        attributes: { 'customer.tier': i % 2 ? 'Gold' : 'Silver' },
      });
      await control.setParticipant(call.conversationId, call.agentParticipantId!, {
        muted: true,
        actor: 'genesys-ui',
      });
      await control.hangup(call.conversationId);
      // One widget in turn: its own call changes from the Genesys UI, and it shows the change.
      const w = i % widgets;
      muted[w] = !muted[w];
      await control.setParticipant(desk[w]!.conversationId, desk[w]!.agentParticipantId!, {
        muted: muted[w],
        actor: 'genesys-ui',
      });
      await page
        .frameLocator(frameSelector(w + 1))
        .getByRole('button', { name: 'Mute', exact: true })
        .and(page.frameLocator(frameSelector(w + 1)).locator(`[aria-pressed="${muted[w]}"]`))
        .waitFor();
      if (i === warmup) {
        heapStart = await heap();
        warm = await Promise.all(frames.map(countsOf));
      }
    }
    const heapEnd = await heap();
    const end = await Promise.all(frames.map(countsOf));
    const counts = frames.map((_, k) => ({ frame: names[k]!, warm: warm[k]!, end: end[k]! }));
    // The widgets' frames: the host page is the emulator's stand-in for the desktop (its list
    // keeps a row, with its buttons, for every call seen), reported apart.
    const growth = (pick: (c: LiveCounts) => number, frames = counts.slice(1)) =>
      frames.reduce((sum, c) => sum + Math.max(0, pick(c.end) - pick(c.warm)), 0);
    return {
      calls: total,
      widgets,
      heapStartMb: heapStart,
      heapEndMb: heapEnd,
      growthPerWidgetMb: (heapEnd - heapStart) / widgets,
      counts,
      listenerGrowth: growth((c) => c.listeners),
      timerGrowth: growth((c) => c.timeouts + c.intervals),
      hostListenerGrowth: growth((c) => c.listeners, counts.slice(0, 1)),
    };
  } finally {
    await context.close();
  }
}

/** The shift-through-the-desktop rows of the bench table (budgets in bench/budgets.ts). */
export function shiftWidgetsRows(shift: ShiftWidgetsResult): BenchRow[] {
  const single = (value: number) => ({ n: 1, median: value, p95: value, max: value });
  const at = `${shift.calls} calls, ${shift.widgets} widgets with their panels open`;
  return [
    {
      id: 'shiftWidgetHeapGrowthMb',
      metric: `Shift of ${at}: JS heap growth per widget (MB, host page included)`,
      ...single(shift.growthPerWidgetMb),
    },
    {
      id: 'shiftListenerGrowth',
      metric: `Shift of ${at}: live event listeners added in the widgets, warm-up → end (host page: ${shift.hostListenerGrowth})`,
      ...single(shift.listenerGrowth),
    },
    {
      id: 'shiftTimerGrowth',
      metric: `Shift of ${at}: live timers added in the widgets, warm-up → end`,
      ...single(shift.timerGrowth),
    },
  ];
}
