import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createUser, linkFor, signIn, sqlRows } from './support';

// What each page ships, as the server sends it: a byte budget per page (candidate pages' JS and
// WASM ≤ 100 KB and everything ≤ 160 KB; a workspace page's JS and WASM ≤ 400 KB on its first
// load, each area of the workspace with a bundle of its own), and valid HTML judged by the Nu
// HTML checker. Bytes, not timings, so these are stable.

const CANDIDATE_SCRIPT_BUDGET = 100_000;
const CANDIDATE_TOTAL_BUDGET = 160_000;
const WORKSPACE_SCRIPT_BUDGET = 400_000;

/** The candidate-facing pages, by the paths that reach them in the demo organization. */
function candidatePages(): Record<string, string> {
  const preferences = linkFor('anna.schmidt@example.com');
  const [posting] = sqlRows("SELECT id FROM postings WHERE title = 'Backend Engineer (Rust)'");
  return {
    preferences,
    unsubscribe: preferences.replace('/preferences/', '/unsubscribe/'),
    'bad link': '/preferences/not-a-real-link',
    'fresh link': '/fresh-link',
    jobs: '/jobs',
    'posting and application form': `/jobs/${posting}`,
  };
}

/** The bytes a response's body takes on the wire when the client accepts brotli and gzip. */
function transferred(url: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'br, gzip' } }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => resolve({ bytes, encoding: String(response.headers['content-encoding'] ?? '') }));
      })
      .on('error', reject);
  });
}

/** Opens the page, lets it hydrate, and adds up what it loaded from us. */
async function weigh(page: Page, origin: string, where: string, open: () => Promise<void>) {
  const urls = new Set<string>();
  const listener = (request: { url(): string }) => {
    if (request.url().startsWith(origin)) urls.add(request.url());
  };
  page.on('request', listener);
  await open();
  await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
  await page.waitForLoadState('networkidle');
  page.off('request', listener);
  let scripts = 0;
  let total = 0;
  const files: string[] = [];
  for (const url of urls) {
    // Server-function calls are the page at work, not what it ships.
    if (new URL(url).pathname.startsWith('/api/')) continue;
    const { bytes, encoding } = await transferred(url);
    const pathname = new URL(url).pathname;
    if (/\.(js|wasm)$/.test(pathname)) {
      scripts += bytes;
      expect(encoding, `${pathname} is sent compressed`).toBe('br');
    }
    total += bytes;
    files.push(`${pathname.replace(/\/(preferences|unsubscribe)\/[^/]+/, '/$1/…')}: ${bytes}`);
  }
  return { where, scripts, total, files };
}

const report: Record<string, unknown> = {};

test.describe('byte budgets', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'what hydration loads');

  test('each candidate page ships at most 100 KB of JS and WASM and 160 KB in all', async ({ page, baseURL }) => {
    for (const [name, where] of Object.entries(candidatePages())) {
      const weight = await weigh(page, baseURL!, where, async () => {
        await page.goto(where);
      });
      report[name] = weight;
      expect(weight.scripts, `${name}: JS + WASM\n${weight.files.join('\n')}`).toBeLessThanOrEqual(CANDIDATE_SCRIPT_BUDGET);
      expect(weight.total, `${name}: everything\n${weight.files.join('\n')}`).toBeLessThanOrEqual(CANDIDATE_TOTAL_BUDGET);
    }
  });

  test('the first page of each workspace area ships at most 400 KB of JS and WASM', async ({ browser, baseURL }) => {
    const email = 'bea.bytes@team.example';
    const password = createUser(email, 'super_admin');
    // Signed in first, then a fresh browser context per page: nothing in its cache.
    const signedIn = await browser.newContext();
    const first = await signedIn.newPage();
    await signIn(first, '/candidates', email, password, true);
    await expect(first).toHaveURL(/\/candidates$/); // signed in, the session's cookie set
    let state = await signedIn.storageState();
    await signedIn.close();
    const [anna] = sqlRows("SELECT id FROM candidates WHERE name = 'Anna Schmidt'");
    const areas: Record<string, string> = {
      recruiting: '/candidates',
      profile: `/candidates/${anna}`,
      compliance: '/compliance',
      admin: '/settings',
    };
    for (const [area, where] of Object.entries(areas)) {
      const context = await browser.newContext({ storageState: state });
      const page = await context.newPage();
      const weight = await weigh(page, baseURL!, where, async () => {
        await page.goto(where);
      });
      expect(new URL(page.url()).pathname, `${area}: the page itself, not the sign-in page`).toBe(where);
      report[`workspace: ${area}`] = weight;
      state = await context.storageState(); // the session as the server last renewed it
      await context.close();
      const files = weight.files.join('\n');
      expect(files, `${area} loads its own bundle`).toMatch(new RegExp(`^/pkg/${area}\\.[\\w-]+\\.wasm: `, 'm'));
      expect(weight.scripts, `${area}: JS + WASM\n${files}`).toBeLessThanOrEqual(WORKSPACE_SCRIPT_BUDGET);
    }
  });

  test.afterAll(() => {
    if (process.env.CANDOR_BUNDLE_REPORT) writeFileSync(process.env.CANDOR_BUNDLE_REPORT, JSON.stringify(report, null, 2));
  });
});

