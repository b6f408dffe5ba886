import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { EmulatorControl } from '../emulator/control-client.js';

export const ALICE = { email: 'alice@example.com', name: 'Alice Agent' };
export const SAM = { email: 'sam@example.com', name: 'Sam Supervisor' };

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

/**
 * Opens the widget, signs in on the emulator's login page and waits for the panel to be live
 * (`live`: the connection status's name in the panel's language, e.g. /Verbindung: Live/).
 */
export async function signIn(
  page: Page,
  widgetUrl: string,
  email = ALICE.email,
  search = '',
  live: RegExp = /Connection: Live/,
) {
  await page.goto(`${widgetUrl}${search}`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status', { name: live })).toBeVisible();
}

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

export const muteButton = (page: Page) => page.getByRole('button', { name: 'Mute', exact: true });
export const holdButton = (page: Page) => page.getByRole('button', { name: 'Hold', exact: true });

/** Signs Alice in and gives her a connected call; returns its ids. */
export async function aliceOnACall(
  page: Page,
  widgetUrl: string,
  control: EmulatorControl,
  customerName = 'Casey Caller',
) {
  await signIn(page, widgetUrl);
  const call = await control.createCall({
    agentEmail: ALICE.email,
    customerName,
    ani: 'tel:+15550100200',
  });
  const agentId =
    call.agentParticipantId ?? call.participants.find((p) => p.purpose === 'agent')!.id;
  await expect(page.getByRole('heading', { name: customerName, level: 2 })).toBeVisible();
  await expect(muteButton(page)).toBeEnabled();
  return { conversationId: call.conversationId, agentId };
}

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

/** Records REST calls to the API (not the login host). */
export function trackApi(page: Page) {
  const record = { requests: [] as { method: string; path: string }[] };
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/v2/');
  page.on('request', (request) => {
    if (!isApi(request.url()) || request.method() === 'OPTIONS') return;
    record.requests.push({ method: request.method(), path: new URL(request.url()).pathname });
  });
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
