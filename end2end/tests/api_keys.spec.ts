import { test, expect } from '@playwright/test';
import { createUser, expectNoAxeViolations, signIn } from './support';

// Settings → API keys, with JavaScript on and off: a Super Admin creates a key, sees it once,
// and revokes it.

test('a Super Admin creates an API key, sees it once, and revokes it', async ({ page }, testInfo) => {
  const javascript = testInfo.project.name === 'javascript';
  const email = `ines.keys.${testInfo.project.name}@team.example`;
  const password = createUser(email, 'super_admin');
  await signIn(page, '/settings', email, password, javascript);
  await page.getByRole('link', { name: 'API keys for your other systems' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();
  if (javascript) {
    await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
    await expectNoAxeViolations(page);
  }
  const name = `ATS sync ${testInfo.project.name}`;
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Write').check();
  await page.getByRole('button', { name: 'Create key' }).click();

  await expect(page.getByRole('status').first()).toContainText('Key created.');
  const shown = page.getByLabel('Key', { exact: true });
  await expect(shown).toHaveValue(/^candor_[A-Za-z0-9_-]{43}$/);
  if (javascript) await expectNoAxeViolations(page);
  const key = await shown.inputValue();

  // Shown once: the next view has only its first characters.
  await page.goto('/settings/api-keys');
  await expect(page.getByLabel('Key', { exact: true })).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(`${key.slice(0, 11)}…`);
  await expect(row).toContainText('Write');

  if (javascript) await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
  await row.getByRole('button', { name: `Revoke “${name}”` }).click();
  await expect(page.getByRole('status').first()).toContainText('Key revoked');
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('Revoked');
});

test('the API reference is a readable, accessible page served by Candor', async ({ page }, testInfo) => {
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1')) outside.push(request.url());
  });
  await page.goto('/api/v1/reference');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Candor integration API');
  await expect(page.getByRole('heading', { name: 'POST /api/v1/candidates', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'CandidateInput' }).first().click();
  await expect(page.locator('#schema-CandidateInput')).toBeInViewport();
  // The page has no script of its own; axe-core needs JavaScript to run in it.
  if (testInfo.project.name === 'javascript') await expectNoAxeViolations(page);
  expect(outside).toEqual([]);
});
