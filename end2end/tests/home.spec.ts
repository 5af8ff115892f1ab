import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support';

/** Collects console errors and uncaught exceptions (a failed hydration shows up as one). */
function watchForErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

test('the home page says what Candor is, and hydrates cleanly', async ({ page }, testInfo) => {
  const problems = watchForErrors(page);
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Your data, your say/);
  await expect(page.getByRole('heading', { name: 'Candidates' })).toBeVisible();
  await expect(page).toHaveTitle('Candor');

  if (testInfo.project.name === 'javascript') {
    // Set by an effect that only runs once the WASM has taken over the page.
    await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("'nonce-");
  } else {
    await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'false');
  }
  expect(problems).toEqual([]);
});

test('the home page has no accessibility violations', async ({ page }, testInfo) => {
  // axe-core runs inside the page; the markup it checks is the same with JavaScript off.
  test.skip(testInfo.project.name === 'no-javascript', 'axe-core needs JavaScript to run');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the home page reads well on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('an unknown address gets a friendly 404 page', async ({ page }) => {
  const problems = watchForErrors(page);
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: /home page/ })).toHaveAttribute('href', '/');
  // The 404 response itself is logged by Chromium as a failed resource; nothing else may be.
  expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
});
