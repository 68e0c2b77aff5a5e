// The audit log read by a person, in a real Chromium against the real server and worker: entries in
// words, with names where the database recorded ids, and links to the console's pages for the objects.
import { describe, expect, test } from 'vitest';
import { waitFor } from '../../test/support/worker.ts';
import { field, seedOrganization, taskRow } from './driver.ts';
import { consoleSuite } from './setup.ts';

const suite = consoleSuite();

describe('the audit log', () => {
  test('tells who did what to which object, with names instead of ids and links to its page', async () => {
    const tab = await suite.tab();
    const { page } = tab;
    await seedOrganization(page, suite.server.db.pool, { name: 'Ari Audit', email: 'ari@audit.test' }, 'Audit Co');
    await page.goto('/teams');
    await page.getByLabel('Add a member to Platform').selectOption({ label: 'Grace Hopper' });
    await page.locator('.chip', { hasText: 'Grace Hopper' }).waitFor();
    await page.goto('/tasks');
    await page.getByRole('button', { name: 'Edit Fix the login redirect bug' }).click();
    const edit = page.getByRole('form', { name: 'Edit Fix the login redirect bug' });
    await field(edit, 'Status').selectOption({ label: 'In progress' });
    await field(edit, 'Assignee').selectOption({ label: 'Grace Hopper' });
    await edit.getByRole('button', { name: 'Save' }).click();
    await taskRow(page, 'Fix the login redirect bug').getByText('In progress').waitFor();

    const entry = (what: string, which: string) => page.locator('tbody tr', { has: page.getByRole('rowheader', { name: what, exact: true }) }).filter({ hasText: which });
    // The worker records entries a moment after each change: the page is opened once the last one is in.
    await waitFor(
      async () => (await suite.server.db.pool.query(`select 1 from app_public.audit_logs where action = 'task.updated'`)).rowCount === 1,
      15_000,
      'the task change in the audit log',
    );
    await page.goto('/audit');
    await entry('Task changed', 'Fix the login redirect bug').waitFor();

    const changed = entry('Task changed', 'Fix the login redirect bug');
    expect(await changed.locator('td').nth(2).textContent()).toBe('Ari Audit');
    const { rows: [task] } = await suite.server.db.pool.query<{ id: string }>(`select id from app_public.tasks where title = 'Fix the login redirect bug'`);
    expect(await changed.getByRole('link', { name: 'Fix the login redirect bug' }).getAttribute('href')).toBe(`/tasks/${task.id}`);
    expect(await changed.locator('td.details').textContent()).toMatch(/status: In progress/);
    expect(await changed.locator('td.details').textContent()).toMatch(/assignee: Grace Hopper/);
    expect(await entry('Added to a team', 'Grace Hopper in Platform').getByRole('link', { name: 'Grace Hopper in Platform' }).getAttribute('href')).toBe('/teams');
    expect(await entry('Role given', 'Admin for Ari Audit').count()).toBe(1);
    expect(await entry('Team created', 'Platform').getByRole('link', { name: 'Platform' }).getAttribute('href')).toBe('/teams');

    // Nothing in the table is a raw id or a column's snake_case name.
    const text = (await page.locator('table tbody').innerText()).replaceAll('\n', ' ');
    expect(text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/g)).toBeNull();
    expect(text.match(/\b[a-z]+_[a-z_]+\b/g)).toBeNull();
    expect(text.match(/\b(task|team|role|user_role)\.(created|updated|deleted)\b/g)).toBeNull();
  }, 60_000);
});
