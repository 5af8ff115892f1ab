import { test, expect, type Locator, type Page } from '@playwright/test';
import { addCandidateAs, createUser, expectNoAxeViolations, linkFor, sql } from './support';

// The recruiter workspace: sign-in, the candidate list and sign-out, with JavaScript on and off,
// against the seeded demo organization.

/** A candidate of this test's own, so no other test's changes reach it, added by hand by the
 *  test's team member through the product (their sourced opportunity is theirs). */
async function addCandidate(name: string, email: string, adder: { email: string; password: string }) {
  await addCandidateAs(adder, name, email);
}

/** A candidate with no opportunity yet, for a state the product reaches only over time (an
 *  application archived years ago): the fixture writes the rows. */
function addBareCandidate(name: string, email: string) {
  sql(`WITH c AS (INSERT INTO candidates (name) VALUES ('${name}') RETURNING id)
       INSERT INTO candidate_emails (candidate_id, email, is_primary) SELECT id, '${email}', true FROM c`);
}

/** An open request of `kind` the candidate made three days ago, with corrected values and a note
 *  for a rectification. */
function addRequest(email: string, kind: string, corrections?: string, note?: string) {
  const quote = (v?: string) => (v === undefined ? 'NULL' : `'${v.replace(/'/g, "''")}'`);
  sql(`INSERT INTO data_requests (candidate_id, kind, details, corrections, received_at, due_at, idempotency_key)
       SELECT e.candidate_id, '${kind}', ${quote(note)}, ${quote(corrections)}::jsonb, now() - interval '3 days',
              now() + interval '27 days', 'e2e-${kind}-' || e.candidate_id
         FROM candidate_emails e WHERE e.email = '${email}'`);
}

/** Opens the disclosure (a `<details>`) whose summary reads `summary`, unless it is open already:
 *  with JavaScript the profile updates in place after an action, so an open one stays open. */
async function openPen(scope: Locator, summary: string) {
  const pen = scope.locator('details').filter({ has: scope.page().locator('summary', { hasText: summary }) });
  if ((await pen.getAttribute('open')) === null) await pen.locator('summary').click();
}

/** Signs in from the candidate list searched for `search` and opens the profile of `name`. */
async function openProfile(page: Page, email: string, password: string, search: string, name: string, javascript: boolean) {
  await page.goto(`/candidates?q=${encodeURIComponent(search)}`);
  await signIn(page, email, password, javascript);
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  if (javascript) await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
}

/** axe-core runs in the page, so only where JavaScript is on; the markup is the same either way. */
async function expectAccessible(page: Page, javascript: boolean) {
  if (javascript) await expectNoAxeViolations(page);
}

