// What the console offers follows the user's permissions while the tab stays open, in two real browsers
// against the real server: an Admin makes a Developer a Viewer, and the Developer's open tab stops offering
// to create, edit or delete, without a reload. The database decides either way; this is what is shown.
import { describe, expect, test } from 'vitest';
import { addTask, seedOrganization, signUp, taskRow, joinOrganization } from './driver.ts';
import { consoleSuite } from './setup.ts';

const suite = consoleSuite();

describe('a role changed while the tab is open', () => {
  test("a Developer made a Viewer loses Add task, Edit and Delete within seconds, without a reload", async () => {
    const admin = await suite.tab();
    await seedOrganization(admin.page, suite.server.db.pool, { name: 'Pat Admin', email: 'pat@live.test' }, 'Live Perms');
    const developer = await suite.tab();
    await signUp(developer.page, 'Dev Eloper', 'dev@live.test');
    const userId = await joinOrganization(suite.server.db.pool, 'dev@live.test', 'live-perms', 'Developer');

    const page = developer.page;
    await page.goto('/tasks');
    await addTask(page, 'Made while a Developer');
    await taskRow(page, 'Made while a Developer').getByRole('button', { name: 'Edit Made while a Developer' }).waitFor();
    // Marks this document: a reload would lose it.
    await page.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true));

    // The Admin, in the console: Viewer given, Developer taken away, each confirmed.
    await admin.page.goto('/members');
    await admin.page.getByLabel('Choose a role for Dev Eloper').selectOption({ label: 'Viewer' });
    await admin.page.getByRole('button', { name: 'Give role Viewer to Dev Eloper' }).click();
    await admin.page.getByRole('button', { name: 'Confirm giving Dev Eloper the role Viewer' }).click();
    await admin.page.getByRole('button', { name: 'Remove role Developer from Dev Eloper' }).click();
    await admin.page.getByRole('button', { name: 'Confirm taking the role Developer from Dev Eloper' }).click();
    await admin.page.locator(`tr[data-member="${userId}"] .chip`, { hasText: 'Developer' }).waitFor({ state: 'detached' });
    const changedAt = Date.now();

    await page.getByRole('button', { name: 'Add task', exact: true }).waitFor({ state: 'detached', timeout: 20_000 });
    const after = Date.now() - changedAt;
    expect(after, 'milliseconds until the open tab stopped offering Add task').toBeLessThan(8000);
    expect(await page.getByRole('button', { name: /^(Edit|Delete) / }).count()).toBe(0);
    // Still reading, in the same document.
    await taskRow(page, 'Made while a Developer').waitFor();
    expect(await page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded)).toBe(true);
    // What the page now shows is what the database holds.
    const { rows } = await suite.server.db.pool.query(
      `select array_agg(r.name) as roles from app_public.user_roles ur join app_public.roles r on r.id = ur.role_id where ur.user_id = $1`,
      [userId],
    );
    expect(rows).toEqual([{ roles: ['Viewer'] }]);
  });
});
