import { expect, request, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

// What the specs share: the `candor` binary and the e2e database (scripts/test.sh seeds it and
// exports the server's environment to us), and the accessibility check.

const root = path.resolve(__dirname, '..', '..');
const candor = process.env.CANDOR_BIN ?? path.join(root, 'target/debug/candor');

/** The path of a candidate's personal link, from `candor link`. */
export function linkFor(email: string): string {
  const url = execFileSync(candor, ['link', email], { cwd: root, env: process.env }).toString().trim();
  return new URL(url.split('\n').pop()!).pathname;
}

/** A fresh team member made with `candor create-user`; its one-time password. */
export function createUser(email: string, role: string): string {
  const out = execFileSync(candor, ['create-user', '--email', email, '--name', 'Eve Tester', '--role', role], {
    cwd: root,
    env: process.env,
  }).toString();
  const match = out.match(/Password \(shown once\): (\S+)/);
  if (!match) throw new Error(`no password in: ${out}`);
  return match[1];
}

/** A candidate added by hand as the team member `adder` adds one at /candidates/new (its server
 *  function, over HTTP with their session): the candidate, their email and a sourced opportunity
 *  the adder owns, plus the data-collection notice where GDPR protects them. */
export async function addCandidateAs(adder: { email: string; password: string }, name: string, email: string) {
  const baseURL = `http://127.0.0.1:${process.env.CANDOR_E2E_PORT ?? '3100'}`;
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  try {
    const signedIn = await api.post('/api/auth/sign-in', { form: { email: adder.email, password: adder.password } });
    expect(signedIn.status(), await signedIn.text()).toBeLessThan(400);
    const added = await api.post('/api/candidates/add', {
      form: { 'candidate[name]': name, 'candidate[email]': email, 'candidate[phone]': '', 'candidate[country]': '', 'candidate[posting]': '' },
    });
    expect(added.status(), await added.text()).toBe(200);
  } finally {
    await api.dispose();
  }
}

/** Runs SQL against the e2e database (test setup only, for what the product can't do yet). */
export function sql(statement: string): void {
  execFileSync('psql', ['-q', '-v', 'ON_ERROR_STOP=1', process.env.DATABASE_URL!, '-c', statement]);
}

/** WCAG 2.1 A and AA checks with axe-core, inside the page. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`)).toEqual([]);
}

/** Reads from the e2e database: one line per row, columns separated by `|`. */
export function sqlRows(query: string): string[] {
  const out = execFileSync('psql', ['-At', '-v', 'ON_ERROR_STOP=1', process.env.DATABASE_URL!, '-c', query]).toString();
  return out.split('\n').filter((line) => line !== '');
}

/** Opens `where`, is sent to the sign-in form, and signs in there. */
export async function signIn(page: Page, where: string, email: string, password: string, javascript: boolean) {
  await page.goto(where);
  if (javascript) await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (javascript) await expect(page.locator('main')).toHaveAttribute('data-hydrated', 'true');
}
