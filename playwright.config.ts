import { defineConfig } from '@playwright/test';

/**
 * Browser tests drive Debian's Chromium (no browser download is possible on
 * these machines); CHROMIUM_PATH points elsewhere if needed. Each test file
 * starts the real server (e2e/fixtures.ts).
 */
export default defineConfig({
  testDir: 'e2e',
  // Room for a loaded machine, which runs these 2–3 times slower; a passing test is not slowed by it.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // Two files at once: each test waits mostly on a server and on browsers syncing, so two share the
  // machine's two cores well (the suite took 22.7 min under load with two, over 30 with one).
  workers: 2,
  // One retry on CI, where the machine may be shared: a test that passes only
  // on its retry is reported as flaky in the output, not hidden.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1400, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
