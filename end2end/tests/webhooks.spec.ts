import { test, expect } from '@playwright/test';
import { createUser, expectNoAxeViolations, signIn } from './support';

// Settings → Webhooks, with JavaScript on and off: a Super Admin adds an endpoint, sees its
// signing secret once, queues a test event and turns the endpoint off.

test('a Super Admin adds a webhook endpoint, sees its secret once, and tests it', async ({ page }, testInfo) => {
  const javascript = testInfo.project.name === 'javascript';
  const email = `ines.hooks.${testInfo.project.name}@team.example`;
  const password = createUser(email, 'super_admin');
  await signIn(page, '/settings', email, password, javascript);
  await page.getByRole('link', { name: 'Webhooks: tell your other systems what happens' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
  if (javascript) {
    await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
    await expectNoAxeViolations(page);
  }

  // A private address is refused with the reason, and nothing is added.
  await page.getByLabel('Receiver URL').fill('https://10.1.2.3/hooks');
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(page.getByRole('alert').first()).toContainText('private, loopback and link-local networks are refused');

  const url = `https://hooks.example.com/candor/${testInfo.project.name}`;
  await page.getByLabel('Receiver URL').fill(url);
  await page.getByLabel(/A data request became overdue/).uncheck();
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(page.getByRole('status').first()).toContainText('Endpoint added.');
  const shown = page.getByLabel('Signing secret', { exact: true });
  await expect(shown).toHaveValue(/^whsec_[A-Za-z0-9+/=]{44}$/);
  if (javascript) await expectNoAxeViolations(page);
  const secret = await shown.inputValue();

  // Shown once: the next view has only its first characters.
  await page.goto('/settings/webhooks');
  await expect(page.getByLabel('Signing secret', { exact: true })).toHaveCount(0);
  const card = page.getByRole('region', { name: `Endpoint ${url}` });
  await expect(card).toContainText(`${secret.slice(0, 10)}…`);
  await expect(card).not.toContainText('data_request.overdue');
  await expect(card).toContainText('Nothing sent yet.');

  if (javascript) await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
  await card.getByRole('button', { name: 'Send a test event' }).click();
  await expect(page.getByRole('status').first()).toContainText('Test event queued');
  await expect(page.getByRole('region', { name: `Endpoint ${url}` }).getByRole('row').filter({ hasText: 'webhook.test' })).toHaveCount(1);

  await page.getByRole('region', { name: `Endpoint ${url}` }).getByRole('button', { name: 'Turn off' }).click();
  await expect(page.getByRole('status').first()).toContainText('Endpoint turned off');
  await expect(page.getByRole('region', { name: `Endpoint ${url}` }).getByRole('button', { name: 'Turn on' })).toBeVisible();
  if (javascript) await expectNoAxeViolations(page);
});
