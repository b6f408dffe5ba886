import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { EmulatorControl } from '../emulator/control-client.js';

export const ALICE = { email: 'alice@example.com', name: 'Alice Agent' };

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

/** Opens the widget, signs in on the emulator's login page and waits for the panel to be live. */
export async function signIn(page: Page, widgetUrl: string, email = ALICE.email, search = '') {
  await page.goto(`${widgetUrl}${search}`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}
