import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createUser, expectNoAxeViolations, signIn } from './support';

// The compliance dashboard and the audit trail, with JavaScript on and off, over the seeded
// demo's open requests.

test.describe('compliance dashboard', () => {
  test('an Admin filters the requests, reads the chart, exports them and opens an audit trail', async ({ page }, testInfo) => {
    const javascript = testInfo.project.name === 'javascript';
    const email = `dana.${testInfo.project.name}@team.example`;
    const password = createUser(email, 'admin');
    await signIn(page, '/compliance', email, password, javascript);

    await expect(page.getByRole('heading', { level: 1, name: 'Compliance dashboard' })).toBeVisible();
    const rows = page.locator('table.requests tbody tr');
    // With JavaScript the sign-in lands before the list has loaded: wait for it, then count.
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    await expect(page.getByRole('img', { name: 'Requests per week' })).toBeVisible();
    if (javascript) await expectNoAxeViolations(page);

    // Erasure requests only: a plain GET form, so the filters are in the address.
    await page.getByLabel('Kind').selectOption('erasure');
    await page.getByRole('button', { name: 'Show requests' }).click();
    await expect(page).toHaveURL(/kind=erasure/);
    await expect(page.getByLabel('Kind')).toHaveValue('erasure');
    const kinds = await page.locator('table.requests tbody tr td:first-child').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['Erasure']));

    // The export holds the same list.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download these requests (CSV)' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('Request id,Kind,Candidate,Owner,Received,Due,State,Closed,Closed by');
    expect(csv.length - 1).toBe(kinds.length);
    expect(csv.slice(1).every((line) => line.split(',')[1] === 'Erasure')).toBe(true);

    // A request's audit trail: who did what and when.
    await page.locator('table.requests tbody tr td:first-child a').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Erasure request');
    await expect(page.locator('ol.trail')).toContainText('Request received (erasure)');
    if (javascript) await expectNoAxeViolations(page);
  });

  test('a team member without the permission is refused', async ({ page }, testInfo) => {
    const javascript = testInfo.project.name === 'javascript';
    const email = `tom.${testInfo.project.name}@team.example`;
    const password = createUser(email, 'team_member');
    await signIn(page, '/compliance', email, password, javascript);
    await expect(page.getByText("Your role doesn't allow this")).toBeVisible();
    await expect(page.locator('table.requests')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Compliance dashboard' })).toHaveCount(0);
  });
});
