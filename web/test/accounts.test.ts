// The console's account pages in a real Chromium against the real server and worker: the mailed links
// (reset, verify) opened as a person opens them, sessions ended from another browser, and the refresh
// back-off when a session's refresh budget runs out.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer } from '../../test/support/server.ts';
import { PASSWORD, field, mailedLink, signIn, signUp } from './driver.ts';
import { consoleSuite } from './setup.ts';

const suite = consoleSuite();

const signOutButton = (page: Page) => page.getByRole('button', { name: 'Sign out', exact: true });

async function signInWith(page: Page, email: string, password: string): Promise<void> {
  await field(page, 'E-mail').fill(email);
  await field(page, 'Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('a forgotten password', () => {
  test('is reset from the mailed link; the new password signs in, the old one no longer does', async () => {
    const email = 'fay@accounts.test';
    const { page } = await suite.tab();
    await signUp(page, 'Fay Forgot', email);
    const elsewhere = await suite.tab();
    await signIn(elsewhere.page, email);
    await signOutButton(page).click();
    await page.waitForURL(/\/signin/);

    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await field(page, 'E-mail').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    // The neutral answer, or (to say why when it is not) whatever refusal the page shows instead.
    const answer = page.getByRole('status').or(page.getByRole('alert'));
    await answer.first().waitFor();
    expect(await answer.first().textContent()).toContain('If this address has an account, a mail is on its way');

    const link = await mailedLink(suite.server.worker!.outboxDir, email, '/reset-password');
    expect(link.origin).toBe(new URL(suite.server.url).origin);
    await page.goto(link.href);
    await field(page, 'New password').fill('a brand new secret');
    await field(page, 'Repeat the new password').fill('a different secret');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('alert').filter({ hasText: 'The two passwords differ.' }).waitFor();
    await field(page, 'Repeat the new password').fill('a brand new secret');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('status').filter({ hasText: 'every session of your account was signed out' }).waitFor();
    await elsewhere.page.reload();
    await elsewhere.page.waitForURL(/\/signin/);

    // The link works once: opened again, the API's refusal and a way to ask again.
    await page.goto(link.href);
    await field(page, 'New password').fill('yet another secret');
    await field(page, 'Repeat the new password').fill('yet another secret');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('alert').filter({ hasText: 'This reset link is unknown, used or expired' }).waitFor();
    await page.getByRole('link', { name: 'Ask for a new reset link' }).waitFor();

    await page.goto('/signin');
    await signInWith(page, email, PASSWORD);
    await page.getByRole('alert').filter({ hasText: 'Wrong e-mail address or password' }).waitFor();
    await signInWith(page, email, 'a brand new secret');
    await signOutButton(page).waitFor();
  });
});

describe('the e-mail address', () => {
  test('a new user sees the unverified banner; the mailed link verifies; the banner is gone after a reload', async () => {
    const email = 'vera@accounts.test';
    const { page, requests } = await suite.tab();
    await signUp(page, 'Vera Verify', email);
    const banner = page.getByRole('region', { name: 'E-mail address not verified' });
    await banner.waitFor();
    const link = await mailedLink(suite.server.worker!.outboxDir, email, '/verify-email');

    // Resending answers with the neutral message (no second mail within a minute: the link above stays good).
    await banner.getByRole('button', { name: 'Resend verification mail' }).click();
    await banner.getByRole('status').filter({ hasText: 'If this address has an account, a mail is on its way' }).waitFor();

    await page.goto(link.href);
    await page.getByRole('status').filter({ hasText: 'Your e-mail address is verified.' }).waitFor();
    await page.getByRole('link', { name: 'Go to the console' }).click();
    await signOutButton(page).waitFor();
    await page.reload();
    await signOutButton(page).waitFor();
    await page.getByRole('heading', { name: /Welcome|New organization/ }).first().waitFor();
    expect(await banner.count()).toBe(0);

    // A used link says so. Each load posted the token once.
    await page.goto(link.href);
    await page.getByRole('alert').filter({ hasText: 'This verification link is unknown, used or expired' }).waitFor();
    expect(requests.filter((url) => new URL(url).pathname === '/auth/verify-email')).toHaveLength(2);
    const { rows } = await suite.server.db.pool.query(
      `select count(*)::int as n from app_private.user_secrets s join app_public.users u on u.id = s.user_id where u.email = $1 and s.email_verified_at is not null`,
      [email],
    );
    expect(rows[0].n).toBe(1);
  });
});

