import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.js';

/**
 * The chaos suite's own run: the same global setup (one emulator, one production build) and
 * Chromium as the e2e suite, its own test files (`*.chaos.ts`, which the e2e run never picks
 * up), one worker, and a timeout the test sets from the run's length.
 */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '**/*.chaos.ts',
  globalSetup: '../global-setup.ts',
  outputDir: '../../test-results/chaos',
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: '../../playwright-report/chaos' }]]
    : 'list',
  workers: 1,
});
