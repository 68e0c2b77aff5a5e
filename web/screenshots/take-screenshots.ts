// Builds a small organization through the console itself, then photographs the first screen of each page
// on a phone, a tablet and a laptop (docs/screenshots/<page>-<width>.png; the README shows them).
import { test } from 'vitest';
import { launchBrowser } from '../../test/support/browser.ts';
import { startTestServer } from '../../test/support/server.ts';
import { waitFor } from '../../test/support/worker.ts';
import type { Page } from 'playwright-core';
import { SCREENS, SIGNED_IN_PAGES, SIGNED_OUT_PAGES, addTask, createOrganization, field, invitationPage, openConsole, seededTaskPage, signUp, taskRow, visit, type ConsolePage } from '../test/driver.ts';

/** The file name of each page's pictures. */
const NAMES: Record<string, string> = {
  '/signin': 'sign-in',
  '/tasks': 'tasks',
  '/teams': 'teams',
  '/members': 'members',
  '/roles': 'roles',
  '/access': 'access',
  '/audit': 'audit-log',
  '/account': 'account',
};

/** Each target with a file name (its own `name`, or NAMES' for its path), at every width. */
async function shootAtEveryWidth(page: Page, targets: (ConsolePage & { name?: string })[]): Promise<void> {
  for (const screen of SCREENS) {
    await page.setViewportSize(screen);
    for (const target of targets) {
      const name = target.name ?? NAMES[target.path];
      if (!name) continue;
      await visit(page, target);
      await page.screenshot({ path: `${OUT}${name}-${screen.width}.png` });
    }
  }
}

const OUT = new URL('../../docs/screenshots/', import.meta.url).pathname;

test('screenshots of the console', async () => {
  const server = await startTestServer({}, { worker: true });
  const browser = await launchBrowser();
  try {
    const visitor = await openConsole(browser, server.url);
    await shootAtEveryWidth(visitor.page, SIGNED_OUT_PAGES);

    const { page } = await openConsole(browser, server.url);

    await signUp(page, 'Ada Lovelace', 'ada@acme.test');
    await createOrganization(page, 'Acme Labs');
    // Colleagues, as invitations would have made them (faster here than going through mail).
    const { rows: [org] } = await server.db.pool.query<{ id: string }>(`select id from app_public.organizations where slug = 'acme-labs'`);
    for (const [name, role] of [['Grace Hopper', 'Developer'], ['Alan Turing', 'Viewer']]) {
      const email = `${name.split(' ')[0].toLowerCase()}@acme.test`;
      const { rows: [user] } = await server.db.pool.query<{ id: string }>('insert into app_public.users (email, name) values ($1, $2) returning id', [email, name]);
      await server.db.pool.query('insert into app_public.organization_memberships (organization_id, user_id) values ($1, $2)', [org.id, user.id]);
      await server.db.pool.query(
        `insert into app_public.user_roles (organization_id, user_id, role_id) select $1, $2, id from app_public.roles where organization_id = $1 and name = $3`,
        [org.id, user.id, role],
      );
    }
    await page.getByRole('link', { name: 'Teams' }).click();
    await field(page, 'New team').fill('Platform');
    await page.getByRole('button', { name: 'Add team' }).click();
    await page.getByRole('rowheader', { name: 'Platform' }).waitFor();
    await page.getByLabel('Add a member to Platform').selectOption({ label: 'Grace Hopper' });
    await page.locator('.chip', { hasText: 'Grace Hopper' }).waitFor();

    await page.getByRole('link', { name: 'Tasks' }).click();
    for (const [title, priority] of [
      ['Rotate the signing keys', 'Critical'],
      ['Fix the login redirect bug', 'High'],
      ['Write the onboarding guide', 'Low'],
      ['Add filters to the task list', 'Medium'],
      ['Debug the worker lease renewal', 'High'],
    ]) {
      await addTask(page, title, priority);
    }
    await page.getByRole('button', { name: 'Edit Fix the login redirect bug' }).click();
    const edit = page.getByRole('form', { name: 'Edit Fix the login redirect bug' });
    await field(edit, 'Status').selectOption({ label: 'In progress' });
    await field(edit, 'Assignee').selectOption({ label: 'Grace Hopper' });
    await field(edit, 'Team').selectOption({ label: 'Platform' });
    await edit.getByRole('button', { name: 'Save' }).click();
    await taskRow(page, 'Fix the login redirect bug').getByText('In progress').waitFor();
    await page.getByRole('button', { name: 'Edit Write the onboarding guide' }).click();
    const done = page.getByRole('form', { name: 'Edit Write the onboarding guide' });
    await field(done, 'Status').selectOption({ label: 'Completed' });
    await done.getByRole('button', { name: 'Save' }).click();
    await taskRow(page, 'Write the onboarding guide').getByText('Completed').waitFor();

    const invitation = await invitationPage(page, server.worker!.outboxDir, 'katherine@acme.test');

    await page.getByRole('link', { name: 'Roles' }).click();
    await field(page, 'Role name').fill('Triager');
    for (const permission of ['tasks:read', 'tasks:write', 'tasks:assign', 'teams:read']) await page.getByRole('form', { name: 'New role' }).getByRole('checkbox', { name: permission }).check();
    await page.getByRole('button', { name: 'Create role' }).click();
    await page.getByRole('form', { name: 'Role Triager' }).waitFor();

    // Ada's address verified, as the mailed link would (the banner would cover each first screen), and the
    // worker done writing the audit log.
    await server.db.pool.query(`update app_private.user_secrets set email_verified_at = now() where user_id = (select id from app_public.users where email = 'ada@acme.test')`);
    await waitFor(async () => (await server.db.pool.query(`select 1 from app_public.audit_logs where action = 'role.created' and details ->> 'name' = 'Triager'`)).rowCount === 1, 15_000, 'the audit log');

    await shootAtEveryWidth(page, SIGNED_IN_PAGES);
    await shootAtEveryWidth(page, [{ ...(await seededTaskPage(server.db.pool)), name: 'task' }]);
    // The invitation as Katherine opens it from her mail, signed out.
    await shootAtEveryWidth(visitor.page, [{ ...invitation, name: 'accept-invitation' }]);
  } finally {
    await browser.close();
    await server.close();
  }
});
