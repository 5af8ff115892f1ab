import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, linkFor, sql } from './support';

// The candidate's data-preferences page, with JavaScript on and off, against the seeded demo
// organization (scripts/test.sh seeds it and exports the server's environment to us).

/** Each project uses its own candidates, so one-way actions (erasure) can run in both. */
function pick(javascript: boolean, whenOn: string, whenOff: string): string {
  return javascript ? whenOn : whenOff;
}

async function open(page: Page, pathname: string, javascript: boolean) {
  const response = await page.goto(pathname);
  // The debug WASM is ~9 MB: on a busy 2-core machine it can take more than the default 10 s.
  if (javascript) await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true', { timeout: 20_000 });
  return response;
}


test.describe('candidate preferences', () => {
  let javascript = true;
  test.beforeEach(({}, testInfo) => {
    javascript = testInfo.project.name === 'javascript';
  });

  test('gives and revokes retention consent', async ({ page }) => {
    await open(page, linkFor('anna.schmidt@example.com'), javascript);
    await expect(page.getByRole('heading', { level: 1, name: 'Your data preferences' })).toBeVisible();
    const consent = page.locator('.consent-item', { hasText: 'Keeping your data for future jobs' });

    const give = consent.getByRole('button', { name: /Give consent/ });
    if (await give.isVisible()) {
      await give.click();
      await expect(page.getByRole('status')).toContainText('you gave your consent to keeping your data');
    }
    await expect(consent).toContainText('Consent given');

    await consent.getByRole('button', { name: /Revoke consent/ }).click();
    await expect(page.getByRole('status')).toContainText('You revoked your consent');
    await expect(consent).toContainText('Consent not provided or revoked');
    await expect(consent.getByRole('button', { name: /Give consent/ })).toBeVisible();
  });

  test('stops contact on the page and allows it again', async ({ page }) => {
    await open(page, linkFor('jan.kowalski@example.com'), javascript);
    const allowAgain = page.getByRole('button', { name: 'You may contact me again' });
    if (await allowAgain.isVisible()) await allowAgain.click();
    await page.getByRole('button', { name: 'Stop contacting me about future jobs' }).click();
    await expect(page.getByRole('status')).toContainText("You won't be contacted about future jobs");
    await expect(page.getByText('You asked not to be contacted about future jobs.')).toBeVisible();
    await page.getByRole('button', { name: 'You may contact me again' }).click();
    await expect(page.getByRole('status')).toContainText('You may be contacted about future jobs again');
  });

  test('unsubscribes with the page button and with an RFC 8058 one-click post', async ({ page, request }) => {
    const email = pick(javascript, 'lucas.martin@example.com', 'claire.dubois@example.com');
    const preferences = linkFor(email);
    const unsubscribe = preferences.replace('/preferences/', '/unsubscribe/');

    // Make sure contact is allowed first (a previous run may have stopped it).
    await open(page, preferences, javascript);
    const allowAgain = page.getByRole('button', { name: 'You may contact me again' });
    if (await allowAgain.isVisible()) {
      await allowAgain.click();
      await expect(page.getByRole('button', { name: 'Stop contacting me about future jobs' })).toBeVisible();
    }

    await open(page, unsubscribe, javascript);
    await expect(page.getByRole('heading', { name: 'Stop emails about future jobs' })).toBeVisible();
    await page.getByRole('button', { name: 'Stop contacting me' }).click();
    await expect(page.getByRole('status')).toHaveText("Done: you won't be contacted about future jobs.");

    await open(page, preferences, javascript);
    await page.getByRole('button', { name: 'You may contact me again' }).click();
    await expect(page.getByRole('button', { name: 'Stop contacting me about future jobs' })).toBeVisible();

    const oneClick = await request.post(unsubscribe, { form: { 'List-Unsubscribe': 'One-Click' }, maxRedirects: 0 });
    expect(oneClick.status()).toBe(200);
    await open(page, preferences, javascript);
    await expect(page.getByText('You asked not to be contacted about future jobs.')).toBeVisible();
  });

  test('asks for a copy of the data, sees it listed, and a repeat makes no second request', async ({ page }) => {
    const link = linkFor(pick(javascript, 'jan.kowalski@example.com', 'emma.wilson@example.com'));
    await open(page, link, javascript);
    const rows = page.locator('table.requests tbody tr', { hasText: 'Copy of my data' });
    const before = await rows.count();
    await page.getByRole('button', { name: 'Send me a copy of my data' }).click();
    await expect(page.getByRole('status')).toContainText('We received your request for a copy of your personal data.');
    await expect(page.getByRole('status')).toContainText('will answer by');
    await expect(rows).toHaveCount(before + 1);
    await expect(rows.first()).toContainText('In progress');

    // Asking again from a fresh page view points at the open request instead.
    await open(page, link, javascript);
    await page.getByRole('button', { name: 'Send me a copy of my data' }).click();
    await expect(page.getByRole('status')).toContainText('You already asked for a copy of your personal data');
    await expect(page.getByRole('status')).toContainText('will answer by');
    await expect(rows).toHaveCount(before + 1);

    // Changed their mind: withdrawn from the same list, and nothing is left to withdraw.
    const withdraw = page.getByRole('button', { name: 'Withdraw your request for a copy of your personal data' });
    await expect(withdraw).toHaveCount(1);
    await withdraw.click();
    await expect(page.getByRole('status')).toContainText('You withdrew your request for a copy of your personal data');
    await expect(rows.first()).toContainText('Withdrawn');
    await expect(withdraw).toHaveCount(0);
  });

  test('asks for a correction; a bad value is explained and nothing is lost', async ({ page }) => {
    await open(page, linkFor(pick(javascript, 'jan.kowalski@example.com', 'emma.wilson@example.com')), javascript);
    const rows = page.locator('table.requests tbody tr', { hasText: 'Correction' });
    const before = await rows.count();
    const form = page.locator('#rectification');
    await form.getByLabel('What should be corrected?').fill('My family name is spelled Kowalsky.');
    await form.getByLabel('Correct name').fill('Jan Kowalsky');
    await form.getByLabel('Correct links (one per line)').fill('ftp://not-a-web-address');
    await form.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('alert')).toContainText('full web address starting with https://');
    await expect(rows).toHaveCount(before);

    if (javascript) {
      // The page kept what was typed.
      await expect(form.getByLabel('What should be corrected?')).toHaveValue('My family name is spelled Kowalsky.');
    } else {
      await form.getByLabel('What should be corrected?').fill('My family name is spelled Kowalsky.');
      await form.getByLabel('Correct name').fill('Jan Kowalsky');
    }
    await form.getByLabel('Correct links (one per line)').fill('https://example.org/jan');
    await form.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('status')).toContainText('We received your request to correct your personal data.');
    await expect(rows).toHaveCount(before + 1);
  });

  test('asks for removal through a confirmation step', async ({ page }) => {
    await open(page, linkFor(pick(javascript, 'sofia.rossi@example.com', 'michael.brown@example.com')), javascript);
    const erasure = page.locator('#erasure');
    await expect(erasure).toContainText('Any application you have in progress will end');
    await erasure.getByRole('link', { name: 'Continue to removal' }).click();
    await expect(erasure).toContainText('Are you sure?');
    await erasure.getByRole('button', { name: 'Yes, remove my personal data' }).click();
    await expect(page.getByRole('status')).toContainText('We received your request to remove your personal data.');
    await expect(page.locator('table.requests')).toContainText('Removal');
    await expect(page.getByText('You asked not to be contacted about future jobs.')).toBeVisible();
    await expect(erasure.getByRole('button')).toHaveCount(0);
  });

  test('an anonymized candidate sees only the deletion notice', async ({ page }) => {
    const email = pick(javascript, 'tom.baker@example.com', 'lena.fischer@example.com');
    const link = linkFor(email);
    sql(`UPDATE candidates SET name = '', anonymized_at = now(), anonymization_mode = 'gdpr'
          WHERE id IN (SELECT candidate_id FROM candidate_emails WHERE email = '${email}')`);
    const response = await open(page, link, javascript);
    expect(response?.status()).toBe(410);
    await expect(page.locator('main')).toContainText('This link is no longer active. Northwind Talent has deleted your personal data.');
    await expect(page.locator('form')).toHaveCount(0);
    if (javascript) await expectNoAxeViolations(page);
  });

  test('a bad link explains itself and offers a fresh link', async ({ page }) => {
    const response = await open(page, '/preferences/not-a-real-link', javascript);
    expect(response?.status()).toBe(400);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("This link isn't valid");
    if (javascript) await expectNoAxeViolations(page);
    await page.getByLabel('Your email address').fill('someone-unknown@example.com');
    await page.getByRole('button', { name: 'Email me a fresh link' }).click();
    await expect(page.getByRole('status')).toContainText('If this address is known to us, a new link is on its way.');
  });
});

