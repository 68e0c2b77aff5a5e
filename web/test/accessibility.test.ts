// axe-core on every page of the console, at 375, 768 and 1440 pixels, in the light and the dark colour
// scheme, in a real Chromium against the real server: no violation of WCAG 2.0–2.2 A and AA (2.2 AA
// includes target sizes) or of axe's best practices.
import axe from 'axe-core';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENS, SIGNED_IN_PAGES, SIGNED_OUT_PAGES, invitationPage, seedOrganization, seededTaskPage, visit } from './driver.ts';
import { consoleSuite } from './setup.ts';

// Every visit reloads the console, which renews its token: more than the default 30 a minute per session.
const suite = consoleSuite({ env: { RATE_LIMIT_REFRESH_PER_SESSION_PER_MINUTE: '600' } });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe's violations on the page as it is now: rule, impact, how many elements, and the first of them. */
async function violations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol rather than added as a <script>: the production CSP would
  // refuse an inline script, and the test should not depend on running without it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const results = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return results.violations.map((v) => `${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes[0]?.target.join(' ')}`);
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}

describe.each(['light', 'dark'] as const)('every page in the %s colour scheme', (colorScheme) => {
  test('has no axe violation at any of the three widths', async () => {
    const visitor = await suite.tab({ colorScheme });
    const admin = await suite.tab({ colorScheme });
    await seedOrganization(admin.page, suite.server.db.pool, { name: `Ally ${colorScheme}`, email: `ally.${colorScheme}@a11y.test` }, `A11y ${colorScheme}`);

    const signedIn = [...SIGNED_IN_PAGES, await seededTaskPage(suite.server.db.pool)];
    const signedOut = [...SIGNED_OUT_PAGES, await invitationPage(admin.page, suite.server.worker!.outboxDir, `invitee.${colorScheme}@a11y.test`)];
    const found: Record<string, string[]> = {};
    for (const screen of SCREENS) {
      for (const [tab, pages] of [
        [visitor, signedOut],
        [admin, signedIn],
      ] as const) {
        await tab.page.setViewportSize(screen);
        for (const target of pages) {
          await visit(tab.page, target);
          const seen = await violations(tab.page);
          if (seen.length) found[`${target.path} at ${screen.width}px`] = seen;
        }
      }
    }
    // On a narrow screen, also with the header's menu open.
    await admin.page.setViewportSize(SCREENS[0]);
    await visit(admin.page, SIGNED_IN_PAGES[0]);
    await admin.page.getByRole('button', { name: 'Menu', exact: true }).click();
    await admin.page.getByRole('navigation', { name: 'Pages', exact: true }).waitFor();
    const withMenu = await violations(admin.page);
    if (withMenu.length) found['/tasks at 375px, menu open'] = withMenu;

    expect(found).toEqual({});
  }, 180_000);
});
