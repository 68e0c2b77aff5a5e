// The task page (/tasks/:id) in a real Chromium against the real server and worker (npm test builds
// web/dist first): every field; editing the description and metadata (text that is not JSON refused
// before anything is sent, the database's refusals shown as its message); the history in words, names
// not ids; dependencies added, followed, removed, and a cycle refused with a message; changes and a
// deletion made by another user appearing without a reload; a Viewer offered no edit or remove control.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DeleteTaskRowDocument, UpdateTaskDetailDocument } from '../../client/generated/graphql.ts';
import { addMember, createUser } from '../../db/tenant-data.ts';
import { gql, register } from '../../test/support/server.ts';
import { waitFor } from '../../test/support/worker.ts';
import { addTask, createOrganization, field, joinOrganization, signIn, signUp, taskRow } from './driver.ts';
import { consoleSuite } from './setup.ts';

const suite = consoleSuite({ sameOriginOnly: true });

/** An organization made through the console by a new Admin, with one more member (a session) of `role`. */
async function organizationWith(admin: Page, adminName: string, slug: string, memberName: string, role: 'Developer' | 'Viewer') {
  await signUp(admin, adminName, `${slug}-admin@console.test`);
  await createOrganization(admin, slug.replace(/-/g, ' '));
  const member = await register(suite.server, memberName);
  await joinOrganization(suite.server.db.pool, member.user.email, slug, role);
  const { rows } = await suite.server.db.pool.query<{ id: string }>('select id from app_public.organizations where slug = $1', [slug]);
  return { organizationId: rows[0].id, member };
}

const taskIdOf = async (title: string) => (await suite.server.db.pool.query<{ id: string }>('select id from app_public.tasks where title = $1', [title])).rows[0].id;

