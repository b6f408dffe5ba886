import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    maxWorkers: 2,
    restoreMocks: true,
    projects: [
      {
        extends: './vite.config.ts',
        test: {
          name: 'src',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/**/*.contract.test.ts'],
          environment: 'jsdom',
          // Generous for a busy 2-core machine (property tests over many inputs); no test
          // asserts a duration.
          testTimeout: 20_000,
          setupFiles: ['src/testing/setup-tests.ts'],
        },
      },
      {
        // The widget's own platform code against an emulator started once for the project.
        extends: './vite.config.ts',
        test: {
          name: 'contract',
          include: ['src/**/*.contract.test.ts'],
          environment: 'node',
          globalSetup: ['scripts/contract-global-setup.ts'],
          // One emulator for every file, and each test resets it: files run one at a time.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'emulator',
          include: ['emulator/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 15_000,
        },
      },
    ],
  },
});
