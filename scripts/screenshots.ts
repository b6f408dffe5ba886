import { mkdirSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { EmulatorControl } from '../emulator/control-client.js';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.js';
import { startStack } from './stack.js';

/**
 * `npm run screenshots`: the README's pictures, made from the real widget against the emulator
 * (production build), so they stay current: a muted call at 400 px in the light theme, and the
 * same call on hold in the dark theme.
 */
const OUT = 'docs/screenshots';

async function signIn(page: Page, url: string) {
  await page.goto(url);
  await page.getByLabel('Email').fill('alice@example.com');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('status', { name: /Connection: Live/ }).waitFor();
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
  for (const theme of ['light', 'dark'] as const) {
    await control.reset();
    const page = await browser.newPage({
      viewport: { width: 400, height: 720 },
      colorScheme: theme,
    });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await signIn(page, `${stack.widgetUrl}?theme=${theme}`);
    await control.createCall({
      agentEmail: 'alice@example.com',
      customerName: 'Dana Customer',
      ani: 'tel:+13175550142',
      attributes: { 'customer.tier': 'Gold', openCases: 'number:2' },
    });
    const mute = page.getByRole('button', { name: 'Mute', exact: true });
    await mute.waitFor();
    await page.waitForFunction(
      "!document.querySelector('button[aria-pressed]')?.hasAttribute('disabled')",
    );
    await mute.click();
    await page.getByTestId('mute-status').getByText('Muted by you').waitFor();
    if (theme === 'dark') {
      await page.getByRole('button', { name: 'Hold', exact: true }).click();
      await page.getByTestId('hold-status').getByText('On hold by you').waitFor();
    }
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `${OUT}/${theme}-400.png`, fullPage: true });
    await page.close();
  }
  console.log(`Screenshots written to ${OUT}/light-400.png and ${OUT}/dark-400.png`);
} finally {
  await browser.close();
  await stack.close();
}
