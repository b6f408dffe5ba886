import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page, type Request } from '@playwright/test';
import { EmulatorControl } from '../emulator/control-client.js';
import { muteButton, onACall } from './support/session.js';

export {
  ALICE,
  BOB,
  SAM,
  holdButton,
  muteButton,
  signIn,
  startCall,
  submitLogin,
} from './support/session.js';
export { PROMPT_IDS, QUEUE_IDS, SEED_USERS } from '../emulator/seed-ids.js';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run through playwright.config.ts (global setup).`);
  return value;
}

export const test = base.extend<{ control: EmulatorControl; widgetUrl: string }>({
  control: async ({}, use) => {
    const control = new EmulatorControl(requireEnv('E2E_EMULATOR_URL'));
    await control.reset();
    await use(control);
  },
  widgetUrl: async ({}, use) => {
    await use(requireEnv('E2E_WIDGET_URL'));
  },
});

export { expect };

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('; ')})`,
    ),
  ).toEqual([]);
}

/**
 * The names of visible buttons in the widget whose label text breaks onto a second line (a
 * wrapped label grows the button and moves what sits below it).
 */
export async function wrappedButtonLabels(page: Page): Promise<string[]> {
  return page.locator('[data-widget-root]').evaluate((root) =>
    [...root.querySelectorAll('button')]
      .filter((button) => button.getClientRects().length > 0)
      .filter((button) => {
        const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          const lines = new Set(
            [...range.getClientRects()]
              .filter((rect) => rect.width > 1)
              .map((rect) => Math.round(rect.top)),
          );
          if (lines.size > 1) return true;
        }
        return false;
      })
      .map((button) => button.getAttribute('aria-label') ?? button.textContent ?? ''),
  );
}

/** Signs Alice in and gives her a connected call (from Casey Caller unless named); its ids. */
export const aliceOnACall = (
  page: Page,
  widgetUrl: string,
  control: EmulatorControl,
  customerName = 'Casey Caller',
) => onACall(page, widgetUrl, control, { customerName });

/**
 * The most participant PATCHes the page had open at once, from the browser's own resource
 * timings (request start to response end), so no cross-process event ordering is involved.
 */
export async function maxConcurrentPatches(page: Page): Promise<number> {
  const spans = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => /\/participants\/[^/]+$/.test(new URL(e.name).pathname))
      .map((e) => [e.startTime, (e as PerformanceResourceTiming).responseEnd] as const),
  );
  let max = 0;
  for (const [start] of spans) {
    max = Math.max(max, spans.filter(([s, end]) => s <= start && start < end).length);
  }
  return max;
}

/** Records REST calls to the API (not the login host); `open` holds those not answered yet. */
export function trackApi(page: Page) {
  const record = {
    requests: [] as { method: string; path: string }[],
    open: new Set<Request>(),
  };
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/v2/');
  page.on('request', (request) => {
    if (!isApi(request.url()) || request.method() === 'OPTIONS') return;
    record.requests.push({ method: request.method(), path: new URL(request.url()).pathname });
    record.open.add(request);
  });
  const settle = (request: Request) => record.open.delete(request);
  page.on('requestfinished', settle);
  page.on('requestfailed', settle);
  return record;
}

/** Counts the notification heartbeats (`channel.metadata`) the page's sockets receive. */
export function countHeartbeats(page: Page) {
  const record = { count: 0 };
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      if (typeof payload === 'string' && payload.includes('"channel.metadata"')) record.count += 1;
    }),
  );
  return record;
}

/** Every participant PATCH (mute/hold) the page sends, with its body and when it left. */
export function recordFlagPatches(page: Page) {
  const sent: { at: number; body: { muted?: boolean; held?: boolean } }[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (request.method() !== 'PATCH' || !/\/participants\/[^/]+$/.test(path)) return;
    sent.push({ at: Date.now(), body: request.postDataJSON() as { muted?: boolean } });
  });
  return sent;
}

export const PATCH_PARTICIPANT = '/api/v2/conversations/calls/*/participants/*';

/**
 * Records, inside the page and on its one clock, each click on the Mute toggle (the target it
 * asks for: the opposite of the pressed state it was clicked in) and each mute PATCH the page
 * sends (its `muted` value, when it left). `read()` gives both, in order.
 */
export async function recordMuteIntents(page: Page) {
  await muteButton(page).evaluate((button) => {
    const log = {
      clicks: [] as { at: number; target: boolean }[],
      sent: [] as { at: number; muted: boolean | undefined }[],
    };
    (window as unknown as { __muteIntents: typeof log }).__muteIntents = log;
    document.addEventListener(
      'click',
      (event) => {
        if (!(event.target instanceof Node) || !button.contains(event.target)) return;
        log.clicks.push({
          at: performance.now(),
          target: button.getAttribute('aria-pressed') !== 'true',
        });
      },
      true,
    );
    const send = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      const method = (
        init?.method ?? (input instanceof Request ? input.method : 'GET')
      ).toUpperCase();
      if (method === 'PATCH' && /\/participants\/[^/]+$/.test(url.pathname)) {
        const body = JSON.parse(String(init?.body ?? '{}')) as { muted?: boolean };
        if ('muted' in body) log.sent.push({ at: performance.now(), muted: body.muted });
      }
      return send(input, init);
    };
  });
  return {
    read: () =>
      page.evaluate(
        () =>
          (
            window as unknown as {
              __muteIntents: {
                clicks: { at: number; target: boolean }[];
                sent: { at: number; muted: boolean | undefined }[];
              };
            }
          ).__muteIntents,
      ),
  };
}

/**
 * For each mute PATCH, whether what it asked for was the latest click's target when it left
 * (a superseded target sent late, or a request for a target nobody asked for, reads false).
 */
export function sentLatestIntent(log: {
  clicks: { at: number; target: boolean }[];
  sent: { at: number; muted: boolean | undefined }[];
}): boolean[] {
  return log.sent.map((request) => {
    const latest = log.clicks.filter((click) => click.at <= request.at).at(-1);
    return latest !== undefined && latest.target === request.muted;
  });
}

/**
 * Waits until a popup the widget opened has closed. `page.waitForEvent('close')` never resolves
 * for a page that closed before the wait began (a race a busy machine wins), so poll instead.
 */
export async function popupClosed(popup: Promise<Page>): Promise<void> {
  const page = await popup;
  await expect.poll(() => page.isClosed(), { timeout: 10_000 }).toBe(true);
}
