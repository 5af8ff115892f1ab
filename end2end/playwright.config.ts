import { defineConfig } from '@playwright/test';

// Candor's browser tests: real Chromium (Debian's; Playwright's download is unreachable here)
// against the debug build served by `candor serve`. scripts/test.sh sets the database and secrets.
const port = process.env.CANDOR_E2E_PORT ?? '3100';
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: '../target/playwright-results',
  use: {
    baseURL,
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
  },
  projects: [
    { name: 'javascript', use: { javaScriptEnabled: true } },
    { name: 'no-javascript', use: { javaScriptEnabled: false } },
  ],
  webServer: {
    command: `${process.env.CANDOR_BIN ?? 'target/debug/candor'} serve`,
    cwd: '..',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      RUST_LOG: process.env.RUST_LOG ?? 'warn',
      // Every test posts from 127.0.0.1; the per-client limit has its own HTTP test.
      CANDOR_POST_LIMIT_PER_MINUTE: '10000',
    },
  },
});