describe('the account page', () => {
  test('ends another browser\'s session, then every other one, then all', async () => {
    const email = 'sam@accounts.test';
    const a = await suite.tab();
    await signUp(a.page, 'Sam Sessions', email);
    const b = await suite.tab();
    await signIn(b.page, email);

    await a.page.getByRole('link', { name: 'Account', exact: true }).click();
    await a.page.getByRole('heading', { name: 'Your account' }).waitFor();
    const rows = a.page.locator('table.sessions tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const mine = a.page.locator('table.sessions tbody tr[data-current]');
    await mine.getByText('This session').waitFor();

    // B's session: asked first, then ended; the list reads again.
    const other = a.page.locator('table.sessions tbody tr:not([data-current])');
    await other.getByRole('button', { name: /^Sign out the session of/ }).click();
    await other.getByRole('button', { name: /^Confirm signing out the session of/ }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await a.page.locator('table.security-events tr[data-kind="session_ended"]').first().waitFor();

    // B's next request meets its ended session and the tab goes to sign in.
    await b.page.reload();
    await b.page.waitForURL(/\/signin/);

    // Everywhere else: a third browser is signed out, this one stays signed in (after a reload too).
    const c = await suite.tab();
    await signIn(c.page, email);
    await a.page.reload();
    await expect.poll(() => rows.count()).toBe(2);
    await a.page.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await a.page.getByRole('button', { name: 'Confirm signing out every other session' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await c.page.reload();
    await c.page.waitForURL(/\/signin/);
    await a.page.reload();
    await a.page.getByRole('heading', { name: 'Your account' }).waitFor();
    await expect.poll(() => rows.count()).toBe(1);

    // Everywhere: this tab too.
    await a.page.getByRole('button', { name: 'Sign out everywhere', exact: true }).click();
    await a.page.getByRole('button', { name: 'Confirm signing out every session, this one too' }).click();
    await a.page.waitForURL(/\/signin/);
    await a.page.reload();
    await a.page.getByRole('heading', { name: 'Sign in to rowgate' }).waitFor();
    const { rows: live } = await suite.server.db.pool.query(
      `select count(*)::int as n from app_private.sessions s join app_public.users u on u.id = s.user_id where u.email = $1 and s.revoked_at is null`,
      [email],
    );
    expect(live[0].n).toBe(0);
  });

  test('renames the user and changes the password, which signs the other sessions out', async () => {
    const email = 'pat@accounts.test';
    const a = await suite.tab();
    await signUp(a.page, 'Pat Password', email);
    const b = await suite.tab();
    await signIn(b.page, email);

    await a.page.goto('/account');
    const profile = a.page.getByRole('form', { name: 'Profile' });
    await field(profile, 'Name').fill('Pat Renamed');
    await profile.getByRole('button', { name: 'Save name' }).click();
    await profile.getByRole('status').filter({ hasText: 'Your name is saved.' }).waitFor();
    await a.page.locator('header .who').getByText('Pat Renamed').waitFor();

    const password = a.page.getByRole('form', { name: 'Change password' });
    await field(password, 'Current password').fill('not my password');
    await field(password, 'New password').fill('another good secret');
    await password.getByRole('button', { name: 'Change password' }).click();
    await password.getByRole('alert').filter({ hasText: 'The current password is wrong' }).waitFor();
    await field(password, 'Current password').fill(PASSWORD);
    await password.getByRole('button', { name: 'Change password' }).click();
    await password.getByRole('status').filter({ hasText: 'Every other session of your account was signed out.' }).waitFor();

    await b.page.reload();
    await b.page.waitForURL(/\/signin/);
    await a.page.reload();
    await a.page.getByRole('heading', { name: 'Your account' }).waitFor();
    await a.page.locator('table.security-events tr[data-kind="password_changed"]').waitFor();
  });
});

describe('the refresh budget', () => {
  test('a tab over its session\'s refresh budget waits and retries instead of signing out', async () => {
    const limited = await startTestServer({ RATE_LIMIT_REFRESH_PER_SESSION_PER_MINUTE: '2' });
    try {
      const { page } = await suite.tab({ on: limited });
      const refreshes: number[] = [];
      page.on('response', (response) => {
        if (new URL(response.url()).pathname === '/auth/refresh') refreshes.push(response.status());
      });
      const visited: string[] = [];
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) visited.push(new URL(frame.url()).pathname);
      });
      // The page's timers are Playwright's, so the minute the tab waits (Retry-After) passes at once.
      await page.clock.install();
      await signUp(page, 'Reo Reload', 'reo@accounts.test');
      // Within the budget (two refreshes a minute, the sign-up's token counted): two reloads sign in again.
      for (let i = 0; i < 2; i++) {
        await page.reload();
        await signOutButton(page).waitFor();
      }
      // The third is over it: 429 with Retry-After. A minute later (the server's clock moved back, the
      // page's fast-forwarded) the tab retries and is signed in, never having been sent to sign in.
      const limitedAnswer = page.waitForResponse((response) => new URL(response.url()).pathname === '/auth/refresh' && response.status() === 429);
      await page.reload();
      expect(Number((await limitedAnswer).headers()['retry-after'])).toBeGreaterThan(0);
      await limited.db.pool.query(`update app_private.refresh_tokens set created_at = created_at - interval '61 seconds'`);
      await page.clock.fastForward(61_000);
      await signOutButton(page).waitFor();
      // The budget was met (a 429), and still the tab never went to sign in.
      expect(refreshes).toContain(429);
      expect(refreshes.at(-1)).toBe(200);
      expect(visited).not.toContain('/signin');
    } finally {
      await suite.closeTabs();
      await limited.close();
    }
  }, 60_000);
});