/** Opens the task from the list by its title's link. */
async function openTask(page: Page, title: string): Promise<void> {
  await page.goto('/tasks');
  await taskRow(page, title).getByRole('link', { name: title, exact: true }).click();
  await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** The value shown for a field of the details list. */
const shown = (page: Page, name: string) => page.locator('dl.task-fields dt', { hasText: new RegExp(`^${name}$`) }).locator('xpath=following-sibling::dd[1]');

const historyTexts = (page: Page) => page.getByRole('list', { name: 'History' }).locator('li').allTextContents();

async function expectHistoryEntry(page: Page, pattern: RegExp): Promise<void> {
  await waitFor(async () => (await historyTexts(page)).some((text) => pattern.test(text)), 15_000, `a history entry like ${pattern}`).catch(async (error: Error) => {
    throw new Error(`${error.message}; the history shows ${JSON.stringify(await historyTexts(page))}`);
  });
}

describe('the task page', () => {
  test('shows every field; edits description and metadata (refusing text that is not JSON); the history says who changed what', async () => {
    const ann = await suite.tab();
    const { organizationId } = await organizationWith(ann.page, 'Ann Admin', 'fields-co', 'Bob Builder', 'Developer');
    await suite.server.db.pool.query(`insert into app_public.teams (organization_id, name) values ($1, 'Core')`, [organizationId]);
    await addTask(ann.page, 'Ship the page', 'High');
    await openTask(ann.page, 'Ship the page');
    const page = ann.page;

    expect(await shown(page, 'Status').textContent()).toBe('Pending');
    expect(await shown(page, 'Priority').textContent()).toBe('High');
    expect(await shown(page, 'Assignee').textContent()).toBe('Nobody');
    expect(await shown(page, 'Team').textContent()).toBe('No team');
    expect(await shown(page, 'Description').textContent()).toBe('No description');
    expect(await shown(page, 'Metadata').textContent()).toBe('None');
    expect(await shown(page, 'Created').textContent()).toMatch(/ by Ann Admin$/);
    expect(await shown(page, 'Updated').locator('time').getAttribute('datetime')).toMatch(/^\d{4}-/);
    await expectHistoryEntry(page, /Ann Admin created the task as “Ship the page”/);

    await page.getByRole('button', { name: 'Edit Ship the page' }).click();
    const form = page.getByRole('form', { name: 'Edit Ship the page' });
    await field(form, 'Description').fill('Two lines\nof description');
    await field(form, 'Metadata (JSON)').fill('{"sprint": 4, "labels": ["web"]');
    await field(form, 'Status').selectOption({ label: 'In progress' });
    await field(form, 'Assignee').selectOption({ label: 'Bob Builder' });
    await field(form, 'Team').selectOption({ label: 'Core' });
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('alert').filter({ hasText: /^Metadata is not valid JSON: / }).waitFor();
    const unchanged = await suite.server.db.pool.query('select description, metadata, status from app_public.tasks where title = $1', ['Ship the page']);
    expect(unchanged.rows).toEqual([{ description: '', metadata: {}, status: 'PENDING' }]);

    // The database's own refusal, as its message: metadata must be an object.
    await field(form, 'Metadata (JSON)').fill('[1, 2]');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('alert').filter({ hasText: 'Metadata is a JSON object of at most 64 KiB.' }).waitFor();

    await field(form, 'Metadata (JSON)').fill('{"sprint": 4, "labels": ["web"]}');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await waitFor(async () => (await shown(page, 'Status').textContent()) === 'In progress', 5000, 'the new status shown');
    expect(await shown(page, 'Description').textContent()).toBe('Two lines\nof description');
    expect(await shown(page, 'Assignee').textContent()).toBe('Bob Builder');
    expect(await shown(page, 'Team').textContent()).toBe('Core');
    expect(JSON.parse((await shown(page, 'Metadata').locator('pre').textContent())!)).toEqual({ sprint: 4, labels: ['web'] });
    const saved = await suite.server.db.pool.query('select description, metadata, status from app_public.tasks where title = $1', ['Ship the page']);
    expect(saved.rows).toEqual([{ description: 'Two lines\nof description', metadata: { sprint: 4, labels: ['web'] }, status: 'IN_PROGRESS' }]);

    // Names, not ids: the assignee and team by name; the description and metadata said, not dumped.
    await expectHistoryEntry(page, /Ann Admin changed .*the status to In progress/);
    const entry = (await historyTexts(page)).find((text) => text.includes('the status to In progress'))!;
    for (const part of ['the assignee to Bob Builder', 'the team to Core', 'the description', 'the metadata']) expect(entry).toContain(part);
    expect(entry).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);

    // A title the database refuses: its message beside the form.
    await page.getByRole('button', { name: 'Edit Ship the page' }).click();
    await field(form, 'Title').fill('   ');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('alert').filter({ hasText: 'A title has 1 to 500 characters and is not blank.' }).waitFor();
  });

  test('past the first 100 members and teams: editing keeps the assignee, on the task page and in the list; the history names them', async () => {
    // The selects list the organization's first 100 members; an assignee beyond them must still be the
    // select's value, or saving any other field would send the first option ("Nobody").
    const ann = await suite.tab();
    const { organizationId } = await organizationWith(ann.page, 'Ann Admin', 'crowd-co', 'Lee Member', 'Developer');
    const client = await suite.server.db.pool.connect();
    const crowd: string[] = [];
    try {
      const { rows: [developer] } = await client.query<{ id: string }>(`select id from app_public.roles where organization_id = $1 and name = 'Developer'`, [organizationId]);
      for (let i = 1; i <= 101; i++) {
        crowd.push(await createUser(client, `crowd-${i}@console.test`, `Crowd Member ${i}`));
        await addMember(client, organizationId, crowd[i - 1], developer.id);
      }
      await client.query(`insert into app_public.teams (organization_id, name) select $1, 'Team ' || lpad(i::text, 3, '0') from generate_series(1, 101) i`, [organizationId]);
    } finally {
      client.release();
    }
    const last = crowd[99];
    await suite.server.db.pool.query(`insert into app_public.tasks (organization_id, title, assignee_id) values ($1, 'Crowded', $2)`, [organizationId, last]);
    const stored = async () => (await suite.server.db.pool.query('select assignee_id, description, status from app_public.tasks where title = $1', ['Crowded'])).rows[0];
    const page = ann.page;

    await openTask(page, 'Crowded');
    await page.getByRole('button', { name: 'Edit Crowded' }).click();
    const form = page.getByRole('form', { name: 'Edit Crowded' });
    expect(await field(form, 'Assignee').locator('option:checked').textContent()).toBe('Crowd Member 100');
    await field(form, 'Description').fill('Still theirs');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await stored()).toEqual({ assignee_id: last, description: 'Still theirs', status: 'PENDING' });

    // A change to people and a team the page's first 100 leave out is told with their names.
    await suite.server.db.pool.query(
      `update app_public.tasks set assignee_id = $2, team_id = (select id from app_public.teams where organization_id = $3 and name = 'Team 101') where title = $1`,
      ['Crowded', crowd[98], organizationId],
    );
    await expectHistoryEntry(page, /^(?=.*the assignee to Crowd Member 99\b)(?=.*the team to Team 101\b)/);
    // A name whose lookup fails (here the request never reaches the server) is told as unread, not awaited forever.
    const lookup = '**/graphql';
    await page.route(lookup, (route) => (route.request().postData()?.includes('"operationName":"PersonName"') ? route.abort('failed') : route.fallback()));
    await suite.server.db.pool.query('update app_public.tasks set assignee_id = $2 where title = $1', ['Crowded', crowd[100]]);
    await expectHistoryEntry(page, /the assignee to someone \(the name could not be read\)/);
    await page.unroute(lookup);
    await suite.server.db.pool.query(`update app_public.tasks set assignee_id = $2, description = 'Back to theirs' where title = $1`, ['Crowded', last]);
    await expectHistoryEntry(page, /^(?=.*the assignee to Crowd Member 100\b)(?=.*the description)/);

    await page.goto('/tasks');
    await taskRow(page, 'Crowded').getByRole('button', { name: 'Edit Crowded' }).click();
    const row = page.getByRole('form', { name: 'Edit Crowded' });
    await field(row, 'Status').selectOption({ label: 'In progress' });
    await row.getByRole('button', { name: 'Save' }).click();
    await row.waitFor({ state: 'detached' });
    expect(await stored()).toEqual({ assignee_id: last, description: 'Back to theirs', status: 'IN_PROGRESS' });
  });

  test('dependencies: added by picking a task, followed by their links, a cycle refused with a message, removed after confirming', async () => {
    const ann = await suite.tab();
    await organizationWith(ann.page, 'Ann Links', 'links-co', 'Lee Linker', 'Developer');
    const page = ann.page;
    for (const title of ['Design', 'Build', 'Unrelated']) await addTask(page, title);
    await openTask(page, 'Build');
    expect(await page.getByText('No dependencies.').count()).toBe(1);

    const add = page.getByRole('form', { name: 'Add a dependency' });
    await field(add, 'Link').selectOption({ label: 'Blocked by' });
    await field(add, 'Find a task').fill('desi');
    await waitFor(async () => (await field(add, 'Task').locator('option').allTextContents()).join('|') === 'Design', 5000, 'the search to list Design alone');
    await add.getByRole('button', { name: 'Add dependency' }).click();
    const links = page.getByRole('list', { name: 'Dependencies' });
    await links.locator('li', { hasText: 'Blocked by' }).getByRole('link', { name: 'Design' }).waitFor();

    // Its link leads to the other task's page, which shows the link from its side.
    await links.getByRole('link', { name: 'Design' }).click();
    await page.getByRole('heading', { level: 1, name: 'Design' }).waitFor();
    await page.getByRole('list', { name: 'Dependencies' }).locator('li', { hasText: 'Blocks' }).getByRole('link', { name: 'Build' }).waitFor();

    // Design blocked by Build would close a cycle: refused by the database, said on the page.
    await field(add, 'Link').selectOption({ label: 'Blocked by' });
    await field(add, 'Task').selectOption({ label: 'Build' });
    await add.getByRole('button', { name: 'Add dependency' }).click();
    await add
      .getByRole('alert')
      .filter({ hasText: 'This dependency would make a BLOCKS cycle: “Build” already waits for “Design”, directly or through other tasks, so “Design” cannot also wait for it.' })
      .waitFor();
    const count = async () => (await suite.server.db.pool.query<{ n: number }>(`select count(*)::int as n from app_public.task_dependencies`)).rows[0].n;
    expect(await count()).toBe(1);

    // A plain link is no cycle.
    await field(add, 'Link').selectOption({ label: 'Relates to' });
    await field(add, 'Task').selectOption({ label: 'Unrelated' });
    await add.getByRole('button', { name: 'Add dependency' }).click();
    await page.getByRole('list', { name: 'Dependencies' }).locator('li', { hasText: 'Relates to' }).getByRole('link', { name: 'Unrelated' }).waitFor();
    expect(await count()).toBe(2);

    // Removing asks first; "Keep" keeps it.
    await page.getByRole('button', { name: 'Remove blocks Build' }).click();
    await page.getByRole('button', { name: 'Keep' }).click();
    expect(await count()).toBe(2);
    await page.getByRole('button', { name: 'Remove blocks Build' }).click();
    await page.getByRole('button', { name: 'Confirm removing the link blocks Build' }).click();
    await page.getByRole('link', { name: 'Build' }).waitFor({ state: 'detached' });
    expect(await count()).toBe(1);
    const { rows } = await suite.server.db.pool.query<{ type: string }>('select type from app_public.task_dependencies');
    expect(rows).toEqual([{ type: 'RELATES_TO' }]);
  });

  test("another user's change appears live, and their deletion is said, without a reload", async () => {
    const ann = await suite.tab();
    const { organizationId, member: bob } = await organizationWith(ann.page, 'Ann Live', 'live-page-co', 'Bob Elsewhere', 'Developer');
    await addTask(ann.page, 'Watched task');
    await openTask(ann.page, 'Watched task');
    const page = ann.page;
    const rowId = await taskIdOf('Watched task');
    // No navigation from here on: what changes, changes in this very document.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

    const as = { token: bob.accessToken, organizationId };
    const update = await gql(suite.server, UpdateTaskDetailDocument, { rowId, patch: { title: 'Watched and renamed', priority: 'CRITICAL' } }, as);
    expect(update.errors).toBeUndefined();
    await page.getByRole('heading', { level: 1, name: 'Watched and renamed' }).waitFor();
    await waitFor(async () => (await shown(page, 'Priority').textContent()) === 'Critical', 5000, 'the new priority');
    await expectHistoryEntry(page, /^.*Bob Elsewhere changed .*the priority to Critical/);
    await expectHistoryEntry(page, /Bob Elsewhere changed .*the title to “Watched and renamed”/);

    const deleted = await gql(suite.server, DeleteTaskRowDocument, { rowId }, as);
    expect(deleted.errors).toBeUndefined();
    await page.getByRole('alert').filter({ hasText: 'This task was deleted.' }).waitFor();
    expect(await page.getByRole('button', { name: /^Edit / }).count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  });

  test('a Viewer sees every field and the dependencies, and no control to edit, delete, add or remove', async () => {
    const ann = await suite.tab();
    const { member: vic } = await organizationWith(ann.page, 'Ann Owner', 'viewer-co', 'Vic Reader', 'Viewer');
    await addTask(ann.page, 'Read only', 'Low');
    await addTask(ann.page, 'Before it');
    await openTask(ann.page, 'Read only');
    const add = ann.page.getByRole('form', { name: 'Add a dependency' });
    await field(add, 'Task').selectOption({ label: 'Before it' });
    await add.getByRole('button', { name: 'Add dependency' }).click();
    await ann.page.getByRole('button', { name: 'Remove blocked by Before it' }).waitFor();
    // What the Admin is offered, the Viewer must not be.
    for (const name of ['Edit Read only', 'Delete task']) await ann.page.getByRole('button', { name }).waitFor();

    const viewer = await suite.tab();
    await signIn(viewer.page, vic.user.email);
    await openTask(viewer.page, 'Read only');
    const page = viewer.page;
    expect(await shown(page, 'Priority').textContent()).toBe('Low');
    await page.getByRole('list', { name: 'Dependencies' }).getByRole('link', { name: 'Before it' }).waitFor();
    await expectHistoryEntry(page, /Ann Owner created the task/);
    expect(await page.getByRole('button', { name: /^(Edit|Delete|Remove)/ }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Add a dependency' }).count()).toBe(0);
    expect(await page.getByRole('form').count()).toBe(0);
  });

  test('an unknown id says the task is not there', async () => {
    const { page } = await suite.tab();
    await signUp(page, 'Nora Nobody', 'nora@console.test');
    await createOrganization(page, 'Nora Co');
    await page.goto('/tasks/0190a0a0-0000-7000-8000-000000000000');
    await page.getByRole('heading', { name: 'Task not found' }).waitFor();
    await page.goto('/tasks/not-a-uuid');
    await page.getByRole('heading', { name: 'Task not found' }).waitFor();
  });
});
