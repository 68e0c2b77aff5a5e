// The web console in a real Chromium, against the real server with its worker (npm test builds web/dist
// first). Access tokens live 30 s here (no clock tolerance), so the renewal paths run for real.
import { describe, expect, test } from 'vitest';
import { waitFor } from '../../test/support/worker.ts';
import { addTask, createOrganization, expectTitles, field, mailedLink, signIn, signUp, taskRow, joinOrganization } from './driver.ts';
import { consoleSuite } from './setup.ts';

const ACCESS_TOKEN_TTL_SECONDS = 30;

const suite = consoleSuite({ env: { ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS), JWT_CLOCK_TOLERANCE_SECONDS: '0' }, sameOriginOnly: true });

describe('a new user', () => {
  test('signs up, creates an organization, and creates, filters, edits and deletes tasks', async () => {
    const { page } = await suite.tab();
    await page.goto('/');
    await page.waitForURL(/\/signin/);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await field(page, 'Name').fill('Ada Admin');
    await field(page, 'E-mail').fill('ada@console.test');
    await field(page, 'Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('link', { name: 'Create an organization' }).click();
    await field(page, 'Name').fill('Acme Labs');
    expect(await field(page, 'Slug (its short name in links)').inputValue()).toBe('acme-labs');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('heading', { name: 'Tasks' }).waitFor();

    await addTask(page, 'Fix login bug', 'High');
    await addTask(page, 'Write docs', 'Low');
    await addTask(page, 'Debug worker', 'Medium');
    await expectTitles(page, ['Fix login bug', 'Write docs', 'Debug worker']);
    await page.getByText('3 tasks').waitFor();

    const filters = page.getByRole('form', { name: 'Filter tasks' });
    await field(filters, 'Title contains').fill('BUG');
    await expectTitles(page, ['Fix login bug', 'Debug worker']);
    await field(filters, 'Priority').selectOption({ label: 'High' });
    await expectTitles(page, ['Fix login bug']);
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await expectTitles(page, ['Fix login bug', 'Write docs', 'Debug worker']);
    await field(filters, 'Sort').selectOption({ label: 'Most urgent' });
    await waitFor(async () => (await page.locator('table.tasks tbody th').first().textContent()) === 'Fix login bug', 5000, 'the most urgent task first');

    // Edit: title and status.
    await page.getByRole('button', { name: 'Edit Write docs' }).click();
    const edit = page.getByRole('form', { name: 'Edit Write docs' });
    await field(edit, 'Title').fill('Write the docs');
    await field(edit, 'Status').selectOption({ label: 'Completed' });
    await edit.getByRole('button', { name: 'Save' }).click();
    await taskRow(page, 'Write the docs').getByText('Completed').waitFor();
    await field(filters, 'Status').selectOption({ label: 'Completed' });
    await expectTitles(page, ['Write the docs']);
    await filters.getByRole('button', { name: 'Clear filters' }).click();

    // Delete, after confirming.
    await page.getByRole('button', { name: 'Delete Debug worker' }).click();
    await page.getByRole('button', { name: 'Confirm deleting Debug worker' }).click();
    await expectTitles(page, ['Fix login bug', 'Write the docs']);

    // A value the database refuses: its message, beside the form.
    const create = page.getByRole('form', { name: 'Create a task' });
    await field(create, 'New task').fill('   ');
    await create.getByRole('button', { name: 'Add task' }).click();
    await create.getByRole('alert').filter({ hasText: 'A title has 1 to 500 characters and is not blank.' }).waitFor();

    const { rows } = await suite.server.db.pool.query(
      `select t.title, t.status from app_public.tasks t join app_public.organizations o on o.id = t.organization_id where o.slug = 'acme-labs' order by t.title`,
    );
    expect(rows).toEqual([
      { title: 'Fix login bug', status: 'PENDING' },
      { title: 'Write the docs', status: 'COMPLETED' },
    ]);
  });

  test('works with the keyboard alone, with a visible focus', async () => {
    const { page } = await suite.tab();
    await signUp(page, 'Kay Keys', 'kay@console.test');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    await page.getByRole('heading', { name: 'Sign in to rowgate' }).waitFor();
    // The e-mail field has the focus on arrival; Tab moves to the password, then to the button.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('email');
    await page.keyboard.type('kay@console.test');
    await page.keyboard.press('Tab');
    await page.keyboard.type('correct horse battery');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      return { text: element.textContent, outline: getComputedStyle(element).outlineStyle };
    });
    expect(focused).toEqual({ text: 'Sign in', outline: 'solid' });
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  });
});

