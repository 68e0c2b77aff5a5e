// The task table as a person uses it, in a real Chromium against the real server: column headers sort
// through the API's orderBy and say how (aria-sort), the pager says "1–20 of 23 tasks" and offers a page
// size, dates stay on one line and row actions side by side.
import { describe, expect, test } from 'vitest';
import { createOrganization, field, listedTitles, signUp } from './driver.ts';
import { consoleSuite } from './setup.ts';

const suite = consoleSuite();

const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

describe('the task table', () => {
  test('sorts by its headers, counts its pages, and changes the page size', async () => {
    const tab = await suite.tab();
    const { page } = tab;
    await signUp(page, 'Tab Ler', 'tab@tables.test');
    await createOrganization(page, 'Tables Co');
    // 23 tasks, created a second apart (Task 01 oldest), priorities in turn.
    await suite.server.db.pool.query(
      `insert into app_public.tasks (organization_id, title, priority, created_at)
       select o.id, 'Task ' || lpad(i::text, 2, '0'), ($1::text[])[1 + i % 4]::app_public.task_priority, now() - make_interval(secs => 100 - i)
       from app_public.organizations o, generate_series(1, 23) i where o.slug = 'tables-co'`,
      [PRIORITIES],
    );
    await page.reload();
    const count = page.locator('main p.count');
    await count.filter({ hasText: '1–20 of 23 tasks' }).waitFor();
    const header = (name: string) => page.getByRole('columnheader', { name, exact: true });
    expect(await header('Created').getAttribute('aria-sort')).toBe('descending');
    expect(await header('Title').getAttribute('aria-sort')).toBe('none');
    expect((await listedTitles(page))[0]).toBe('Task 23');

    await header('Title').getByRole('button').click();
    await expect.poll(async () => (await listedTitles(page))[0]).toBe('Task 01');
    expect(await header('Title').getAttribute('aria-sort')).toBe('ascending');
    expect(await header('Created').getAttribute('aria-sort')).toBe('none');
    expect(await field(page, 'Sort').locator('option:checked').textContent()).toBe('Title');
    await header('Title').getByRole('button').click();
    await expect.poll(async () => (await listedTitles(page))[0]).toBe('Task 23');
    expect(await header('Title').getAttribute('aria-sort')).toBe('descending');

    // Priority sorts most urgent first on its first click.
    await header('Priority').getByRole('button').click();
    await expect.poll(async () => page.locator('table.tasks tbody tr').first().locator('td').nth(1).textContent()).toBe('Critical');
    expect(await header('Priority').getAttribute('aria-sort')).toBe('descending');

    await page.getByRole('button', { name: 'Next page' }).click();
    await count.filter({ hasText: '21–23 of 23 tasks' }).waitFor();
    expect(await listedTitles(page)).toHaveLength(3);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await count.filter({ hasText: '1–20 of 23 tasks' }).waitFor();
    // Another order, asked for on the second page, starts again at the first.
    await page.getByRole('button', { name: 'Next page' }).click();
    await count.filter({ hasText: '21–23 of 23 tasks' }).waitFor();
    await header('Title').getByRole('button').click();
    await count.filter({ hasText: '1–20 of 23 tasks' }).waitFor();
    expect((await listedTitles(page))[0]).toBe('Task 01');

    await field(page, 'Tasks per page').selectOption('10');
    await count.filter({ hasText: '1–10 of 23 tasks' }).waitFor();
    expect(await listedTitles(page)).toHaveLength(10);

    // Dates on one line; Edit and Delete side by side.
    const firstRow = page.locator('table.tasks tbody tr').first();
    const time = await firstRow.locator('time').boundingBox();
    const lineHeight = await firstRow.locator('time').evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
    expect(time!.height).toBeLessThan(lineHeight * 1.5);
    const [edit, remove] = await Promise.all([firstRow.getByRole('button', { name: /^Edit / }).boundingBox(), firstRow.getByRole('button', { name: /^Delete / }).boundingBox()]);
    expect(Math.abs(edit!.y - remove!.y)).toBeLessThan(2);
  });
});
