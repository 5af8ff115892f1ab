import { test, expect, type Browser } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { linkFor } from '../tests/support';

// A candidate on a slow phone: 1.6 Mbit/s down, 150 ms round trips, the CPU slowed 4× (Chrome
// DevTools protocol). From navigation to a hydrated page, and to a consent change shown in place;
// beside it, the same page with JavaScript off until its load event (the floor: HTML and CSS).
// Median of five fresh browser contexts (nothing cached). Written to $CANDOR_BENCH_OUT.

const RUNS = 5;

async function throttledPage(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1_000_000) / 8,
    uploadThroughput: (750 * 1_000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { context, page };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

test('the preferences page on a throttled phone', async ({ browser }) => {
  const link = linkFor('anna.schmidt@example.com');
  const floor: number[] = [];
  const hydrated: number[] = [];
  const toggled: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    {
      const { context, page } = await throttledPage(browser, false);
      const start = Date.now();
      await page.goto(link, { waitUntil: 'load' });
      floor.push(Date.now() - start);
      await context.close();
    }
    const { context, page } = await throttledPage(browser, true);
    const start = Date.now();
    await page.goto(link, { waitUntil: 'commit' });
    await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true', { timeout: 60_000 });
    hydrated.push(Date.now() - start);
    const consent = page.locator('.consent-item', { hasText: 'Keeping your data for future jobs' });
    const button = consent.getByRole('button');
    const before = await button.innerText();
    await button.click();
    await expect(consent.getByRole('button')).not.toHaveText(before, { timeout: 60_000 });
    toggled.push(Date.now() - start);
    await context.close();
  }
  const result = { runs: RUNS, floor_ms: median(floor), hydrated_ms: median(hydrated), toggled_ms: median(toggled), floor, hydrated, toggled };
  if (process.env.CANDOR_BENCH_OUT) writeFileSync(process.env.CANDOR_BENCH_OUT, JSON.stringify(result, null, 2));
  console.log(JSON.stringify(result));
});
