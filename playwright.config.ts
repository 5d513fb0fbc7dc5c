import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/e2e/chromium';

/**
 * End-to-end specs drive Debian's Chromium (never a downloaded browser) against the headless
 * studio and the LiveKit-compatible dev server. Two workers fit a 2-core machine.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/support/e2e/globalSetup.ts',
  globalTeardown: './tests/support/e2e/globalTeardown.ts',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  // In CI, one retry: WebRTC on a loaded 2-core machine occasionally stalls a fake device for a
  // while. A spec that only passes on its retry is counted and named as flaky in the summary.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    headless: true,
    launchOptions: chromiumLaunchOptions(),
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  outputDir: 'test-results',
});
