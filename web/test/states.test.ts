// What a list shows besides rows, in a real Chromium against the real server and database: a sentence
// and what to do when it is empty, an announced "Loading" while the database has not answered (held
// back by a real table lock), and a failure with a Retry that reads again (a real refusal by PostgreSQL,
// the API role's SELECT taken away for a moment).
import { describe, expect, test } from 'vitest';
import { addTask, createOrganization, field, signUp, taskRow } from './driver.ts';
import { consoleSuite } from './setup.ts';

const suite = consoleSuite();

describe('an empty list', () => {
  test('says so and offers what to do, instead of a table with no rows', async () => {
    const { page } = await suite.tab();
    await signUp(page, 'Em Empty', 'em@states.test');
    await createOrganization(page, 'Empty Co');
    const main = page.locator('main');

    await main.getByText('No tasks yet.').waitFor();
    expect(await main.locator('table').count()).toBe(0);
    await main.getByRole('button', { name: 'Write the first task' }).click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('title');

    // Filters that match nothing say that, and offer the way back.
    await addTask(page, 'The only task');
    await field(page.getByRole('form', { name: 'Filter tasks' }), 'Title contains').fill('nothing like it');
    await main.getByText('No task matches these filters.').waitFor();
    await main.getByRole('button', { name: 'Show all tasks' }).click();
    await taskRow(page, 'The only task').waitFor();

    await page.getByRole('navigation', { name: 'Pages', exact: true }).getByRole('link', { name: 'Teams' }).click();
    await main.getByText('No teams yet.').waitFor();
    expect(await main.locator('table').count()).toBe(0);
    await main.getByRole('button', { name: 'Create the first team' }).click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('name');

    await page.getByRole('navigation', { name: 'Pages', exact: true }).getByRole('link', { name: 'Members' }).click();
    await main.getByText('No invitations yet: the form above sends one.').waitFor();
  });
});

describe('a list the database has not answered yet', () => {
  test('shows an announced loading state, then the list', async () => {
    const { page } = await suite.tab();
    await signUp(page, 'Lou Loading', 'lou@states.test');
    await createOrganization(page, 'Loading Co');
    await addTask(page, 'Waits for the lock');
    await page.goto('/teams');
    await page.getByRole('heading', { name: 'Teams' }).waitFor();

    const holder = await suite.server.db.pool.connect();
    try {
      await holder.query('begin');
      await holder.query('lock table app_public.tasks in access exclusive mode');
      await page.getByRole('navigation', { name: 'Pages', exact: true }).getByRole('link', { name: 'Tasks' }).click();
      await page.getByRole('status').filter({ hasText: 'Loading tasks…' }).waitFor();
      expect(await taskRow(page, 'Waits for the lock').count()).toBe(0);
    } finally {
      await holder.query('commit');
      holder.release();
    }
    await taskRow(page, 'Waits for the lock').waitFor();
    expect(await page.getByText('Loading tasks…').count()).toBe(0);
  });
});

describe('a list that could not be read', () => {
  test('shows the failure with a Retry button that reads again', async () => {
    const { page } = await suite.tab();
    await signUp(page, 'Rey Retry', 'rey@states.test');
    await createOrganization(page, 'Retry Co');
    await addTask(page, 'Back after the retry');
    await page.goto('/teams');
    await page.getByRole('heading', { name: 'Teams' }).waitFor();

    await suite.server.db.pool.query('revoke select on app_public.tasks from app_user');
    try {
      await page.getByRole('navigation', { name: 'Pages', exact: true }).getByRole('link', { name: 'Tasks' }).click();
      const failure = page.locator('main').getByRole('alert').filter({ has: page.getByRole('button', { name: 'Retry' }) });
      await failure.waitFor();
      expect(await taskRow(page, 'Back after the retry').count()).toBe(0);
    } finally {
      await suite.server.db.pool.query('grant select on app_public.tasks to app_user');
    }
    await page.locator('main').getByRole('button', { name: 'Retry' }).click();
    await taskRow(page, 'Back after the retry').waitFor();
    expect(await page.locator('main').getByRole('alert').count()).toBe(0);
  });
});