describe('invitations', () => {
  test('an Admin invites a Viewer by e-mail; the link signs them up first, then accepts; the Viewer sees tasks and no edit controls', async () => {
    const admin = await suite.tab();
    await signUp(admin.page, 'Ivy Inviter', 'ivy@console.test');
    await createOrganization(admin.page, 'Invite Co');
    await addTask(admin.page, 'Visible to viewers');
    await admin.page.getByRole('link', { name: 'Members' }).click();
    const invite = admin.page.getByRole('form', { name: 'Invite someone' });
    await field(invite, 'E-mail address').fill('vic@console.test');
    await field(invite, 'Role').selectOption({ label: 'Viewer' });
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await admin.page.getByRole('status').filter({ hasText: 'Invitation sent to vic@console.test.' }).waitFor();
    await admin.page.locator('tr[data-invitation="vic@console.test"]').getByText(/^Pending until/).waitFor();

    const link = await mailedLink(suite.server.worker!.outboxDir, 'vic@console.test', '/invitations/accept');
    // The mail's link as it is: it points at this server (PUBLIC_URL unset: where it listens).
    expect(link.origin).toBe(new URL(suite.server.url).origin);
    expect(link.pathname).toBe('/invitations/accept');
    expect(link.searchParams.get('token')).toMatch(/^\S{16,}$/);

    const viewer = await suite.tab();
    await viewer.page.goto(link.href);
    await viewer.page.getByRole('link', { name: 'Create an account' }).click();
    await field(viewer.page, 'Name').fill('Vic Viewer');
    await field(viewer.page, 'E-mail').fill('vic@console.test');
    await field(viewer.page, 'Password').fill('correct horse battery');
    await viewer.page.getByRole('button', { name: 'Create account' }).click();
    await viewer.page.waitForURL(/\/invitations\/accept\?token=/);
    await viewer.page.getByRole('button', { name: 'Accept invitation' }).click();
    await viewer.page.getByRole('heading', { name: 'Tasks' }).waitFor();
    await expectTitles(viewer.page, ['Visible to viewers']);

    // What a Viewer holds decides what is offered: no create form, no Edit or Delete, no admin pages.
    expect(await viewer.page.getByRole('form', { name: 'Create a task' }).count()).toBe(0);
    expect(await viewer.page.getByRole('button', { name: /^(Edit|Delete) / }).count()).toBe(0);
    expect(await viewer.page.getByRole('navigation', { name: 'Pages' }).getByRole('link').allTextContents()).toEqual(['Tasks', 'Teams', 'Members', 'Roles', 'New organization']);
    // The invitation is used: opening the link again is refused with the API's message.
    await viewer.page.goto(link.pathname + link.search);
    await viewer.page.getByRole('button', { name: 'Accept invitation' }).click();
    await viewer.page.getByRole('alert').filter({ hasText: 'This invitation was already used' }).waitFor();

    await admin.page.reload();
    await admin.page.locator('tr[data-invitation="vic@console.test"]').getByText('Accepted').waitFor();
    await admin.page.locator('tbody th', { hasText: 'Vic Viewer' }).waitFor();
  });

  test('roles: an Admin creates a role from the catalog, gives it to a member, and the access page shows what it grants', async () => {
    const admin = await suite.tab();
    await signUp(admin.page, 'Rita Roles', 'rita@console.test');
    await createOrganization(admin.page, 'Roles Co');
    await admin.page.getByRole('link', { name: 'Roles' }).click();
    const role = admin.page.getByRole('form', { name: 'New role' });
    await field(role, 'Role name').fill('Triager');
    await role.getByRole('checkbox', { name: 'tasks:read' }).check();
    await role.getByRole('checkbox', { name: 'tasks:write' }).check();
    await role.getByRole('button', { name: 'Create role' }).click();
    const triager = admin.page.getByRole('form', { name: 'Role Triager' });
    await triager.waitFor();
    expect(await triager.getByRole('checkbox', { name: 'tasks:write' }).isChecked()).toBe(true);
    expect(await triager.getByRole('checkbox', { name: 'tasks:delete' }).isChecked()).toBe(false);
    // A system role is shown, never editable.
    expect(await admin.page.getByRole('form', { name: 'Role Admin' }).getByRole('checkbox', { name: 'tasks:read' }).isDisabled()).toBe(true);
    // A name already taken: the API's message.
    await field(role, 'Role name').fill('Viewer');
    await role.getByRole('button', { name: 'Create role' }).click();
    await role.getByRole('alert').waitFor();
    expect(await role.getByRole('alert').textContent()).not.toMatch(/constraint|duplicate|roles_/);

    await admin.page.getByRole('link', { name: 'Access' }).click();
    const mine = admin.page.locator('tr', { has: admin.page.getByRole('rowheader', { name: 'Rita Roles' }) });
    await mine.getByLabel('Rita Roles may audit:read').waitFor();

    await admin.page.getByRole('link', { name: 'Members' }).click();
    // Choosing a role grants nothing, by mouse or by arrow keys: only the button, once confirmed, does.
    const choose = admin.page.getByLabel('Choose a role for Rita Roles');
    await choose.focus();
    for (let i = 0; i < 3; i++) await admin.page.keyboard.press('ArrowDown');
    await choose.selectOption({ label: 'Triager' });
    await admin.page.getByRole('button', { name: 'Give role Triager to Rita Roles' }).click();
    const granted = async () => (await suite.server.db.pool.query(`select count(*)::int as n from app_public.user_roles ur join app_public.users u on u.id = ur.user_id where u.email = 'rita@console.test'`)).rows[0].n;
    expect(await granted()).toBe(1);
    expect(await admin.page.locator('.chip').count()).toBe(1);
    await admin.page.getByRole('button', { name: 'Confirm giving Rita Roles the role Triager' }).click();
    await admin.page.locator('.chip', { hasText: 'Triager' }).waitFor();
    // The focus goes back to the choice, not to the page.
    expect(await admin.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Choose a role for Rita Roles');
    expect(await granted()).toBe(2);
    await admin.page.getByRole('button', { name: 'Remove role Triager from Rita Roles' }).click();
    await admin.page.getByRole('button', { name: 'Confirm taking the role Triager from Rita Roles' }).click();
    await admin.page.locator('.chip', { hasText: 'Triager' }).waitFor({ state: 'detached' });
    // An invitation offers the least-privileged role until another is chosen (never Admin by default).
    const invite = admin.page.getByRole('form', { name: 'Invite someone' });
    await expect.poll(async () => field(invite, 'Role').locator('option:checked').textContent()).toBe('Viewer');
  });
});

describe('nothing destructive on one click', () => {
  test('deleting a team or a role and removing a team member each ask first, and Keep keeps them', async () => {
    const { page } = await suite.tab();
    await signUp(page, 'Cal Careful', 'cal@console.test');
    await createOrganization(page, 'Careful Co');
    await page.goto('/teams');
    await field(page, 'New team').fill('Keepers');
    await page.getByRole('button', { name: 'Add team' }).click();
    await page.getByLabel('Add a member to Keepers').selectOption({ label: 'Cal Careful' });
    await page.locator('.chip', { hasText: 'Cal Careful' }).waitFor();
    const count = async (sql: string) => (await suite.server.db.pool.query(sql)).rows[0].n as number;
    const teamMembers = () => count(`select count(*)::int as n from app_public.team_memberships tm join app_public.teams t on t.id = tm.team_id where t.name = 'Keepers'`);
    const teams = () => count(`select count(*)::int as n from app_public.teams where name = 'Keepers'`);

    await page.getByRole('button', { name: 'Remove Cal Careful from Keepers' }).click();
    await page.getByRole('button', { name: 'Delete team Keepers' }).click();
    expect([await teamMembers(), await teams()]).toEqual([1, 1]);
    await page.getByRole('button', { name: 'Confirm removing Cal Careful from Keepers' }).click();
    await page.locator('.chip', { hasText: 'Cal Careful' }).waitFor({ state: 'detached' });
    expect(await teamMembers()).toBe(0);
    await page.getByRole('button', { name: 'Confirm deleting the team Keepers' }).click();
    await page.getByRole('rowheader', { name: 'Keepers' }).waitFor({ state: 'detached' });
    expect(await teams()).toBe(0);

    await page.goto('/roles');
    const role = page.getByRole('form', { name: 'New role' });
    await field(role, 'Role name').fill('Temporary');
    await role.getByRole('checkbox', { name: 'tasks:read' }).check();
    await role.getByRole('button', { name: 'Create role' }).click();
    await page.getByRole('button', { name: 'Delete Temporary' }).click();
    await page.getByRole('button', { name: 'Keep' }).click();
    expect(await count(`select count(*)::int as n from app_public.roles where name = 'Temporary'`)).toBe(1);
    await page.getByRole('button', { name: 'Delete Temporary' }).click();
    await page.getByRole('button', { name: 'Confirm deleting the role Temporary' }).click();
    await page.getByRole('form', { name: 'Role Temporary' }).waitFor({ state: 'detached' });
    expect(await count(`select count(*)::int as n from app_public.roles where name = 'Temporary'`)).toBe(0);
  });
});

describe('live updates', () => {
  test('two browsers on one organization: each sees the other\'s changes without reloading', async () => {
    const ann = await suite.tab();
    await signUp(ann.page, 'Ann Live', 'ann.live@console.test');
    await createOrganization(ann.page, 'Live Co');
    const bob = await suite.tab();
    await signUp(bob.page, 'Bob Live', 'bob.live@console.test');
    await joinOrganization(suite.server.db.pool, 'bob.live@console.test', 'live-co', 'Developer');
    await bob.page.goto('/tasks');
    await bob.page.getByRole('heading', { name: 'Tasks' }).waitFor();
    await expectTitles(bob.page, []);

    await addTask(ann.page, 'Made by Ann');
    await expectTitles(bob.page, ['Made by Ann']);
    await addTask(bob.page, 'Made by Bob');
    await expectTitles(ann.page, ['Made by Ann', 'Made by Bob']);

    await bob.page.getByRole('button', { name: 'Edit Made by Ann' }).click();
    const edit = bob.page.getByRole('form', { name: 'Edit Made by Ann' });
    await field(edit, 'Status').selectOption({ label: 'In progress' });
    await edit.getByRole('button', { name: 'Save' }).click();
    await taskRow(ann.page, 'Made by Ann').getByText('In progress').waitFor();

    await ann.page.getByRole('button', { name: 'Delete Made by Bob' }).click();
    await ann.page.getByRole('button', { name: 'Confirm deleting Made by Bob' }).click();
    await expectTitles(bob.page, ['Made by Ann']);
  });
});

describe('live updates across a token expiry', () => {
  test('the server closes the socket at the access token\'s exp (4401); the list subscribes again and stays live', async () => {
    const watcher = await suite.tab();
    const sockets: string[] = [];
    watcher.page.on('websocket', (socket) => {
      sockets.push('opened');
      socket.on('close', () => sockets.push('closed'));
    });
    await signUp(watcher.page, 'Wes Watcher', 'wes@console.test');
    await createOrganization(watcher.page, 'Expiry Co');
    await addTask(watcher.page, 'Before the expiry');
    const writer = await suite.tab();
    await signIn(writer.page, 'wes@console.test');

    // The first socket carries the token of its connection; the server ends it at that token's exp.
    await waitFor(async () => sockets.includes('closed'), (ACCESS_TOKEN_TTL_SECONDS + 10) * 1000, 'the server to close the socket at the token\'s exp');
    await addTask(writer.page, 'After the expiry');
    await expectTitles(watcher.page, ['Before the expiry', 'After the expiry']);
    expect(sockets.filter((s) => s === 'opened').length).toBeGreaterThanOrEqual(2);
  }, 90_000);
});

describe('sessions', () => {
  test('sign out ends the session: the refresh cookie is gone and the session is revoked in the database', async () => {
    const { page, context } = await suite.tab();
    await signUp(page, 'Sam Out', 'sam@console.test');
    const cookie = (await context.cookies()).find((c) => c.name === 'rowgate_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/auth' });
    expect(await page.evaluate(() => document.cookie)).toBe(''); // no script can read it

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    expect((await context.cookies()).find((c) => c.name === 'rowgate_refresh')).toBeUndefined();
    const { rows } = await suite.server.db.pool.query(
      `select s.revoked_at is not null as revoked from app_private.sessions s join app_public.users u on u.id = s.user_id where u.email = 'sam@console.test'`,
    );
    expect(rows).toEqual([{ revoked: true }]);
    await page.goto('/tasks');
    await page.waitForURL(/\/signin\?next=%2Ftasks/);
  });

  test('a reload keeps the user signed in (the refresh cookie), and another tab shares the session', async () => {
    const first = await suite.tab();
    await signUp(first.page, 'Rae Reload', 'rae@console.test');
    await first.page.reload();
    await first.page.getByRole('button', { name: 'Sign out' }).waitFor();
    const second = await first.context.newPage();
    await second.goto('/tasks');
    await second.getByRole('button', { name: 'Sign out' }).waitFor();
    await second.close();
  });

  test('an expired access token is renewed on the next request, unnoticed; signing out with one still ends the session', async () => {
    const { page } = await suite.tab();
    const sleeper = await suite.tab();
    // Timers are frozen, so the renewal scheduled at three quarters of the lifetime cannot run first; on
    // the teams page no WebSocket is open, whose close at the token's expiry would renew it too.
    for (const each of [page, sleeper.page]) await each.clock.install();
    await page.goto('/signin?next=%2Fteams');
    await field(page, 'E-mail').fill('ada@console.test');
    await field(page, 'Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Teams' }).waitFor();
    // A new user, in no organization yet: no WebSocket either.
    await signUp(sleeper.page, 'Sol Sleeper', 'sol@console.test');
    for (const each of [page, sleeper.page]) await each.clock.pauseAt(Date.now() + 1000);
    await new Promise((resolve) => setTimeout(resolve, (ACCESS_TOKEN_TTL_SECONDS + 2) * 1000));
    // Listening only now: the page's own first requests, however late on a busy machine, are answered.
    const responses: string[] = [];
    page.on('response', (response) => responses.push(`${response.status()} ${new URL(response.url()).pathname}`));
    const form = page.getByRole('form', { name: 'Create a team' });
    await field(form, 'New team').fill('After the token expired');
    await form.getByRole('button', { name: 'Add team' }).click();
    await page.getByRole('rowheader', { name: 'After the token expired' }).waitFor();
    expect(page.url()).toMatch(/\/teams$/);
    // The refused request, the renewal, and the same request again, accepted.
    expect(responses.slice(0, 3)).toEqual(['401 /graphql', '200 /auth/refresh', '200 /graphql']);
    await page.clock.resume();

    // The other tab slept past its token too: its sign-out ends the session by the refresh cookie.
    await sleeper.page.getByRole('button', { name: 'Sign out' }).click();
    await sleeper.page.waitForURL(/\/signin/);
    expect((await sleeper.context.cookies()).find((c) => c.name === 'rowgate_refresh')).toBeUndefined();
    const { rows } = await suite.server.db.pool.query(
      `select s.revoked_at is not null as revoked from app_private.sessions s join app_public.users u on u.id = s.user_id where u.email = 'sol@console.test'`,
    );
    expect(rows).toEqual([{ revoked: true }]);
    await sleeper.page.clock.resume();
  }, 90_000);

  test('a sign-out the server does not confirm is said, and the user stays signed in', async () => {
    const { page } = await suite.tab();
    await signUp(page, 'Fay Fail', 'fay@console.test');
    // The database refuses to end sessions by refresh token for a moment.
    await suite.server.db.pool.query('revoke execute on function app_auth.logout_with_refresh_token(bytea) from app_anonymous');
    try {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('alert').filter({ hasText: 'Could not sign out' }).waitFor();
      expect(page.url()).not.toMatch(/\/signin/);
    } finally {
      await suite.server.db.pool.query('grant execute on function app_auth.logout_with_refresh_token(bytea) to app_anonymous');
    }
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
  });
});

describe('every page', () => {
  test('an Admin reaches each page from the navigation, each with its heading', async () => {
    const { page } = await suite.tab();
    await signIn(page, 'ada@console.test');
    const nav = page.getByRole('navigation', { name: 'Pages' });
    for (const [link, heading] of [
      ['Tasks', 'Tasks'],
      ['Teams', 'Teams'],
      ['Members', 'Members'],
      ['Roles', 'Roles'],
      ['Access', 'Access'],
      ['Audit log', 'Audit log'],
    ]) {
      await nav.getByRole('link', { name: link }).click();
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
    }
    // The audit log of Acme Labs: the worker's entries, with the chain verified.
    await page.getByRole('status').filter({ hasText: /^Chain verified: \d+ entries/ }).waitFor();
    await page.getByRole('rowheader', { name: 'Task created' }).first().waitFor();
    await page.goto('/no-such-page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  });
});
