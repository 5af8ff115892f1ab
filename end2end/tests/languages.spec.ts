import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, linkFor, sql } from './support';

// The candidate's pages in six languages: the browser's language is spoken when the candidate
// has none, and the one picked with the switcher (a plain form) beats it from then on.

const titles: [string, string, string][] = [
  ['en-GB', 'en', 'Your data preferences'],
  ['de-DE', 'de', 'Ihre Datenschutzeinstellungen'],
  ['fr-FR', 'fr', 'Vos préférences en matière de données'],
  ['es-ES', 'es', 'Sus preferencias sobre sus datos'],
  ['it-IT', 'it', 'Le Sue preferenze sui dati'],
  ['nl-NL', 'nl', 'Uw voorkeuren voor uw gegevens'],
];

/** Every page a candidate reaches from their link, and the job board. */
function candidatePages(link: string): string[] {
  return [link, `${link}?step=confirm-erasure`, link.replace('/preferences/', '/unsubscribe/'), '/preferences/not-a-link', '/fresh-link', '/jobs'];
}

/** The first open posting's page, from the job board. */
async function firstPosting(page: import('@playwright/test').Page): Promise<string> {
  await page.goto('/jobs');
  const href = await page.locator('.job-list a').first().getAttribute('href');
  expect(href).toBeTruthy();
  return href!;
}

test.describe('candidate languages', () => {
  for (const [browserLocale, lang, title] of titles) {
    test(`a ${browserLocale} browser gets the pages in ${lang}, accessible and fitting a phone`, async ({ browser }, testInfo) => {
      const javascript = testInfo.project.name === 'javascript';
      const context = await browser.newContext({ locale: browserLocale, javaScriptEnabled: javascript, viewport: { width: 375, height: 800 } });
      const page = await context.newPage();
      try {
        const link = linkFor('sofia.rossi@example.com');
        for (const path of [...candidatePages(link), await firstPosting(page)]) {
          await page.goto(path);
          await expect(page.locator('html')).toHaveAttribute('lang', lang);
          if (path === link) await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
          if (javascript) {
            await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true', { timeout: 20_000 });
            await expectNoAxeViolations(page);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            expect(overflow, path).toBeLessThanOrEqual(0);
          }
        }
      } finally {
        await context.close();
      }
    });
  }

  test('the language picked on the page is kept over the browser’s', async ({ browser }, testInfo) => {
    const javascript = testInfo.project.name === 'javascript';
    const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: javascript });
    const page = await context.newPage();
    try {
      const link = linkFor('emma.wilson@example.com');
      await page.goto(link);
      if (javascript) await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true', { timeout: 20_000 });
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vos préférences en matière de données');
      await page.getByLabel('Langue').selectOption('de');
      await page.getByRole('button', { name: 'Changer de langue' }).click();
      await expect(page.getByRole('status')).toContainText('Diese Seite wird jetzt auf Deutsch angezeigt.');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ihre Datenschutzeinstellungen');
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');

      // Remembered: a fresh visit from the same French browser is still German.
      await page.goto(link);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ihre Datenschutzeinstellungen');
    } finally {
      sql(`UPDATE candidates SET page_locale = NULL`);
      await context.close();
    }
  });

  test('the pseudo-locale, 40 % longer, still fits a 375 px phone on every candidate page', async ({ browser }, testInfo) => {
    test.skip(testInfo.project.name !== 'javascript', 'the layout is measured inside the page');
    const context = await browser.newContext({ locale: 'en-XA', viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    try {
      const link = linkFor('sofia.rossi@example.com');
      for (const path of [...candidatePages(link), await firstPosting(page)]) {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
        // Every message ends in its padding ("Öpéñ jöbš ····"); plain text never has two dots in a row.
        await expect(page.locator('main')).toContainText(/··/);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
    } finally {
      await context.close();
    }
  });
});
