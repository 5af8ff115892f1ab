import { test, expect } from '@playwright/test';
import { createUser, expectNoAxeViolations, signIn, sqlRows } from './support';

// The Users pages, with JavaScript on and off: a Super Admin invites a colleague, who chooses a
// password from the emailed link and lands signed in; the admin then disables the account.

test('a colleague is invited, chooses a password from the email, and is disabled again', async ({ page, browser }, testInfo) => {
  const javascript = testInfo.project.name === 'javascript';
  const admin = `una.${testInfo.project.name}@team.example`;
  const password = createUser(admin, 'super_admin');
  const colleague = `sam.lee.${testInfo.project.name}@team.example`;
  await signIn(page, '/users', admin, password, javascript);

  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  if (javascript) await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Invite a colleague' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invite a colleague' })).toBeVisible();
  if (javascript) {
    await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
    await expectNoAxeViolations(page);
  }
  await page.getByLabel('Name').fill('Sam Lee');
  await page.getByLabel('Email address').fill(colleague);
  await page.getByLabel('Limited Team Member').check();
  await page.getByLabel('Manage candidate profiles').check();
  await page.getByRole('button', { name: 'Send the invitation' }).click();

  await expect(page).toHaveURL(/\/users(\?|$)/);
  await expect(page.getByRole('status').first()).toContainText('Invitation sent');
  const row = page.getByRole('row').filter({ hasText: colleague });
  await expect(row).toContainText('Limited Team Member');
  await expect(row).toContainText('Invited');
  await expect(row).toContainText('Manage candidate profiles');

  // The colleague, in their own browser, follows the link from the email.
  const [link] = sqlRows(
    `SELECT substring(body_text from '/set-password/[A-Za-z0-9_-]+') FROM email_outbox WHERE recipient = '${colleague}' AND kind = 'team_invitation'`,
  );
  expect(link).toMatch(/^\/set-password\/[A-Za-z0-9_-]{43}$/);
  const context = await browser.newContext({ javaScriptEnabled: javascript });
  const theirs = await context.newPage();
  await theirs.setViewportSize({ width: 375, height: 800 });
  await theirs.goto(link);
  await expect(theirs.getByRole('heading', { level: 1, name: 'Choose your password' })).toBeVisible();
  await expect(theirs.getByText('Welcome, Sam Lee.')).toBeVisible();
  if (javascript) {
    await expect(theirs.locator('main')).toHaveAttribute('data-hydrated', 'true');
    await expectNoAxeViolations(theirs);
  }
  const overflow = await theirs.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await theirs.getByLabel('New password', { exact: true }).fill('too short');
  await theirs.getByLabel('New password, again').fill('too short');
  await theirs.getByRole('button', { name: 'Save password and sign in' }).click();
  await expect(theirs.getByRole('alert')).toContainText('at least 12 characters');
  await theirs.getByLabel('New password', { exact: true }).fill('plum tree in april');
  await theirs.getByLabel('New password, again').fill('plum tree in april');
  await theirs.getByRole('button', { name: 'Save password and sign in' }).click();
  await expect(theirs).toHaveURL(/\/candidates$/);
  await expect(theirs.getByRole('link', { name: /Your account/ })).toContainText('Sam Lee');
  await theirs.goto(link);
  await expect(theirs.getByText('expired or was already used')).toBeVisible();

  // The admin disables the account: the colleague's next page asks them to sign in.
  await page.reload();
  await row.getByRole('link', { name: 'Sam Lee' }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Sam Lee's access" })).toBeVisible();
  if (javascript) {
    await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
    await expectNoAxeViolations(page);
  }
  await page.getByRole('button', { name: 'Disable account' }).click();
  await expect(page.getByRole('status').first()).toContainText('signed out everywhere');
  await expect(page.getByRole('button', { name: 'Enable account' })).toBeVisible();
  await theirs.goto('/candidates');
  await expect(theirs).toHaveURL(/\/signin/);
  await context.close();
});

test('a team member changes their own password on their account page', async ({ page }, testInfo) => {
  const javascript = testInfo.project.name === 'javascript';
  const email = `kit.${testInfo.project.name}@team.example`;
  const password = createUser(email, 'team_member');
  await signIn(page, '/candidates', email, password, javascript);
  await page.getByRole('link', { name: /Your account/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  if (javascript) {
    await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
    await expectNoAxeViolations(page);
  }
  await page.getByLabel('Current password').fill('not it at all');
  await page.getByLabel('New password', { exact: true }).fill('plum tree in april');
  await page.getByLabel('New password, again').fill('plum tree in april');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('alert')).toContainText('not your current password');

  await page.getByLabel('Current password').fill(password);
  await page.getByLabel('New password', { exact: true }).fill('plum tree in april');
  await page.getByLabel('New password, again').fill('plum tree in april');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status').first()).toContainText('Password changed');
});

test('"forgot your password?" answers the same for any address, and fits a phone', async ({ page }, testInfo) => {
  const javascript = testInfo.project.name === 'javascript';
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/signin');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible();
  if (javascript) {
    await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
    await expectNoAxeViolations(page);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByLabel('Email').fill(`nobody.${testInfo.project.name}@team.example`);
  await page.getByRole('button', { name: 'Email me a link' }).click();
  await expect(page.getByRole('status')).toContainText('If an active account has this address');
});
