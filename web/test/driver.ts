// What a person does in the console, as steps for the browser tests and the screenshot script: a real
// Chromium on the real server, finding things by their labels and roles as a screen reader would.
import type { Pool } from 'pg';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { addMember } from '../../db/tenant-data.ts';
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

export interface Screen {
  width: number;
  height: number;
}

/** A phone, a tablet upright, a laptop: every page is checked at each. */
export const SCREENS: Screen[] = [
  { width: 375, height: 667 },
  { width: 768, height: 1024 },
  { width: 1440, height: 900 },
];

export interface ConsoleOptions {
  viewport?: Screen;
  colorScheme?: 'light' | 'dark';
}

export async function openConsole(browser: Browser, baseURL: string, { viewport = { width: 1280, height: 800 }, colorScheme = 'light' }: ConsoleOptions = {}): Promise<ConsoleTab> {
  const context = await browser.newContext({ baseURL, viewport, colorScheme, locale: 'en-GB', timezoneId: 'UTC' });
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

export interface ConsolePage {
  path: string;
  heading: string;
  /** The button a visitor most likely came for; it must be on the first screen. */
  primary?: string;
  /** Shows once the page's data has arrived. */
  ready?: (page: Page) => Locator;
}

/** Every page a signed-out visitor can open. */
export const SIGNED_OUT_PAGES: ConsolePage[] = [
  { path: '/signin', heading: 'Sign in to rowgate', primary: 'Sign in' },
  { path: '/signup', heading: 'Create your rowgate account', primary: 'Create account' },
  { path: '/forgot-password', heading: 'Forgot your password?', primary: 'Send reset link' },
  // The pages mailed links open; their tokens are checked only when used, or found to be no invitation.
  { path: '/reset-password?token=checked-when-submitted', heading: 'Choose a new password', primary: 'Set new password' },
  { path: '/verify-email', heading: 'Verify your e-mail address' },
  { path: '/invitations/accept?token=no-such-invitation', heading: 'Join an organization', ready: (page) => page.getByText(/does not name a pending invitation/) },
];

/** Every page of the signed-in console, as an Admin of an organization with some data sees it. */
export const SIGNED_IN_PAGES: ConsolePage[] = [
  { path: '/tasks', heading: 'Tasks', primary: 'Add task', ready: (page) => page.locator('table.tasks tbody tr').first() },
  { path: '/teams', heading: 'Teams', primary: 'Add team', ready: (page) => page.locator('tbody tr').first() },
  { path: '/members', heading: 'Members', primary: 'Send invitation', ready: (page) => page.locator('tr[data-member]').first() },
  { path: '/roles', heading: 'Roles', primary: 'Create a role', ready: (page) => page.getByRole('form', { name: 'Role Admin' }) },
  { path: '/access', heading: 'Access', ready: (page) => page.locator('tr[data-member]').first() },
  { path: '/audit', heading: 'Audit log', ready: (page) => page.getByRole('status').filter({ hasText: /^Chain/ }) },
  { path: '/organizations/new', heading: 'New organization', primary: 'Create organization' },
  { path: '/account', heading: 'Your account', primary: 'Save name', ready: (page) => page.locator('tr[data-session]').first() },
  { path: '/no-such-page', heading: 'Page not found' },
];

/** Invites `email` from the Members page (as the Admin signed in on `page`) and returns the page its mailed link opens. */
export async function invitationPage(page: Page, outboxDir: string, email: string): Promise<ConsolePage> {
  await page.goto('/members');
  await field(page, 'E-mail address').fill(email);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await page.getByRole('status').filter({ hasText: `Invitation sent to ${email}.` }).waitFor();
  const link = await mailedLink(outboxDir, email, '/invitations/accept');
  return { path: link.pathname + link.search, heading: 'Join an organization', primary: 'Sign in to accept', ready: (p) => p.getByText(/invited you to/) };
}

/** The page of the task seedOrganization wrote last under `title` (a path with the task's own id). */
export async function seededTaskPage(pool: Pool, title = 'Fix the login redirect bug'): Promise<ConsolePage> {
  const { rows: [task] } = await pool.query<{ id: string }>('select id from app_public.tasks where title = $1 order by created_at desc limit 1', [title]);
  return { path: `/tasks/${task.id}`, heading: title, primary: `Edit ${title}` };
}

/** Opens a page of the console and waits for its heading and its data. */
export async function visit(page: Page, target: ConsolePage): Promise<void> {
  await page.goto(target.path);
  await page.getByRole('heading', { name: target.heading, exact: true }).waitFor();
  await target.ready?.(page).waitFor();
}

/** The user with `email` joins the organization `slug` as `role`, as an accepted invitation would have it; returns the user's id. */
export async function joinOrganization(pool: Pool, email: string, slug: string, role: string): Promise<string> {
  const {
    rows: [org],
  } = await pool.query<{ id: string }>('select id from app_public.organizations where slug = $1', [slug]);
  const {
    rows: [user],
  } = await pool.query<{ id: string }>('select id from app_public.users where email = $1', [email]);
  const {
    rows: [{ id: roleId }],
  } = await pool.query<{ id: string }>('select id from app_public.roles where organization_id = $1 and name = $2', [org.id, role]);
  const client = await pool.connect();
  try {
    await addMember(client, org.id, user.id, roleId);
  } finally {
    client.release();
  }
  return user.id;
}

/**
 * An organization to look at: its Admin (signed in on `page`), a Developer and a Viewer, a team, tasks
 * with long titles. Colleagues are written to the database as an accepted invitation would have.
 */
export async function seedOrganization(page: Page, pool: Pool, admin: { name: string; email: string }, organization: string): Promise<void> {
  await signUp(page, admin.name, admin.email);
  await createOrganization(page, organization);
  const slug = organization.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  for (const [name, role] of [
    ['Grace Hopper', 'Developer'],
    ['Alan Turing', 'Viewer'],
  ]) {
    const email = `${name.split(' ')[0].toLowerCase()}@${slug}.test`;
    await pool.query('insert into app_public.users (email, name) values ($1, $2)', [email, name]);
    await joinOrganization(pool, email, slug, role);
  }
  await page.goto('/teams');
  await field(page, 'New team').fill('Platform');
  await page.getByRole('button', { name: 'Add team' }).click();
  await page.getByRole('rowheader', { name: 'Platform' }).waitFor();
  await page.goto('/tasks');
  await addTask(page, 'Rotate the signing keys before the old ones expire at the end of the quarter', 'Critical');
  await addTask(page, 'Fix the login redirect bug', 'High');
}
