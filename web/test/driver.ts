// What a person does in the console, as steps for the browser tests and the screenshot script: a real
// Chromium on the real server, finding things by their labels and roles as a screen reader would.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { mailsTo } from '../../test/support/mail.ts';
import { waitFor } from '../../test/support/worker.ts';

export const PASSWORD = 'correct horse battery';

export interface ConsoleTab {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Uncaught errors in the page. */
  errors: string[];
}

export async function openConsole(browser: Browser, baseURL: string): Promise<ConsoleTab> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'UTC' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const tab: ConsoleTab = { context, page, requests: [], errors: [] };
  page.on('request', (request) => tab.requests.push(request.url()));
  page.on('pageerror', (error) => tab.errors.push(error.message));
  return tab;
}

/** An input by its exact label (labels like "Name" would otherwise also match "Team name"). */
export const field = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true });

export async function signUp(page: Page, name: string, email: string): Promise<void> {
  await page.goto('/signup');
  await field(page, 'Name').fill(name);
  await field(page, 'E-mail').fill(email);
  await field(page, 'Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/signin');
  await field(page, 'E-mail').fill(email);
  await field(page, 'Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export async function createOrganization(page: Page, name: string): Promise<void> {
  await page.goto('/organizations/new');
  await field(page, 'Name').fill(name);
  await page.getByRole('button', { name: 'Create organization' }).click();
  await page.getByRole('heading', { name: 'Tasks' }).waitFor();
}

export const taskRow = (page: Page, title: string) => page.locator('tbody tr', { has: page.getByRole('rowheader', { name: title, exact: true }) });

export async function addTask(page: Page, title: string, priority = 'Medium'): Promise<void> {
  const form = page.getByRole('form', { name: 'Create a task' });
  await field(form, 'New task').fill(title);
  await field(form, 'Priority').selectOption({ label: priority });
  await form.getByRole('button', { name: 'Add task' }).click();
  await taskRow(page, title).waitFor();
}

/** The titles of the listed tasks, in order. */
export const listedTitles = (page: Page) => page.locator('table.tasks tbody th[scope=row]').allTextContents();

/** Waits until the listed titles are `titles` (in any order). */
export async function expectTitles(page: Page, titles: string[]): Promise<void> {
  const want = [...titles].sort().join('|');
  await waitFor(async () => (await listedTitles(page)).sort().join('|') === want, 10_000, `the list to show exactly ${want}`).catch(async (error: Error) => {
    throw new Error(`${error.message}; it shows ${(await listedTitles(page)).join('|')}`);
  });
}

/**
 * The newest link to `pathname` (/verify-email, /reset-password) in the mails to `email`, waiting for
 * the worker to write one. Files are named by time, so the last name is the newest mail.
 */
export async function mailedLink(outboxDir: string, email: string, pathname: string): Promise<URL> {
  return waitFor(
    async () => {
      const links = (await mailsTo(outboxDir, email)).map((mail) => /https?:\/\/\S+/.exec(mail.text)?.[0]).filter((link) => link !== undefined);
      return links.map((link) => new URL(link)).findLast((link) => link.pathname === pathname);
    },
    10_000,
    `a mail to ${email} with a link to ${pathname}`,
  );
}
