import { test, expect, type Page } from '@playwright/test';
import { createUser, expectNoAxeViolations, signIn, sqlRows } from './support';

// Settings → Import, with JavaScript on and off: a Super Admin uploads a file with a formula and
// sees it refused with the line and column; uploads a good one, reads the check's report (a line
// skipped, with its reason) and applies it.

/** Waits for the import's status line; without JavaScript by following the page's Refresh link. */
async function waitForStatus(page: Page, status: string, javascript: boolean) {
  const line = page.getByRole('status').filter({ hasText: status });
  if (javascript) {
    await expect(line).toBeVisible();
    return;
  }
  for (let i = 0; i < 40; i++) {
    if (await line.count()) return;
    const refresh = page.getByRole('link', { name: 'Refresh' });
    if (await refresh.count()) await refresh.click();
    else await page.reload();
    await page.waitForTimeout(250);
  }
  await expect(line).toBeVisible();
}

async function upload(page: Page, name: string, csv: string) {
  await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Import of ${name}` })).toBeVisible();
}

test('a Super Admin checks a file, sees what it would do, and applies it', async ({ page }, testInfo) => {
  const javascript = testInfo.project.name === 'javascript';
  const project = testInfo.project.name;
  const email = `ivo.import.${project}@team.example`;
  const password = createUser(email, 'super_admin');
  await signIn(page, '/settings', email, password, javascript);
  await page.getByRole('link', { name: /^Import: bring candidates/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
  if (javascript) {
    await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
    await expectNoAxeViolations(page);
  }

  // A cell a spreadsheet would run: refused, with its line and column, and nothing imported.
  await upload(page, `formula-${project}.csv`, `name,emails\n=1+2,eve.${project}@import.example\n`);
  await waitForStatus(page, 'Refused: nothing was changed', javascript);
  await expect(page.getByRole('region', { name: 'Why the file was refused' })).toContainText(
    'Line 2: The name cell starts like a spreadsheet formula',
  );
  expect(sqlRows(`SELECT count(*) FROM candidate_emails WHERE email = 'eve.${project}@import.example'`)).toEqual(['0']);

  // A good file: two candidates on a demo posting, one line on a posting that doesn't exist.
  await page.getByRole('link', { name: 'All imports' }).click();
  const file = [
    'external_id,name,emails,posting_title,stage,consent_purpose,consent_decision,consent_at,consent_basis,consent_text_version',
    `e2e-${project}-1,Olga Imported,olga.${project}@import.example,Backend Engineer (Rust),Phone Screen,retention,given,2025-03-01,consent,ats-3`,
    `e2e-${project}-2,Piet Imported,piet.${project}@import.example,Backend Engineer (Rust),Offer,,,,,`,
    `e2e-${project}-3,Quinn Imported,quinn.${project}@import.example,No Such Posting,Offer,,,,,`,
  ].join('\n');
  await upload(page, `people-${project}.csv`, `${file}\n`);
  await waitForStatus(page, 'Checked: ready to apply', javascript);
  await expect(page.getByText('Applying would create 2, update 0, leave 0 unchanged and skip 1 line.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Skipped lines' })).toContainText('Line 4: No single posting has that external id or title');
  if (javascript) await expectNoAxeViolations(page);
  expect(sqlRows(`SELECT count(*) FROM candidates WHERE external_id LIKE 'e2e-${project}-%'`)).toEqual(['0']);

  await page.getByRole('button', { name: 'Apply the import' }).click();
  await waitForStatus(page, 'Applied', javascript);
  await expect(page.getByText('Created 2, updated 0, unchanged 0, skipped 1 line.')).toBeVisible();
  if (javascript) await expectNoAxeViolations(page);
  expect(sqlRows(`SELECT name FROM candidates WHERE external_id LIKE 'e2e-${project}-%' ORDER BY name`)).toEqual([
    'Olga Imported',
    'Piet Imported',
  ]);

  // Both imports are listed, newest first.
  await page.getByRole('link', { name: 'All imports' }).click();
  const listed = page.locator('main li').filter({ hasText: project });
  await expect(listed).toHaveCount(2);
  await expect(listed.first()).toContainText('Applied');
  await expect(listed.nth(1)).toContainText('Refused');
});
