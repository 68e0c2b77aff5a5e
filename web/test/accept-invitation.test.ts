// /invitations/accept?token=… in a real Chromium against the real server and worker: the page names who
// invites whom to what ("Dana invited you to Dana Studio as Developer"), from the token alone, to a
// visitor signed out and then signed in; a link whose token names no pending invitation says so.
import { expect, test } from 'vitest';
import { SendInvitationDocument } from '../../client/generated/graphql.ts';
import { addMember, createOrganization } from '../../db/tenant-data.ts';
import { gql, register } from '../../test/support/server.ts';
import { expectTitles, field, mailedLink, PASSWORD } from './driver.ts';
import { consoleSuite } from './setup.ts';

const suite = consoleSuite({ sameOriginOnly: true });

test('the accept page names the inviter, the organization and the role, signed out and signed in', async () => {
  const dana = await register(suite.server, 'Dana');
  const client = await suite.server.db.pool.connect();
  let organization: Awaited<ReturnType<typeof createOrganization>>;
  try {
    organization = await createOrganization(client, 'Dana Studio', 'dana-studio');
    await addMember(client, organization.id, dana.user.id, organization.roles.Admin);
    // Another organization with its own pending invitation, which the page must not mix in.
    const other = await createOrganization(client, 'Other Place', 'other-place');
    await client.query(
      `insert into app_public.invitations (organization_id, email, role_id, expires_at) values ($1, 'eve@console.test', $2, now() + interval '1 day')`,
      [other.id, other.roles.Admin],
    );
  } finally {
    client.release();
  }
  const sent = await gql(suite.server, SendInvitationDocument, { email: 'eve@console.test', roleId: organization.roles.Developer }, { token: dana.accessToken, organizationId: organization.id });
  expect(sent.errors).toBeUndefined();
  const link = await mailedLink(suite.server.worker!.outboxDir, 'eve@console.test', '/invitations/accept');

  const { page } = await suite.tab();
  await page.goto(link.pathname + link.search);
  const sentence = page.getByRole('status').filter({ hasText: 'Dana invited you to Dana Studio as Developer' });
  await sentence.waitFor();
  expect(await sentence.textContent()).toContain('The invitation was sent to eve@console.test');
  expect(await page.getByText(/Other Place|Admin/).count()).toBe(0);

  // Signed up with the invited address, back on the page: the same sentence, and accepting joins.
  await page.getByRole('link', { name: 'Create an account' }).click();
  await field(page, 'Name').fill('Eve Joiner');
  await field(page, 'E-mail').fill('eve@console.test');
  await field(page, 'Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/invitations\/accept\?token=/);
  await sentence.waitFor();
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await page.getByRole('heading', { name: 'Tasks' }).waitFor();
  await expectTitles(page, []);

  // Used now: the page says the link names no pending invitation (and accepting says why).
  await page.goto(link.pathname + link.search);
  await page.getByRole('status').filter({ hasText: 'This link does not name a pending invitation' }).waitFor();
  expect(await page.getByText('Dana invited you').count()).toBe(0);
});

test('a token that names nothing gets the same words, signed out', async () => {
  const { page } = await suite.tab();
  await page.goto('/invitations/accept?token=not-a-real-token-0123456789abcdef');
  await page.getByRole('status').filter({ hasText: 'This link does not name a pending invitation: it may have been used, withdrawn, or have expired.' }).waitFor();
  await page.getByRole('link', { name: 'Sign in to accept' }).waitFor();
});
