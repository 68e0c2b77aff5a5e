// The console with the keyboard alone, in a real Chromium against the real server: after every step the
// focus is where a sighted user's eyes are (the field to type in next, the row just changed, the next row
// after a delete), never dropped on <body>. And what a Viewer is offered: nothing that deletes or grants.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { PASSWORD, SIGNED_IN_PAGES, seedOrganization, seededTaskPage, signUp, taskRow, visit, joinOrganization } from './driver.ts';
import { consoleSuite } from './setup.ts';

const suite = consoleSuite();

/** The focused element as "tag name": its aria-label, its label's text, else its own text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'body';
    const tag = element.tagName.toLowerCase();
    if (tag === 'main') return 'main';
    const name = element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? element.textContent ?? '';
    return `${tag} ${name.trim()}`;
  });

/** Waits until the focus is on `want` (a re-render may put it there a moment after the key). */
async function expectFocus(page: Page, want: string): Promise<void> {
  await expect.poll(() => focused(page), { timeout: 5000 }).toBe(want);
}

/** Presses Tab (or Shift+Tab) until `want` has the focus, as a keyboard user would. */
async function tabTo(page: Page, want: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  const passed: string[] = [];
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (now === want) return;
    passed.push(now);
  }
  throw new Error(`${want} never took the focus; ${key} went through ${passed.join(' → ')}`);
}

describe('the keyboard alone', () => {
  test('signs in, skips to the content, creates, edits and deletes a task, and invites a member', async () => {
    const admin = await suite.tab();
    await seedOrganization(admin.page, suite.server.db.pool, { name: 'Kai Keys', email: 'kai@keys.test' }, 'Keys Co');

    const { page } = await suite.tab();
    await page.goto('/signin');
    await page.getByRole('heading', { name: 'Sign in to rowgate' }).waitFor();
    await expectFocus(page, 'input E-mail');
    await page.keyboard.type('kai@keys.test');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Tasks' }).waitFor();

    // The first Tab offers the skip link; it leads past the header.
    await page.keyboard.press('Tab');
    await expectFocus(page, 'a Skip to main content');
    await page.keyboard.press('Enter');
    await expectFocus(page, 'main');

    // Create: the field is ready for the next task afterwards.
    await tabTo(page, 'input New task');
    await page.keyboard.type('Typed with keys');
    await page.keyboard.press('Enter');
    await taskRow(page, 'Typed with keys').waitFor();
    await expectFocus(page, 'input New task');

    // Edit: the focus goes into the row's first field; Escape and Save bring it back to the row's Edit.
    await tabTo(page, 'button Edit Typed with keys');
    await page.keyboard.press('Enter');
    await expectFocus(page, 'input Title');
    await page.keyboard.press('Escape');
    await page.getByRole('form', { name: 'Edit Typed with keys' }).waitFor({ state: 'detached' });
    await expectFocus(page, 'button Edit Typed with keys');
    await page.keyboard.press('Enter');
    await expectFocus(page, 'input Title');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Typed and edited with keys');
    await page.keyboard.press('Enter');
    await taskRow(page, 'Typed and edited with keys').waitFor();
    await expectFocus(page, 'button Edit Typed and edited with keys');

    // Delete asks first, with the focus on Confirm; Escape keeps the task and the focus where it was.
    await page.keyboard.press('Tab');
    await expectFocus(page, 'button Delete Typed and edited with keys');
    await page.keyboard.press('Enter');
    await expectFocus(page, 'button Confirm deleting Typed and edited with keys');
    await page.keyboard.press('Escape');
    await expectFocus(page, 'button Delete Typed and edited with keys');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await taskRow(page, 'Typed and edited with keys').waitFor({ state: 'detached' });
    // The newest task was first: the focus moves on to the next row's action.
    await expectFocus(page, 'button Edit Fix the login redirect bug');

    // Invite, through the navigation (behind the content, so backwards).
    await tabTo(page, 'a Members', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Members' }).waitFor();
    await tabTo(page, 'input E-mail address');
    await page.keyboard.type('kim@keys.test');
    await page.keyboard.press('Tab');
    await expectFocus(page, 'select Role');
    await page.keyboard.press('Tab');
    await expectFocus(page, 'button Send invitation');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Invitation sent to kim@keys.test.' }).waitFor();
    await expectFocus(page, 'input E-mail address');
    const { rows } = await suite.server.db.pool.query(`select r.name from app_public.invitations i join app_public.roles r on r.id = i.role_id where i.email = 'kim@keys.test'`);
    expect(rows).toEqual([{ name: 'Viewer' }]);
  }, 60_000);
});

describe('the task page with the keyboard alone', () => {
  test('Edit puts the focus in the form; Cancel and Save give it back to Edit', async () => {
    const admin = await suite.tab();
    await seedOrganization(admin.page, suite.server.db.pool, { name: 'Tia Tasks', email: 'tia@tasks.test' }, 'Task Keys');
    const target = await seededTaskPage(suite.server.db.pool);
    const { page } = admin;
    await visit(page, target);
    const edit = `button Edit ${target.heading}`;

    await tabTo(page, edit);
    await page.keyboard.press('Enter');
    await expectFocus(page, 'input Title');
    await tabTo(page, 'button Cancel');
    await page.keyboard.press('Enter');
    await expectFocus(page, edit);

    await page.keyboard.press('Enter');
    await expectFocus(page, 'input Title');
    await tabTo(page, 'textarea Description');
    await page.keyboard.type('Typed on the task page');
    await tabTo(page, 'button Save');
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: `Edit ${target.heading}` }).waitFor({ state: 'detached' });
    await expectFocus(page, edit);
  }, 60_000);
});

describe('a Viewer', () => {
  test('is offered nothing that creates, changes, deletes or grants, on any page', async () => {
    const admin = await suite.tab();
    await seedOrganization(admin.page, suite.server.db.pool, { name: 'Vera Admin', email: 'vera@viewer.test' }, 'Viewer Co');
    const viewer = await suite.tab();
    await signUp(viewer.page, 'Val Viewer', 'val@viewer.test');
    await joinOrganization(suite.server.db.pool, 'val@viewer.test', 'viewer-co', 'Viewer');

    const offered: Record<string, string[]> = {};
    for (const target of SIGNED_IN_PAGES.filter((p) => ['/tasks', '/teams', '/members', '/roles'].includes(p.path))) {
      await visit(viewer.page, target);
      const main = viewer.page.locator('main');
      const names = await main.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''));
      offered[target.path] = names.filter((name) => /^(Add|Create|Edit|Save|Delete|Remove|Revoke|Give|Send|Confirm)\b|^×$/.test(name.trim()));
      // The page shows its data, so "offered nothing" is about the controls, not an empty page.
      expect(await main.locator('tbody tr, form[aria-label^="Role "]').count(), target.path).toBeGreaterThan(0);
    }
    expect(offered).toEqual({ '/tasks': [], '/teams': [], '/members': [], '/roles': [] });
    // The same pages offer these to the Admin (the filter above would see them).
    await visit(admin.page, SIGNED_IN_PAGES[0]);
    expect(await admin.page.locator('main').getByRole('button', { name: /^Delete / }).count()).toBeGreaterThan(0);
  });
});