test('links between workspace areas load the other area; links within one stay in the page', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'javascript', 'without JavaScript every link is a page load');
  const email = `ari.areas.${testInfo.project.name}@team.example`;
  const password = createUser(email, 'super_admin');
  const bundles: string[] = [];
  page.on('request', (request) => {
    const match = new URL(request.url()).pathname.match(/^\/pkg\/(\w+)\.[\w-]+\.wasm$/);
    if (match) bundles.push(match[1]);
  });
  await signIn(page, '/candidates', email, password, true);
  expect(bundles).toEqual(['recruiting']);
  const hydrated = () => expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
  // A mark on the page's window: it survives the router's navigations, not a page load.
  const mark = () => page.evaluate(() => ((window as unknown as { mark: boolean }).mark = true));
  const marked = () => page.evaluate(() => (window as unknown as { mark?: boolean }).mark === true);

  // Within the recruiting area: the router's own navigation, nothing loaded.
  await mark();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Postings' }).click();
  await expect(page).toHaveURL(/\/postings$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Postings' })).toBeVisible();
  expect(await marked()).toBe(true);

  // Into the admin area: a page load that brings its bundle, and the page works.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance settings' }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await hydrated();
  expect(await marked()).toBe(false);
  expect(bundles).toEqual(['recruiting', 'admin']);

  // Back is the browser's: the postings page again, with its own bundle (cached or not).
  await page.goBack();
  await expect(page).toHaveURL(/\/postings$/);
  await hydrated();

  // To a profile (its own area) and on to the compliance dashboard.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Candidates' }).click();
  await page.getByRole('link', { name: 'Anna Schmidt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Anna Schmidt' })).toBeVisible();
  await hydrated();
  await page.getByRole('link', { name: 'Compliance dashboard' }).click();
  await expect(page).toHaveURL(/\/compliance$/);
  await hydrated();
  expect(bundles).toEqual(expect.arrayContaining(['recruiting', 'admin', 'profile', 'compliance']));
});

/** Whether a Nu HTML checker error is Leptos's, not ours (docs/html.md): its hydration and
 *  placeholder marker `<!>`, an empty comment that HTML parses fine but calls a "bogus comment". */
function framework(message: { message: string; extract?: string }): boolean {
  return message.message === 'Bogus comment.' && (message.extract ?? '').includes('<!>');
}

test('candidate pages are valid HTML, judged by the Nu HTML checker', async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== 'javascript', 'the markup is the same either way');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'candor-html-'));
  const files: Record<string, string> = {};
  for (const [name, where] of Object.entries(candidatePages())) {
    const response = await request.get(where);
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.html`);
    writeFileSync(file, await response.text());
    files[file] = name;
  }
  // A control the checker must fault, so a checker that reads nothing can't pass.
  const control = path.join(dir, 'control.html');
  writeFileSync(control, '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div></p></body></html>');
  const jar = path.resolve(__dirname, '..', '..', 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
  let out = '';
  try {
    out = execFileSync('java', ['-jar', jar, '--format', 'json', '--stdout', '--exit-zero-always', control, ...Object.keys(files)]).toString();
  } catch (error) {
    throw new Error(`the checker did not run: ${error}`);
  }
  const messages: { type: string; url: string; message: string; lastLine?: number; extract?: string }[] = JSON.parse(out).messages;
  const errors = messages.filter((m) => m.type === 'error');
  expect(errors.some((m) => m.url.endsWith('/control.html')), 'the checker faults an invalid page').toBe(true);
  const ours = errors.filter((m) => !m.url.endsWith('/control.html') && !framework(m));
  expect(
    ours.map((m) => `${files[new URL(m.url).pathname] ?? m.url}:${m.lastLine}: ${m.message} — ${m.extract ?? ''}`),
  ).toEqual([]);
});
