import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createUser, expectNoAxeViolations, signIn } from './support';

// Compliance settings, adding a candidate by hand and the retention sweep's summaries, with
// JavaScript on and off. The tests share the seeded organization, so the settings they save are
// the ones already in force (or are taken back): later tests see the demo as seeded.

const root = path.resolve(__dirname, '..', '..');
const candor = process.env.CANDOR_BIN ?? path.join(root, 'target/debug/candor');

test.describe('compliance administration', () => {
  test('a Super Admin saves the settings, is told of a mistake, and edits country policies', async ({ page }, testInfo) => {
    const javascript = testInfo.project.name === 'javascript';
    const email = `sue.${testInfo.project.name}@team.example`;
    const password = createUser(email, 'super_admin');
    await signIn(page, '/settings', email, password, javascript);

    await expect(page.getByRole('heading', { level: 1, name: 'Compliance settings' })).toBeVisible();
    await expect(page.getByLabel('Organization name')).toHaveValue('Northwind Talent');
    // The four combinations are explained, the one in force marked.
    await expect(page.locator('ol.combinations li')).toHaveCount(4);
    await expect(page.locator('ol.combinations li.current')).toHaveCount(1);
    if (javascript) await expectNoAxeViolations(page);

    // A retention period of 0 days is refused, by name, and nothing changes.
    const periods = page.getByRole('region', { name: 'Periods' });
    await periods.getByLabel('Retention period (days)').fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('alert')).toContainText('whole number of days from 1 to 36500');

    // Saved as it stands (so the demo stays as seeded): the page says so.
    await page.goto('/settings');
    if (javascript) await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').first()).toContainText('Settings saved.');
    await expect(page.getByRole('region', { name: 'Periods' }).getByLabel('Retention period (days)')).toHaveValue('365');

    // A country policy, added, then removed again (on a fresh page: with JavaScript the forms
    // are drawn again once the saved settings come back, closing any open disclosure).
    await page.goto('/settings');
    if (javascript) await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
    const country = javascript ? 'JP' : 'NZ';
    await page.getByText('Add a country policy').click();
    const add = page.locator('details', { has: page.getByText('Add a country policy') });
    await add.getByLabel('Country code').fill(country);
    await add.getByLabel('Retention period (days)').fill('200');
    await add.getByLabel('Phone numbers').check();
    await add.getByRole('button', { name: 'Save policy' }).click();
    await expect(page.getByRole('status').first()).toContainText('Country policy saved.');
    const policy = page.locator('.policy', { has: page.getByRole('heading', { name: country }) });
    await expect(policy.getByLabel('Phone numbers')).toBeChecked();
    await expect(policy.getByLabel('Email addresses')).not.toBeChecked();
    await policy.getByRole('button', { name: 'Remove this policy' }).click();
    await expect(page.getByRole('status').first()).toContainText('Country policy removed.');
    await expect(page.locator('.policy', { has: page.getByRole('heading', { name: country }) })).toHaveCount(0);
  });

  test('a Super Admin adds an email template and sees its preview', async ({ page }, testInfo) => {
    const javascript = testInfo.project.name === 'javascript';
    const email = `sid.${testInfo.project.name}@team.example`;
    const password = createUser(email, 'super_admin');
    await signIn(page, '/settings', email, password, javascript);

    const name = `Alumni check-in (${testInfo.project.name})`;
    await page.getByText('Add a template').click();
    const add = page.locator('details', { has: page.getByText('Add a template') });
    await add.getByLabel('Template name').fill(name);
    await add.getByLabel('Subject').fill('News for you, {{ candidate_first_name }}');
    await add.getByLabel('Message').fill('Hello {{ candidate_first_name }},\n\n{{ organization }} is hiring again.');
    await add.getByRole('button', { name: 'Save template' }).click();
    await expect(page.getByRole('status').first()).toContainText('Template saved.');
    const saved = page.locator('.template', { has: page.getByRole('heading', { name }) });
    await expect(saved.locator('figure.preview')).toContainText('News for you, Anna');
    await expect(saved.locator('figure.preview')).toContainText('Northwind Talent is hiring again.');
  });

  test('an Admin is refused the settings but reads the sweep summaries', async ({ page }, testInfo) => {
    const javascript = testInfo.project.name === 'javascript';
    const email = `abe.${testInfo.project.name}@team.example`;
    const password = createUser(email, 'admin');
    // A dry run changes nothing and leaves its summary.
    execFileSync(candor, ['sweep', '--dry-run'], { cwd: root, env: process.env });

    await signIn(page, '/settings', email, password, javascript);
    await expect(page.getByRole('alert')).toContainText('Only Super Admins can see and change the compliance settings');
    await expect(page.locator('input[name="form[retention_days]"]')).toHaveCount(0);

    await page.getByRole('link', { name: 'Retention sweeps' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Retention sweeps' })).toBeVisible();
    await expect(page.locator('table.sweeps')).toContainText('Dry run by an operator (nothing changed)');
    if (javascript) await expectNoAxeViolations(page);
  });

  test('a recruiter adds a candidate by hand, who is sent the data-collection notice', async ({ page }, testInfo) => {
    const javascript = testInfo.project.name === 'javascript';
    const email = `ria.${testInfo.project.name}@team.example`;
    const password = createUser(email, 'team_member');
    await signIn(page, '/candidates', email, password, javascript);

    await page.getByRole('link', { name: 'Add a candidate' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Add a candidate' })).toBeVisible();
    if (javascript) {
      await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
      await expectNoAxeViolations(page);
    }
    // A mistake is named first.
    const name = javascript ? 'Lena Vogt' : 'Lars Vogt';
    await page.getByLabel('Name', { exact: true }).fill(name);
    // The browser takes an address without a dotted domain; Candor doesn't.
    await page.getByLabel('Email address').fill('lena@localhost');
    await page.getByRole('button', { name: 'Add candidate' }).click();
    await expect(page.getByRole('alert')).toContainText('like name@example.com');

    if (!javascript) await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Email address').fill(`${name.split(' ')[0].toLowerCase()}.vogt@example.com`);
    await page.getByLabel('Country (optional)').fill('AT');
    await page.getByRole('button', { name: 'Add candidate' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.locator('.consent-panel')).toContainText('Data-collection notice');
    if (!javascript) {
      await expect(page.getByRole('status').first()).toContainText('the data-collection notice with their personal link is on its way');
    }
  });
});
