import { test, expect } from '@playwright/test';
import { createUser, expectNoAxeViolations, signIn } from './support';

// Postings written in the workspace, then seen on the public job board, with JavaScript on and off.

test('a team member creates a posting, applicants see its questions, and closing it stops applications', async ({ page }, testInfo) => {
  const javascript = testInfo.project.name === 'javascript';
  const email = `paul.${testInfo.project.name}@team.example`;
  const password = createUser(email, 'team_member');
  const title = `Site Reliability Engineer ${testInfo.project.name}`;
  await signIn(page, '/postings/new', email, password, javascript);

  await expect(page.getByRole('heading', { level: 1, name: 'New posting' })).toBeVisible();
  if (javascript) await expectNoAxeViolations(page);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Description (shown on the job page)').fill('Keep our services up.');
  await page.getByLabel('Country of the job (optional)').fill('FR');
  await page.getByLabel('Application questions, one per line').fill('Why are you interested in this role?\nTell us about an outage you handled.');
  await page.getByRole('button', { name: 'Save posting' }).click();

  await expect(page).toHaveURL(/\/postings(\?|$)/);
  await expect(page.getByRole('status').first()).toContainText('The posting is saved.');
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('Published');
  if (javascript) await expectNoAxeViolations(page);

  // The public page asks both questions.
  const posting = page.getByRole('link', { name: `${title} (FR)` });
  const href = (await posting.getAttribute('href'))!;
  const jobPage = href.replace('/postings/', '/jobs/');
  await page.goto(jobPage);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByLabel('Tell us about an outage you handled.')).toBeVisible();
  await expect(page.getByText('Keep our services up.')).toBeVisible();

  // Closed, its page says so.
  await page.goto('/postings');
  if (javascript) await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
  await page.getByRole('button', { name: `Close “${title}”` }).click();
  await expect(page.getByRole('row').filter({ hasText: title })).toContainText('Closed');
  await page.goto(jobPage);
  await expect(page.getByRole('heading', { level: 1, name: 'This job is closed' })).toBeVisible();
});
