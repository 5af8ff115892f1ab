import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The page benchmarks (scripts/bench.sh bundles): not part of the tests; they time things.
export default defineConfig({
  ...base,
  testDir: './bench',
  timeout: 180_000,
  projects: [{ name: 'bench', use: { javaScriptEnabled: true } }],
});
