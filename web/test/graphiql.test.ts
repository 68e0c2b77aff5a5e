// GraphiQL (development) in a real Chromium: a developer signs in and picks an organization in the page
// (server/graphql/graphiql-sign-in.ts), GraphiQL's requests carry the token and the organization, the token
// is renewed before it expires, a reload keeps the session, and signing out ends it. Access tokens live
// 30 s here (no clock tolerance), so the renewal runs for real.
import { beforeAll, expect, test } from 'vitest';
import * as D from '../../test/generated/graphql.ts';
import { gql, register, type Session } from '../../test/support/server.ts';
import { field, PASSWORD } from './driver.ts';
import { consoleSuite } from './setup.ts';

// The suite checks the tab after the test: no page error, no request to another origin.
const suite = consoleSuite({ env: { ACCESS_TOKEN_TTL_SECONDS: '30', JWT_CLOCK_TOLERANCE_SECONDS: '0' }, worker: false, sameOriginOnly: true });
let dev: Session;
let organizationId: string;
beforeAll(async () => {
  dev = await register(suite.server, 'Dev');
  const created = await gql(suite.server, D.CreateOrganizationDocument, { name: 'Playground', slug: 'playground' }, { token: dev.accessToken });
  organizationId = created.data!.createOrganization!.organization!.rowId;
  await gql(suite.server, D.CreateTaskDocument, { task: { title: 'Seen from GraphiQL' } }, { token: dev.accessToken, organizationId });
});

test('sign in, pick the organization, stay signed in past the token’s life and a reload, sign out', { timeout: 90_000 }, async () => {
  const tab = await suite.tab();
  const { page } = tab;
  // What GraphiQL's fetcher sends (the page's fetch to /graphql, no headers of its own).
  const ask = () =>
    page.evaluate(async () => {
      const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ currentUser { name } tasks(first: 5) { nodes { title } } }' }) });
      return response.json();
    });

  await page.goto('/graphiql');
  const panel = page.getByRole('form', { name: 'GraphiQL sign-in' });
  await field(panel, 'E-mail').fill(dev.user.email);
  await field(panel, 'Password').fill(PASSWORD);
  await panel.getByRole('button', { name: 'Sign in' }).click();
  await panel.getByRole('status').filter({ hasText: `Signed in as ${dev.user.email}` }).waitFor();
  await expect.poll(() => field(panel, 'Organization').inputValue()).toBe(organizationId);
  expect(await ask()).toEqual({ data: { currentUser: { name: 'Dev' }, tasks: { nodes: [{ title: 'Seen from GraphiQL' }] } } });

  // Past the first token's 30 s: renewed from the refresh cookie.
  await page.waitForTimeout(32_000);
  expect(tab.requests.filter((url) => url.endsWith('/auth/refresh')).length).toBeGreaterThanOrEqual(2);
  expect((await ask()).data?.currentUser).toEqual({ name: 'Dev' });

  await page.reload();
  await panel.getByRole('status').filter({ hasText: 'Signed in' }).waitFor();
  await expect.poll(async () => (await ask()).data?.currentUser).toEqual({ name: 'Dev' });

  await panel.getByRole('button', { name: 'Sign out' }).click();
  await panel.getByRole('status').filter({ hasText: 'Signed out' }).waitFor();
  const after = await ask();
  expect(after.data?.tasks ?? null).toBeNull();
  // Anonymous again: refused before it runs.
  expect(after.errors[0].extensions.code).toBe('PERMISSION_DENIED');
});
