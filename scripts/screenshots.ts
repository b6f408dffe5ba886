import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { EmulatorControl } from '../emulator/control-client.js';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.js';
import { startStack } from './stack.js';

/**
 * `npm run screenshots`: the README's pictures, made from the real widget against the emulator
 * (production build), so they stay current: the agent's call at 400 px (light, muted; dark, on
 * hold), at 320 px and at 1280 px, and the supervisor view with 50 calls.
 */
const OUT = 'docs/screenshots';

type Theme = 'light' | 'dark';

interface AgentShot {
  file: string;
  theme: Theme;
  width: number;
  hold?: boolean;
}

const AGENT_SHOTS: AgentShot[] = [
  { file: 'light-400', theme: 'light', width: 400 },
  { file: 'dark-400', theme: 'dark', width: 400, hold: true },
  { file: 'light-320', theme: 'light', width: 320 },
  { file: 'light-1280', theme: 'light', width: 1280 },
];

async function signIn(page: Page, url: string, email: string) {
  await page.goto(url);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('status', { name: /Connection: Live/ }).waitFor();
}

async function newPage(browser: Browser, theme: Theme, width: number) {
  const page = await browser.newPage({ viewport: { width, height: 720 }, colorScheme: theme });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  return page;
}

async function agentShot(browser: Browser, control: EmulatorControl, url: string, shot: AgentShot) {
  await control.reset();
  const page = await newPage(browser, shot.theme, shot.width);
  await signIn(page, `${url}?theme=${shot.theme}`, 'alice@example.com');
  await control.createCall({
    agentEmail: 'alice@example.com',
    customerName: 'Dana Customer',
    ani: 'tel:+13175550142',
    attributes: {
      'customer.tier_level-name': 'Gold',
      openCases: 'number:2',
      'crm.last-contact_date': 'date:2026-11-30',
    },
  });
  const mute = page.getByRole('button', { name: 'Mute', exact: true });
  await mute.waitFor();
  await page.waitForFunction(
    "!document.querySelector('button[aria-pressed]')?.hasAttribute('disabled')",
  );
  await mute.click();
  await page.getByTestId('mute-status').getByText('Muted by you').waitFor();
  if (shot.hold) {
    await page.getByRole('button', { name: 'Hold', exact: true }).click();
    await page.getByTestId('hold-status').getByText('On hold by you').waitFor();
  }
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `${OUT}/${shot.file}.png`, fullPage: true });
  await page.close();
}

async function supervisorShot(browser: Browser, control: EmulatorControl, url: string) {
  await control.reset();
  await control.createCalls({ count: 50 });
  const page = await newPage(browser, 'light', 1280);
  await signIn(page, `${url}?view=supervisor&theme=light`, 'sam@example.com');
  await page.getByRole('checkbox', { name: 'Support' }).check();
  await page.getByRole('checkbox', { name: 'Sales' }).check();
  await page.waitForSelector('[role="grid"][aria-rowcount="51"]');
  await page.waitForFunction(
    "[...document.querySelectorAll('[role=gridcell].supervisor-cell-customer')].every((c) => /\\d{4}$/.test(c.textContent))",
  );
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `${OUT}/supervisor-1280.png`, fullPage: true });
  await page.close();
}

const stack = await startStack({
  mode: 'preview',
  demo: false,
  outDir: 'node_modules/.shots-dist',
});
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  mkdirSync(OUT, { recursive: true });
  const control = new EmulatorControl(stack.emulatorUrl);
  for (const shot of AGENT_SHOTS) await agentShot(browser, control, stack.widgetUrl, shot);
  await supervisorShot(browser, control, stack.widgetUrl);
  const files = [...AGENT_SHOTS.map((s) => s.file), 'supervisor-1280'];
  console.log(`Screenshots written to ${files.map((f) => `${OUT}/${f}.png`).join(', ')}`);
} finally {
  await browser.close();
  await stack.close();
}
