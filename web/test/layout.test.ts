// Every page of the console on a phone, a tablet and a laptop, in a real Chromium against the real server:
// the page never scrolls sideways (wide tables scroll in their own box), the header stays small, and the
// page's main action is on the first screen. On narrow screens the header folds behind a Menu button.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENS, SIGNED_IN_PAGES, SIGNED_OUT_PAGES, invitationPage, seedOrganization, seededTaskPage, visit, type ConsolePage } from './driver.ts';
import { consoleSuite } from './setup.ts';

// Every visit reloads the console, which renews its token: more than the default 30 a minute per session.
const suite = consoleSuite({ env: { RATE_LIMIT_REFRESH_PER_SESSION_PER_MINUTE: '600' } });

/** What a page looks like on the first screen, measured by the browser. */
async function measure(page: Page, target: ConsolePage) {
  // A button, or a link styled as one (the invitation's "Sign in to accept").
  const primary = target.primary
    ? page.getByRole('button', { name: target.primary, exact: true }).or(page.getByRole('link', { name: target.primary, exact: true }))
    : undefined;
  const box = primary ? await primary.boundingBox() : null;
  const screen = await page.evaluate(() => ({
    width: innerWidth,
    height: innerHeight,
    scrollWidth: document.scrollingElement!.scrollWidth,
    header: document.querySelector('header')?.getBoundingClientRect().height ?? 0,
  }));
  return {
    page: target.path,
    sidewaysScroll: screen.scrollWidth > screen.width,
    headerShare: screen.header / screen.height,
    primaryOnFirstScreen: primary ? box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= screen.width && box.y + box.height <= screen.height : undefined,
  };
}

const expected = (target: ConsolePage) => ({ page: target.path, sidewaysScroll: false, headerShare: expect.any(Number), primaryOnFirstScreen: target.primary ? true : undefined });

describe('every page at 375, 768 and 1440 pixels wide', () => {
  test('no sideways scroll, a small header, the main action on the first screen', async () => {
    const visitor = await suite.tab();
    for (const screen of SCREENS) {
      await visitor.page.setViewportSize(screen);
      for (const target of SIGNED_OUT_PAGES) {
        await visit(visitor.page, target);
        expect(await measure(visitor.page, target), `${target.path} at ${screen.width}px`).toEqual(expected(target));
      }
    }

    const { page } = await suite.tab();
    await seedOrganization(page, suite.server.db.pool, { name: 'Lee Layout', email: 'lee@layout.test' }, 'Layout Co');
    const signedIn = [...SIGNED_IN_PAGES, await seededTaskPage(suite.server.db.pool)];
    // The page an invitation's mailed link opens, as the invitee sees it signed out.
    const invitation = await invitationPage(page, suite.server.worker!.outboxDir, 'invitee@layout.test');
    for (const screen of SCREENS) {
      await visitor.page.setViewportSize(screen);
      await visit(visitor.page, invitation);
      expect(await measure(visitor.page, invitation), `the invitation at ${screen.width}px`).toEqual(expected(invitation));
    }
    for (const screen of SCREENS) {
      await page.setViewportSize(screen);
      for (const target of signedIn) {
        await visit(page, target);
        const measured = await measure(page, target);
        expect(measured, `${target.path} at ${screen.width}px`).toEqual(expected(target));
        expect(measured.headerShare, `the header of ${target.path} at ${screen.width}px`).toBeLessThanOrEqual(0.12);
      }
    }
  }, 120_000);
});

describe('the header on a narrow screen', () => {
  test('folds behind a Menu button that the keyboard opens and Escape closes, giving the focus back', async () => {
    const { page } = await suite.tab();
    await seedOrganization(page, suite.server.db.pool, { name: 'Max Menu', email: 'max@layout.test' }, 'Menu Co');
    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    const pages = page.getByRole('navigation', { name: 'Pages', exact: true });

    await page.setViewportSize(SCREENS[0]);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await pages.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Sign out', exact: true }).isVisible()).toBe(false);

    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await pages.getByRole('link', { name: 'Members' }).waitFor();
    await page.keyboard.press('Tab'); // into the menu: the organization switcher
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('organization-switcher');
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await pages.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Menu');

    // Following a link closes the menu and puts the focus on the page it opened, not on the hidden link.
    await menu.click();
    await pages.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('heading', { name: 'Members' }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // Wide: the bar shows everything and the button is gone.
    await page.setViewportSize(SCREENS[2]);
    expect(await menu.isVisible()).toBe(false);
    expect(await pages.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Sign out', exact: true }).isVisible()).toBe(true);
  });
});