test.describe('accessibility and layout', () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== 'javascript', 'axe-core and layout checks run inside the page');
  });

  const variants: [string, string][] = [
    ['retention consent (combination 2)', "compliance_mode = 'gdpr', processing_basis = 'legitimate_interest_or_contract', retention_basis = 'explicit_consent'"],
    ['both consents (combination 4)', "compliance_mode = 'gdpr', processing_basis = 'explicit_consent', retention_basis = 'explicit_consent'"],
    ['legitimate interest (combination 1)', "compliance_mode = 'gdpr', processing_basis = 'legitimate_interest_or_contract', retention_basis = 'legitimate_interest_or_contract'"],
    ['localized', "compliance_mode = 'localized'"],
  ];
  for (const [name, settings] of variants) {
    test(`the ${name} variant has no axe violations and fits a phone`, async ({ page }) => {
      sql(`INSERT INTO country_policies (country, retention_days) VALUES ('DE', 365) ON CONFLICT DO NOTHING`);
      sql(`UPDATE settings SET ${settings}`);
      try {
        await page.setViewportSize({ width: 375, height: 800 });
        const link = linkFor('anna.schmidt@example.com');
        await open(page, link, true);
        if (name.startsWith('localized')) {
          await expect(page.locator('.policy')).toContainText('The data-protection policy for DE applies to you');
        }
        if (name.startsWith('both')) {
          await expect(page.locator('.consent-item')).toHaveCount(2);
        }
        if (name.startsWith('legitimate')) {
          await expect(page.locator('.consent-item')).toHaveCount(0);
          await expect(page.locator('main')).toContainText('legitimate interest');
        }
        await expectNoAxeViolations(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);

        await page.goto(`${link}?step=confirm-erasure`);
        await expectNoAxeViolations(page);
        await page.goto(link.replace('/preferences/', '/unsubscribe/'));
        await expectNoAxeViolations(page);
      } finally {
        sql(`UPDATE settings SET compliance_mode = 'gdpr', processing_basis = 'legitimate_interest_or_contract', retention_basis = 'explicit_consent'`);
      }
    });
  }

  test('the page works from the keyboard alone', async ({ page }) => {
    await open(page, linkFor('anna.schmidt@example.com'), true);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    const consent = page.locator('.consent-item', { hasText: 'Keeping your data for future jobs' });
    const button = consent.getByRole('button');
    // Tab to the consent button, then press Enter.
    for (let i = 0; i < 20 && !(await button.evaluate((b) => b === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(button).toBeFocused();
    const before = await consent.locator('.badge').textContent();
    await page.keyboard.press('Enter');
    await expect(consent.locator('.badge')).not.toHaveText(before ?? '');
    const outline = await page.evaluate(() => {
      const el = document.querySelector('.consent-item button') as HTMLElement;
      el.focus();
      return getComputedStyle(el).outlineStyle;
    });
    expect(outline).not.toBe('none');
  });
});
