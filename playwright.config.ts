import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the browser preview (same renderer and core, HTTP instead of IPC) in
 * Debian's Chromium, and the real Electron shell where its binary is present.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./tests/e2e/skip-reasons-reporter.ts']],
  outputDir: 'test-results',
  // A PostgreSQL server for the Settings → Database specs (tests/e2e/pg-global-setup.ts).
  globalSetup: './tests/e2e/pg-global-setup.ts',
  use: {
    locale: 'zh-CN',
    viewport: { width: 1400, height: 1000 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'web', testMatch: 'web/**/*.spec.ts' },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