async function signIn(page: Page, email: string, password: string, javascript: boolean) {
  if (javascript) await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.describe('recruiter workspace', () => {
  test('signs in, searches the candidates and signs out', async ({ page }, testInfo) => {
    const javascript = testInfo.project.name === 'javascript';
    const email = `eve.${testInfo.project.name}@team.example`;
    const password = createUser(email, 'team_member');

    // The list asks for a session and brings you back after signing in.
    await page.goto('/candidates?q=schmidt');
    await expect(page).toHaveURL(/\/signin\?next=%2Fcandidates%3Fq%3Dschmidt$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(page.getByText('Please sign in to continue.')).toBeVisible();
    await expectAccessible(page, javascript);

    await signIn(page, email, 'not the password', javascript);
    await expect(page.getByRole('alert')).toContainText("That email and password don't match an account");
    await expect(page).toHaveURL(/\/signin/);

    await signIn(page, email, password, javascript);
    await expect(page).toHaveURL(/\/candidates\?q=schmidt$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Candidates' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Anna Schmidt' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Eve Tester');
    await expectAccessible(page, javascript);

    // A search that matches nobody says so; an empty one lists everyone, newest activity first.
    await page.getByLabel('Search by name or email').fill('no such person');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/q=no\+such\+person/);
    await expect(page.getByRole('status')).toContainText('No candidate matches this search');
    await page.getByLabel('Search by name or email').fill('');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/candidates\?q=$/);
    await expect(page.locator('table.candidates tbody tr').first()).toBeVisible();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/signin\?signed-out=1$/);
    await expect(page.getByRole('status')).toContainText('You are signed out.');
    await page.goto('/candidates');
    await expect(page).toHaveURL(/\/signin\?next=%2Fcandidates$/);
  });

  test('keeps what was typed in the search while the page was still loading its script', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'javascript', 'only a page that hydrates can lose typing to it');
    const email = 'eve.early-typing@team.example';
    const password = createUser(email, 'team_member');
    await page.goto('/candidates');
    await signIn(page, email, password, true);
    await expect(page).toHaveURL(/\/candidates$/);

    // Hold the bundle back, type while it is held, then let the page hydrate.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/pkg/recruiting.*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/candidates?q=schmidt');
    await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'false');
    await page.getByLabel('Search by name or email').fill('');
    release();
    await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true', { timeout: 20_000 });
    await expect(page.getByLabel('Search by name or email')).toHaveValue('');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/candidates\?q=$/);
  });

  test('opens a profile with its consent sidebar', async ({ page }, testInfo) => {
    const javascript = testInfo.project.name === 'javascript';
    const email = `ada.${testInfo.project.name}@team.example`;
    const password = createUser(email, 'admin');
    await page.goto('/signin');
    await signIn(page, email, password, javascript);
    await expect(page.getByRole('heading', { level: 1, name: 'Candidates' })).toBeVisible();
    await page.getByLabel('Search by name or email').fill('anna.schmidt');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/q=anna\.schmidt/);
    await expect(page.locator('table.candidates tbody tr')).toHaveCount(1);
    await page.getByRole('link', { name: 'Anna Schmidt' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Anna Schmidt' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Contact details' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Contact details' })).toContainText('anna.schmidt@example.com');
    const sidebar = page.getByRole('complementary');
    await expect(sidebar.getByRole('heading', { name: /Consent/ })).toBeVisible();
    await expect(sidebar).toContainText('Contact about future jobs');
    await expectAccessible(page, javascript);

    // On a tablet the profile is one column, with nothing wider than the screen.
    await page.setViewportSize({ width: 768, height: 1024 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const main = await page.locator('.profile-main').boundingBox();
    const side = await page.locator('.profile-side').boundingBox();
    expect(side!.y).toBeGreaterThan(main!.y + main!.height - 1);
    await page.setViewportSize({ width: 1280, height: 800 });

    // The bell leads to this member's notifications (a new account has none).
    await page.getByRole('link', { name: 'Notifications, none unread' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('No notifications yet');
    await expectAccessible(page, javascript);
  });

  test('records a contact decision received in writing, with a note', async ({ page }, testInfo) => {
    const javascript = testInfo.project.name === 'javascript';
    const email = `max.${testInfo.project.name}@team.example`;
    const password = createUser(email, 'admin');
    await page.goto('/candidates?q=emma.wilson');
    await signIn(page, email, password, javascript);
    await page.getByRole('link', { name: 'Emma Wilson' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Emma Wilson' })).toBeVisible();
    if (javascript) await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');

    // Each run flips the decision, so both projects can use the same candidate.
    const banner = page.getByText('Do not contact.', { exact: true });
    const stopping = (await banner.count()) === 0;
    const sidebar = page.getByRole('complementary');
    await sidebar.getByText(/Record a change received in writing \(contact about future jobs\)/).click();
    await sidebar.getByLabel(stopping ? 'Stop contacting them' : 'We may contact them again').check();

    await expect(sidebar.getByLabel("Note of the candidate's written word")).toHaveAttribute('required', '');
    await sidebar.getByLabel("Note of the candidate's written word").fill('Email of 20 November asking us to update their contact choice');
    await sidebar.getByRole('button', { name: 'Record decision' }).click();
    await expect(page.getByRole('status').first()).toContainText('The decision is recorded');
    if (stopping) await expect(banner).toBeVisible();
    else await expect(banner).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('in writing, recorded by the team (Eve Tester)');
    await expectAccessible(page, javascript);
  });

  test('contacts a candidate, after confirming the warnings', async ({ page }, testInfo) => {
    const javascript = testInfo.project.name === 'javascript';
    const email = `sam.${testInfo.project.name}@team.example`;
    const password = createUser(email, 'super_admin');
    await page.goto('/candidates?q=emma.wilson');
    await signIn(page, email, password, javascript);
    await page.getByRole('link', { name: 'Emma Wilson' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Emma Wilson' })).toBeVisible();
    if (javascript) await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');

    // Her erasure request is past its due date: a red banner says so in words.
    await expect(page.locator('.banner.request.overdue')).toContainText('Erasure request.');
    await expect(page.locator('.banner.request.overdue')).toContainText(/Overdue (by \d+ days?|since today)\./);

    // Start from a template: its subject and text fill the form, placeholders and all.
    const contact = page.getByRole('region', { name: 'Contact', exact: true });
    await contact.getByText('Email the candidate').click();
    await contact.getByLabel('Start from a template').selectOption({ label: 'Interview invitation' });
    await contact.getByRole('button', { name: 'Use template' }).click();
    await expect(contact.getByLabel('Subject')).toHaveValue("Let's talk — {{ organization }}");
    await expect(contact.getByLabel('Message')).toHaveValue(/\{\{ consent_link \}\}/);
    if (javascript) await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');

    // Emma asked for erasure: the form names the reason and won't go without the tick.
    const compose = contact.locator('#compose');
    await expect(compose.getByRole('note')).toContainText('They asked for their data to be erased');
    const confirm = compose.getByLabel('I have read this and still want to contact them.');
    await expect(confirm).toHaveAttribute('required', '');
    await expectAccessible(page, javascript);
    await confirm.check();
    await compose.getByRole('button', { name: 'Send email' }).click();
    await expect(page.getByRole('status').first()).toContainText('The email is on its way.');

    // A candidate without warnings: a later email and a nurture campaign.
    const other = javascript ? 'Nora Quist' : 'Olle Quist';
    const otherEmail = `${other.split(' ')[0].toLowerCase()}.quist@example.com`;
    await addCandidate(other, otherEmail, { email, password });
    await page.goto(`/candidates?q=${encodeURIComponent(otherEmail)}`);
    await page.getByRole('link', { name: other }).click();
    await expect(page.getByRole('heading', { level: 1, name: other })).toBeVisible();
    if (javascript) await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');

    await contact.getByText('Email the candidate').click();
    await expect(contact.locator('.contact-warning')).toHaveCount(0);
    await contact.getByLabel('Subject').fill('Coffee next week?');
    await contact.getByLabel('Message').fill('Hi {{ candidate_first_name }}, shall we meet?');
    await contact.getByLabel('Later, at the time below').check();
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
    await contact.getByLabel('Send at').fill(`${tomorrow}T09:30`);
    // The time zone starts at the organization's (Berlin in the demo); the browser then picks
    // its own.
    const zone = contact.getByLabel('Time zone');
    if (javascript) {
      const own = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
      await expect(zone).toHaveValue(['Etc/UTC', 'Etc/GMT', 'GMT'].includes(own) ? 'UTC' : own);
    } else {
      await expect(zone).toHaveValue('Europe/Berlin');
    }
    await contact.getByRole('button', { name: 'Send email' }).click();
    await expect(page.getByRole('status').first()).toContainText('The email is scheduled.');
    // The form starts afresh for the next email.
    await expect(contact.getByLabel('Subject')).toBeHidden();
    await contact.getByText('Email the candidate').click();
    await expect(contact.getByLabel('Subject')).toHaveValue('');
    await expect(contact.locator('ul.scheduled')).toContainText('“Coffee next week?”');

    await contact.getByText('Add to a nurture campaign').click();
    await contact.getByLabel('Campaign').selectOption({ label: 'Silver medalists (emails after 14 and 90 days)' });
    await contact.getByRole('button', { name: 'Enroll' }).click();
    await expect(page.getByRole('status').first()).toContainText('The candidate is enrolled.');
    await expect(contact.locator('ul.scheduled')).toContainText('Silver medalists: 2 emails left');
    await expectAccessible(page, javascript);
  });

  test('changes the GDPR country with the pen icon', async ({ page }, testInfo) => {
    const javascript = testInfo.project.name === 'javascript';
    const email = `gus.${testInfo.project.name}@team.example`;
    const password = createUser(email, 'admin');
    const name = javascript ? 'Pia Lund' : 'Per Lund';
    const candidateEmail = `${name.split(' ')[0].toLowerCase()}.lund@example.com`;
    await addCandidate(name, candidateEmail, { email, password });
    await openProfile(page, email, password, candidateEmail, name, javascript);

    const sidebar = page.getByRole('complementary').locator('.consent-panel');
    await expect(sidebar).toContainText('GDPR country: unknown');
    await sidebar.getByText('Change the GDPR country').click();
    // Every country is offered by name, the ones GDPR covers marked EU.
    const picker = sidebar.getByLabel('GDPR country');
    await expect(picker.locator('option', { hasText: 'Sweden (SE) — EU' })).toHaveCount(1);
    await expect(picker.locator('option', { hasText: 'Japan (JP)' })).toHaveCount(1);
    await picker.selectOption('SE');
    await sidebar.getByRole('button', { name: 'Save country' }).click();
    await expect(page.getByRole('status').first()).toContainText('The GDPR country is saved.');
    await expect(sidebar).toContainText('GDPR country: SE (EU)');

    // Chosen outside the EEA, the candidate leaves GDPR's scope (EU and unknown here).
    await sidebar.getByText('Change the GDPR country').click();
    await sidebar.getByLabel('GDPR country').selectOption('JP');
    await sidebar.getByRole('button', { name: 'Save country' }).click();
    await expect(page.getByRole('status').first()).toContainText('The GDPR country is saved.');
    await expect(sidebar).toContainText('GDPR country: JP');
    await expect(sidebar).not.toContainText('JP (EU)');
  });

  test("is told in the app when a candidate of theirs asks, and marks it read", async ({ page }, testInfo) => {
    const javascript = testInfo.project.name === 'javascript';
    const email = `owen.${testInfo.project.name}@team.example`;
    const password = createUser(email, 'team_member');
    const name = javascript ? 'Ida Berg' : 'Ivo Berg';
    const candidateEmail = `${name.split(' ')[0].toLowerCase()}.berg@example.com`;
    await addCandidate(name, candidateEmail, { email, password });

    // The candidate asks for a copy of their data on their own page.
    await page.goto(linkFor(candidateEmail));
    if (javascript) await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true', { timeout: 20_000 });
    await page.getByRole('button', { name: 'Send me a copy of my data' }).click();
    await expect(page.getByRole('status')).toContainText('We received your request');

    // Their opportunity's owner sees it behind the bell.
    await page.goto('/signin');
    await signIn(page, email, password, javascript);
    await page.getByRole('link', { name: 'Notifications, 1 unread' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    const item = page.locator('ul.notifications li', { hasText: `${name} asked for a copy of their data` });
    await expect(item).toBeVisible();
    await expectAccessible(page, javascript);
    await item.getByRole('button', { name: 'Mark as read' }).click();
    await expect(page.getByRole('link', { name: 'Notifications, none unread' })).toBeVisible();
    await expect(item.getByRole('button', { name: 'Mark as read' })).toHaveCount(0);
    await item.getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    if (javascript) await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');

    // The request's banner: extended once, with the reason the candidate is sent.
    const banner = page.locator('.banner.request', { hasText: 'Copy of data request.' });
    await expect(banner).toContainText('days left.');
    await banner.getByText('Extend', { exact: true }).click();
    await banner.getByLabel('Extend by').selectOption({ label: 'Two more months' });
    await banner.getByLabel('Why more time is needed (the candidate is sent it)').fill('Your data is spread over many archived files.');
    await banner.getByRole('button', { name: 'Extend and tell the candidate' }).click();
    await expect(page.getByRole('status').first()).toContainText('The request is extended');
    await expect(banner).toContainText('extended to');
    await expect(banner.getByText('Extend', { exact: true })).toHaveCount(0);
    await expectAccessible(page, javascript);
  });

  test('anonymizes a candidate who asked for erasure, once their legal hold is lifted', async ({ page }, testInfo) => {
    const javascript = testInfo.project.name === 'javascript';
    const email = `hana.${testInfo.project.name}@team.example`;
    const password = createUser(email, 'admin');
    const name = javascript ? 'Liv Sand' : 'Lars Sand';
    const candidateEmail = `${name.split(' ')[0].toLowerCase()}.sand@example.com`;
    await addCandidate(name, candidateEmail, { email, password });
    addRequest(candidateEmail, 'erasure');
    const link = linkFor(candidateEmail);

    await openProfile(page, email, password, candidateEmail, name, javascript);

    // A legal hold, placed from the sidebar, blocks anonymizing and the dialog says so.
    const holdCard = page.locator('.hold-card');
    await holdCard.getByText('Place a legal hold').click();
    await holdCard.getByLabel('Reason (seen by the team only)').fill('Employment tribunal claim, case 42');
    await holdCard.getByRole('button', { name: 'Place hold' }).click();
    await expect(page.getByRole('status').first()).toContainText('The legal hold is placed.');
    await expect(holdCard).toContainText('Employment tribunal claim, case 42');
    const action = page.locator('#anonymize-banner');
    await action.getByText('Anonymize…').click();
    await expect(action).toContainText('Email addresses (1)');
    await expect(action).toContainText('Stages, dates, source, postings, ratings and events');
    await expect(action.getByRole('alert')).toContainText('is on legal hold');
    await expect(action.getByRole('button', { name: 'Anonymize candidate' })).toHaveCount(0);
    await expectAccessible(page, javascript);

    await holdCard.getByRole('button', { name: 'Lift the hold' }).click();
    await expect(page.getByRole('status').first()).toContainText('The legal hold is lifted.');

    // The confirm dialog lists what goes and what stays; the box must be ticked.
    await openPen(action, 'Anonymize…');
    await expect(action.getByRole('heading', { name: 'Will be removed' })).toBeVisible();
    await expect(action.getByRole('heading', { name: 'Will be kept' })).toBeVisible();
    await expectAccessible(page, javascript);
    await action.getByLabel("I understand that anonymizing can't be undone").check();
    await action.getByRole('button', { name: 'Anonymize candidate' }).click();
    await expect(page.getByRole('status').first()).toContainText('The candidate is anonymized.');
    await expect(page.getByRole('heading', { level: 1, name: 'Anonymized candidate' })).toBeVisible();
    await expect(page.locator('main')).not.toContainText(candidateEmail);
    await expect(page.locator('.banner.request')).toHaveCount(0);
    await expectAccessible(page, javascript);

    // Their link now only says their data was deleted.
    await page.goto(link);
    await expect(page.locator('main')).toContainText('This link is no longer active.');
  });

  test('sends a candidate the copy of their data they asked for, then resolves the request', async ({ page }, testInfo) => {
    const javascript = testInfo.project.name === 'javascript';
    const email = `ines.${testInfo.project.name}@team.example`;
    const password = createUser(email, 'team_member');
    const name = javascript ? 'Mia Holm' : 'Max Holm';
    const candidateEmail = `${name.split(' ')[0].toLowerCase()}.holm@example.com`;
    await addCandidate(name, candidateEmail, { email, password });
    addRequest(candidateEmail, 'access');

    await openProfile(page, email, password, candidateEmail, name, javascript);
    const banner = page.locator('.banner.request', { hasText: 'Copy of data request.' });
    await banner.getByText('Send personal data').click();
    await expect(banner.getByLabel('Message')).toHaveValue(new RegExp(`Email addresses: ${candidateEmail}`));
    await expect(banner.getByLabel('Contact details')).toBeChecked();
    await expectAccessible(page, javascript);
    await banner.getByRole('button', { name: 'Send to the candidate' }).click();
    await expect(page.getByRole('status').first()).toContainText('The copy of their data is on its way');
    await expect(banner).toContainText('A copy of their data was sent on');

    await banner.getByRole('button', { name: 'Mark as resolved' }).click();
    await expect(page.getByRole('status').first()).toContainText('The request is marked resolved.');
    await expect(page.locator('.banner.request')).toHaveCount(0);
  });

  test('applies the correction a candidate asked for, field by field', async ({ page }, testInfo) => {
    const javascript = testInfo.project.name === 'javascript';
    const email = `jon.${testInfo.project.name}@team.example`;
    const password = createUser(email, 'team_member');
    const name = javascript ? 'Ola Dahl' : 'Ole Dahl';
    const corrected = `${name} Berg`;
    const candidateEmail = `${name.split(' ')[0].toLowerCase()}.dahl@example.com`;
    await addCandidate(name, candidateEmail, { email, password });
    addRequest(candidateEmail, 'rectification', `{"name": "${corrected}"}`, 'I took my partner’s surname.');

    await openProfile(page, email, password, candidateEmail, name, javascript);
    const banner = page.locator('.banner.request', { hasText: 'Correction request.' });
    await banner.getByText('View note').click();
    await expect(banner.locator('blockquote')).toContainText('I took my partner’s surname.');
    const row = banner.getByRole('row', { name: /Name/ });
    await expect(row).toContainText(name);
    await expect(row).toContainText(corrected);
    await expectAccessible(page, javascript);
    await row.getByRole('button', { name: 'Apply the corrected name' }).click();
    await expect(page.getByRole('status').first()).toContainText('The correction is applied');
    await expect(page.getByRole('heading', { level: 1, name: corrected })).toBeVisible();

    await openPen(banner, 'View note');
    await expect(banner.getByRole('row', { name: /Name/ })).toContainText('Applied');
    await expect(banner.getByRole('heading', { name: 'Suggested email to the candidate' })).toBeVisible();
    await banner.getByRole('button', { name: 'Mark as resolved' }).click();
    await expect(page.getByRole('status').first()).toContainText('The request is marked resolved.');
    await expect(page.locator('.banner.request')).toHaveCount(0);
  });

  test('shows a candidate past retention as marked for deletion, kept by a legal hold', async ({ page }, testInfo) => {
    const javascript = testInfo.project.name === 'javascript';
    const email = `lou.${testInfo.project.name}@team.example`;
    const password = createUser(email, 'team_member');
    const name = javascript ? 'Rut Lind' : 'Rolf Lind';
    const candidateEmail = `${name.split(' ')[0].toLowerCase()}.lind@example.com`;
    addBareCandidate(name, candidateEmail);
    // Archived on their only application 800 days ago (the demo keeps data 730 days), and held.
    sql(`WITH c AS (SELECT candidate_id AS id FROM candidate_emails WHERE email = '${candidateEmail}'),
              o AS (INSERT INTO opportunities (candidate_id, stage, origin, created_at, archived_at)
                    SELECT id, 'rejected', 'applied', now() - interval '900 days', now() - interval '800 days' FROM c)
         INSERT INTO legal_holds (candidate_id, reason, placed_by)
         SELECT c.id, 'Employment tribunal claim, case 7', u.id FROM c, users u WHERE u.email = '${email}'`);

    await openProfile(page, email, password, candidateEmail, name, javascript);
    const deletion = page.locator('#deletion-banner');
    await expect(deletion).toContainText('Marked for deletion.');
    await expect(deletion).toContainText('the retention period has passed since their last application was archived');
    await expect(deletion).toContainText('A legal hold keeps their data until an Admin lifts it.');
    const hold = page.locator('.hold-card');
    await expect(hold).toContainText('Employment tribunal claim, case 7');
    // A Team Member sees the hold but can't lift it.
    await expect(hold.getByRole('button', { name: 'Lift the hold' })).toHaveCount(0);
    await expectAccessible(page, javascript);
  });

  test('moves a candidate through the stages, archives, hires and writes a note', async ({ page }, testInfo) => {
    const javascript = testInfo.project.name === 'javascript';
    const email = `lena.${testInfo.project.name}@team.example`;
    const password = createUser(email, 'team_member');
    const name = `Pia Lifecycle ${testInfo.project.name}`;
    await addCandidate(name, `pia.${testInfo.project.name}@example.com`, { email, password });
    await openProfile(page, email, password, `pia.${testInfo.project.name}`, name, javascript);
    const card = page.locator('article.opportunity');
    const timeline = page.getByRole('region', { name: 'Timeline' });

    await card.getByLabel('Move to stage').selectOption({ label: 'Interview' });
    await card.getByRole('button', { name: 'Move' }).click();
    await expect(page.getByRole('status').first()).toContainText('moved to its new stage');
    await expect(card).toContainText('Interview ·');
    await expect(timeline).toContainText('Moved to Interview · by Eve Tester');

    // Archiving asks for the reason first (the browser's own check, then ours without it).
    await card.getByLabel('Archive because the candidate').selectOption({ label: 'withdrew' });
    await card.getByRole('button', { name: 'Archive', exact: true }).click();
    await expect(card).toContainText('(withdrew)');
    await expect(card.getByRole('button', { name: 'Move' })).toHaveCount(0);
    await card.getByRole('button', { name: 'Unarchive' }).click();
    await expect(card.getByRole('button', { name: 'Mark hired' })).toBeVisible();
    await card.getByRole('button', { name: 'Mark hired' }).click();
    await expect(card).toContainText('Hired');
    await expect(timeline).toContainText('Hired · by Eve Tester');

    await openPen(card, 'Add interview feedback');
    await card.getByLabel('Rating').selectOption({ label: 'Strong yes' });
    await card.getByLabel('Feedback').fill('Clear thinker, kind to the panel');
    await card.getByRole('button', { name: 'Save feedback' }).click();
    await expect(card).toContainText('Clear thinker, kind to the panel');

    const notes = page.getByRole('region', { name: 'Notes' });
    await openPen(notes, 'Add a note');
    await notes.getByLabel(/^Note/).fill('Prefers a start in March');
    await notes.getByRole('button', { name: 'Save note' }).click();
    await expect(notes).toContainText('Prefers a start in March');
    await expectAccessible(page, javascript);

    await page.setViewportSize({ width: 375, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('the navigation holds on one line from 1024 px, and its bell is drawn', async ({ page }, testInfo) => {
    const javascript = testInfo.project.name === 'javascript';
    const email = `nav.${testInfo.project.name}@team.example`;
    const password = createUser(email, 'super_admin');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto('/candidates');
    await signIn(page, email, password, javascript);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const links = nav.getByRole('link');
    await expect(links).toHaveText(['Candidates', 'Postings', 'Users', 'Dashboard', 'Sweeps', 'Settings']);
    // Each short name is read out as the page's full title.
    for (const name of ['Compliance dashboard', 'Retention sweeps', 'Compliance settings']) {
      await expect(nav.getByRole('link', { name })).toBeVisible();
    }
    const tops = await links.evaluateAll((all) => all.map((a) => Math.round(a.getBoundingClientRect().top)));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(4);
    const header = await page.locator('header.workspace-header').boundingBox();
    const brand = await page.locator('header.workspace-header .brand').boundingBox();
    const who = await page.locator('header.workspace-header .who').boundingBox();
    expect(Math.abs(who!.y - brand!.y)).toBeLessThan(brand!.height);
    expect(header!.height).toBeLessThan(120);
    await expect(page.locator('.bell svg')).toBeVisible();
    expect(await page.locator('.bell').textContent()).not.toContain('🔔');

    // On a tablet it may wrap, but nothing is wider than the screen.
    await page.setViewportSize({ width: 768, height: 1024 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('the sign-in form works from the keyboard alone', async ({ page }, testInfo) => {
    const javascript = testInfo.project.name === 'javascript';
    const email = `kim.${testInfo.project.name}@team.example`;
    const password = createUser(email, 'limited_team_member');
    await page.goto('/signin');
    if (javascript) await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
    await page.getByLabel('Email').focus();
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/candidates$/);
    // A Limited Team Member owns no opportunities yet, so sees no one.
    await expect(page.getByRole('status')).toContainText('None of your opportunities has a candidate yet');
  });
});

test.describe('profile consent variants', () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== 'javascript', 'the sidebar markup is the same without JavaScript; axe runs in the page');
  });

  const seeded = "compliance_mode = 'gdpr', gdpr_scope = 'eu_and_unknown', processing_basis = 'legitimate_interest_or_contract', retention_basis = 'explicit_consent'";
  // (variant, settings, candidate, what the sidebar says)
  const variants: [string, string, string, (string | RegExp)[]][] = [
    ['GDPR with both consents', "compliance_mode = 'gdpr', processing_basis = 'explicit_consent', retention_basis = 'explicit_consent'", 'Anna Schmidt',
      ['Protected by GDPR', 'Considering you for jobs', 'Keeping your data for future jobs', 'Contact about future jobs']],
    ['GDPR on legitimate interest', "compliance_mode = 'gdpr', processing_basis = 'legitimate_interest_or_contract', retention_basis = 'legitimate_interest_or_contract'", 'Anna Schmidt',
      ['Protected by GDPR', 'Contact about future jobs']],
    ['outside the GDPR scope', "compliance_mode = 'gdpr', gdpr_scope = 'eu_only'", 'Michael Brown', ['Not protected by GDPR']],
    ['localized', "compliance_mode = 'localized'", 'Anna Schmidt', ['Local data-protection policy', /Country policy: DE · data kept for/]],
    ['compliance off', "compliance_mode = 'off'", 'Anna Schmidt', ['Compliance handling is off.']],
  ];
  for (const [name, settings, candidate, expected] of variants) {
    test(`the profile shows the ${name} variant`, async ({ page }) => {
      const email = `variant.${name.replace(/\W+/g, '-')}@team.example`;
      const password = createUser(email, 'team_member');
      sql(`INSERT INTO country_policies (country, retention_days) VALUES ('DE', 365) ON CONFLICT DO NOTHING; UPDATE settings SET ${settings}`);
      try {
        await openProfile(page, email, password, candidate, candidate, true);
        const sidebar = page.getByRole('complementary').locator('.consent-panel');
        for (const text of expected) await expect(sidebar).toContainText(text);
        if (name === 'GDPR on legitimate interest') await expect(sidebar).not.toContainText('Considering you for jobs');
        await expectNoAxeViolations(page);
      } finally {
        sql(`UPDATE settings SET ${seeded}`);
      }
    });
  }
});
