import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, sql, sqlRows } from './support';

// Applying to a public job posting, in each lawful-basis combination (SPEC §5), with JavaScript
// on and off: the form shows exactly the checkboxes the combination needs, and what was ticked is
// filed with the application. The combination is set directly in the database (the settings
// page has its own tests) and put back to the demo's afterwards.

const LEGITIMATE = 'legitimate_interest_or_contract';
const CONSENT = 'explicit_consent';
const combinations = [
  { n: 1, processing: LEGITIMATE, retention: LEGITIMATE },
  { n: 2, processing: LEGITIMATE, retention: CONSENT },
  { n: 3, processing: CONSENT, retention: LEGITIMATE },
  { n: 4, processing: CONSENT, retention: CONSENT },
];

test.describe('applying to a job', () => {
  test.afterAll(() => {
    sql(`UPDATE settings SET processing_basis = '${LEGITIMATE}', retention_basis = '${CONSENT}'`);
  });

  for (const c of combinations) {
    test(`combination ${c.n}: the form asks exactly its consents and files the application`, async ({ page }, testInfo) => {
      const javascript = testInfo.project.name === 'javascript';
      sql(`UPDATE settings SET processing_basis = '${c.processing}', retention_basis = '${c.retention}'`);
      const asksProcessing = c.processing === CONSENT;
      const asksRetention = c.retention === CONSENT;

      await page.goto('/jobs');
      await page.getByRole('link', { name: 'Backend Engineer (Rust)' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Backend Engineer (Rust)' })).toBeVisible();
      if (javascript) await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');

      const processing = page.getByLabel(/processes my data to consider me for this job/);
      const retention = page.getByLabel(/Keep my data for 1 year after this application ends/);
      await expect(processing).toHaveCount(asksProcessing ? 1 : 0);
      await expect(retention).toHaveCount(asksRetention ? 1 : 0);
      const yourData = page.getByRole('group', { name: 'Your data' });
      if (!asksRetention) await expect(yourData).toContainText('keeps your data for 1 year after your application ends');
      if (!asksProcessing) await expect(yourData).toContainText('uses what you send here to consider you');
      if (javascript) await expectNoAxeViolations(page);
      if (c.n === 4) {
        await page.setViewportSize({ width: 375, height: 800 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      }

      const email = `jonas.c${c.n}.${testInfo.project.name}@example.com`;
      await page.getByLabel('Your name').fill('Jonas Weber');
      await page.getByLabel('Your email address').fill(email);
      await page.getByLabel('Your phone number (optional)').fill('+49 30 1234567');
      await page.getByLabel('Résumé (optional)').setInputFiles({
        name: 'Jonas Weber CV.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4 a short resume'),
      });
      await page.getByLabel('Why are you interested in this role?').fill('Rust, and a team that takes privacy seriously.');
      const send = page.getByRole('button', { name: 'Send application' });
      if (asksProcessing) {
        // Required to apply: the browser holds the form back until it is ticked.
        await send.click();
        expect(await processing.evaluate((box: HTMLInputElement) => box.validity.valueMissing)).toBe(true);
        await expect(send).toBeVisible();
        await processing.check();
      }
      // Retention is optional: ticked with JavaScript, left unticked without.
      if (asksRetention && javascript) await retention.check();
      await send.click();

      await expect(page.getByRole('status')).toContainText('your application was received');
      await expect(send).toHaveCount(0);

      const [filed] = sqlRows(
        `SELECT o.origin, p.title, a.file_name, r.answer
           FROM candidate_emails e JOIN opportunities o ON o.candidate_id = e.candidate_id
           JOIN postings p ON p.id = o.posting_id
           JOIN attachments a ON a.opportunity_id = o.id
           JOIN application_responses r ON r.opportunity_id = o.id
          WHERE e.email = '${email}'`,
      );
      expect(filed).toBe('applied|Backend Engineer (Rust)|Jonas Weber CV.pdf|Rust, and a team that takes privacy seriously.');
      const consents = sqlRows(
        `SELECT ce.purpose || ':' || ce.decision || ':' || ce.source || ':' || ce.text_version
           FROM candidate_emails e JOIN consent_events ce ON ce.candidate_id = e.candidate_id
          WHERE e.email = '${email}' ORDER BY ce.purpose`,
      );
      const expected = [];
      if (asksProcessing) expected.push('processing:given:job_post:demo-2026-01');
      if (asksRetention) expected.push(`retention:${javascript ? 'given' : 'denied'}:job_post:demo-2026-01`);
      expect(consents).toEqual(expected);
    });
  }

  test('a closed posting says so, and a mistake is named without losing the form', async ({ page }, testInfo) => {
    const javascript = testInfo.project.name === 'javascript';
    sql(`UPDATE settings SET processing_basis = '${LEGITIMATE}', retention_basis = '${CONSENT}'`);
    await page.goto('/jobs/00000000-0000-0000-0000-000000000000');
    await expect(page.getByRole('heading', { level: 1, name: 'This job is closed' })).toBeVisible();
    await page.getByRole('link', { name: 'See all open jobs' }).click();
    await page.getByRole('link', { name: 'Product Designer' }).click();
    if (javascript) await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
    await page.getByLabel('Your name').fill('Élise Martin');
    // The browser takes an address without a dotted domain; Candor doesn't.
    await page.getByLabel('Your email address').fill('elise@localhost');
    await page.getByRole('button', { name: 'Send application' }).click();
    await expect(page.getByRole('alert')).toContainText('like name@example.com');
    // With JavaScript the form keeps what was typed.
    if (javascript) await expect(page.getByLabel('Your name')).toHaveValue('Élise Martin');
  });
});
