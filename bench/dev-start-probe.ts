import { rmSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { startStack } from '../scripts/stack.js';
import { ALICE, submitLogin } from '../e2e/support/session.js';

/**
 * The first `npm start` page as a new user meets it (issue 21, point 5): the dev server (Vite,
 * the emulator with its demo call), a new browser profile. Cold: Vite's dependency cache
 * removed first; warm: the same cache on the next start. Two figures each time: the first
 * request → the login page shown; and, sign-in excluded, the sign-in submitted → every panel of
 * the demo call rendered (header, Mute, call data, playback, audit trail).
 */
export interface DevStartRun {
  toLoginMs: number;
  toPanelsMs: number;
}

export interface DevStartResult {
  cold: DevStartRun;
  warm: DevStartRun;
}

const CACHE_DIR = 'node_modules/.vite-bench';

async function once(browser: Browser): Promise<DevStartRun> {
  const stack = await startStack({ mode: 'dev', demo: true, demoDelayMs: 0, cacheDir: CACHE_DIR });
  const context = await browser.newContext();
  try {
    const page: Page = await context.newPage();
    page.setDefaultTimeout(120_000);
    const start = Date.now();
    await page.goto(stack.widgetUrl, { waitUntil: 'commit' });
    await page.getByLabel('Email').waitFor();
    const toLoginMs = Date.now() - start;
    const signedIn = Date.now();
    await submitLogin(page, ALICE.email);
    await page
      .getByRole('button', { name: 'Mute', exact: true })
      .and(page.locator(':enabled'))
      .waitFor();
    await page.getByRole('button', { name: 'Edit call data' }).waitFor();
    await page.getByRole('button', { name: 'Play a prompt to the caller' }).waitFor();
    await page.getByRole('button', { name: /Audit trail/ }).waitFor();
    return { toLoginMs, toPanelsMs: Date.now() - signedIn };
  } finally {
    await context.close();
    await stack.close();
  }
}

export async function probeDevStart(browser: Browser): Promise<DevStartResult> {
  rmSync(CACHE_DIR, { recursive: true, force: true });
  const cold = await once(browser);
  const warm = await once(browser);
  return { cold, warm };
}
