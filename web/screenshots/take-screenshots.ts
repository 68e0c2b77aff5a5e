// Builds a small organization through the console itself, then photographs each main page.
import { test } from 'vitest';
import { launchBrowser } from '../../test/support/browser.ts';
import { startTestServer } from '../../test/support/server.ts';
import { addTask, createOrganization, field, openConsole, signUp, taskRow } from '../test/driver.ts';

const OUT = new URL('../../docs/screenshots/', import.meta.url).pathname;

test('screenshots of the console', async () => {
  const server = await startTestServer({}, { worker: true });
  const browser = await launchBrowser();
  try {
    const { page } = await openConsole(browser, server.url);
    const shoot = (name: string) => page.screenshot({ path: `${OUT}${name}.png` });

    await page.goto('/signin');
    await page.getByRole('heading', { name: 'Sign in to rowgate' }).waitFor();
    await shoot('sign-in');

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
    await shoot('tasks');

    await page.getByRole('link', { name: 'Members' }).click();
    await field(page, 'E-mail address').fill('katherine@acme.test');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByRole('status').waitFor();
    await shoot('members');

    await page.getByRole('link', { name: 'Roles' }).click();
    await field(page, 'Role name').fill('Triager');
    for (const permission of ['tasks:read', 'tasks:write', 'tasks:assign', 'teams:read']) await page.getByRole('form', { name: 'New role' }).getByRole('checkbox', { name: permission }).check();
    await page.getByRole('button', { name: 'Create role' }).click();
    await page.getByRole('form', { name: 'Role Triager' }).waitFor();
    await page.getByRole('form', { name: 'Role Triager' }).scrollIntoViewIfNeeded();
    await shoot('roles');

    await page.getByRole('link', { name: 'Access' }).click();
    await page.getByRole('rowheader', { name: 'Alan Turing' }).waitFor();
    await shoot('access');

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('status').filter({ hasText: /^Chain verified/ }).waitFor();
    await page.getByRole('rowheader', { name: 'task.updated' }).first().waitFor();
    await shoot('audit-log');
  } finally {
    await browser.close();
    await server.close();
  }
});
