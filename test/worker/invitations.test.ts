// Invitations end to end, on the real server with the in-process worker: inviteToOrganization mails a
// one-time token (one JSON file in the outbox), acceptInvitation by the addressee joins with the role,
// and every way a token can be wrong is refused with its documented code. The token and its hash never
// reach an API response, a column, or a log row.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  AcceptInvitationDocument,
  CreateOrganizationDocument,
  CurrentUserDocument,
  DeleteInvitationDocument,
  InvitationDocument,
  InvitationsAllFieldsDocument,
  InviteToOrganizationDocument,
} from '../generated/graphql.ts';
import { addMember } from '../../db/tenant-data.ts';
import { readWorkerConfig } from '../../worker/config.ts';
import { asActor, sqlState } from '../support/database.ts';
import { mailsTo, waitForMail } from '../support/mail.ts';
import { gql, http, register, startTestServer, type Session, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/worker.ts';

const DEVELOPER_PERMISSIONS = ['tasks:read', 'tasks:write', 'tasks:delete', 'tasks:assign', 'teams:read', 'users:read', 'roles:read'];

let server: TestServer;
let admin: Session;
let orgId: string;
let roles: Record<string, string>;
/** A second organization with its own admin, for cross-tenant checks. */
let other: { admin: Session; orgId: string; roles: Record<string, string> };

async function createOrg(owner: Session, slug: string) {
  const result = await gql(server, CreateOrganizationDocument, { name: `Org ${slug}`, slug }, { token: owner.accessToken });
  expect(result.errors).toBeUndefined();
  const id = result.data!.createOrganization!.organization!.rowId;
  const { rows } = await server.db.pool.query<{ id: string; name: string }>('select id, name from app_public.roles where organization_id = $1', [id]);
  return { id, roles: Object.fromEntries(rows.map((r) => [r.name, r.id])) };
}

/** Makes user a member of org with role, as the superuser (fixtures, not the behaviour under test). */
async function addAs(session: Session, organizationId: string, roleId: string) {
  const client = await server.db.pool.connect();
  try {
    await addMember(client, organizationId, session.user.id, roleId);
  } finally {
    client.release();
  }
}

async function invite(by: Session, organizationId: string, email: string, roleId: string) {
  return gql(server, InviteToOrganizationDocument, { email, roleId }, { token: by.accessToken, organizationId });
}

async function accept(by: Session | undefined, token: string) {
  return gql(server, AcceptInvitationDocument, { token }, { token: by?.accessToken });
}

async function permissionsIn(session: Session, organizationId: string): Promise<string[]> {
  const result = await gql(server, CurrentUserDocument, {}, { token: session.accessToken, organizationId });
  expect(result.errors).toBeUndefined();
  return [...(result.data?.currentUserPermissions ?? [])].sort();
}

/** The outbox's files but other mails (registration sends a verification mail to every new user). */
async function outboxFiles(): Promise<string[]> {
  const kept: string[] = [];
  for (const file of (await fs.readdir(server.worker!.outboxDir).catch(() => [] as string[])).sort()) {
    // Anything that is not a finished message stays in: the tests check that none is left behind.
    if (!file.endsWith('.json') || INVITATION.test(String(JSON.parse(await fs.readFile(path.join(server.worker!.outboxDir, file), 'utf8')).subject))) kept.push(file);
  }
  return kept;
}

const INVITATION = /You are invited to an organization/;

async function outboxMessagesTo(email: string): Promise<{ file: string; message: Record<string, unknown> }[]> {
  return (await mailsTo(server.worker!.outboxDir, email)).filter((mail) => INVITATION.test(mail.subject)).map(({ file, ...message }) => ({ file, message }));
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Waits for the invitation mail to `email`, and returns its message and the token in its text: the word
 * of the text whose SHA-256 is the hash the database keeps for that invitation.
 */
async function mailedToken(invitationId: string, email: string) {
  const [{ message }] = await waitFor(async () => {
    const messages = await outboxMessagesTo(email);
    return messages.length > 0 ? messages : undefined;
  }, 10_000, `invitation mail to ${email}`);
  const { rows } = await server.db.pool.query<{ token_hash: string }>(
    `select encode(token_hash, 'hex') as token_hash from app_private.invitation_secrets where invitation_id = $1`,
    [invitationId],
  );
  expect(rows).toHaveLength(1);
  const words = String(message.text).match(/[A-Za-z0-9_~.-]{16,}/g) ?? [];
  const token = words.find((word) => sha256Hex(word) === rows[0].token_hash);
  expect(token, `the mail's text holds the token: ${message.text}`).toBeDefined();
  return { message, token: token!, tokenHash: rows[0].token_hash };
}

/** Invites `invitee` into the main organization with role, and returns the invitation and mailed token. */
async function invited(invitee: Session, role: string) {
  const result = await invite(admin, orgId, invitee.user.email, roles[role]);
  expect(result.errors).toBeUndefined();
  const invitation = result.data!.inviteToOrganization!.result!;
  const { token } = await mailedToken(invitation.rowId, invitee.user.email);
  return { invitation, token };
}

function keysOf(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => keysOf(item, into));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      into.push(key);
      keysOf(item, into);
    }
  }
  return into;
}

beforeAll(async () => {
  server = await startTestServer({}, { worker: true });
  admin = await register(server, 'Admin');
  const org = await createOrg(admin, 'invitations-main');
  orgId = org.id;
  roles = org.roles;
  const otherAdmin = await register(server, 'Other Admin');
  const otherOrg = await createOrg(otherAdmin, 'invitations-other');
  other = { admin: otherAdmin, orgId: otherOrg.id, roles: otherOrg.roles };
});
afterAll(() => server?.close());

describe('the link in the mail', () => {
  test('starts where the server listens (npm start tells its worker), not at a fixed 127.0.0.1:4000', async () => {
    const invitee = await register(server, 'Linked');
    const { invitation } = await invited(invitee, 'Viewer');
    const { message, token } = await mailedToken(invitation.rowId, invitee.user.email);
    expect(server.url).not.toBe('http://127.0.0.1:4000');
    expect(String(message.text)).toContain(`Accept: ${server.url}/invitations/accept?token=${token}`);
  });

  test('starts with PUBLIC_URL when set; production requires it, and an http(s) URL', async () => {
    const elsewhere = await startTestServer({ PUBLIC_URL: 'https://rowgate.example/app/' }, { worker: true });
    try {
      const owner = await register(elsewhere, 'Owner');
      const created = await gql(elsewhere, CreateOrganizationDocument, { name: 'Linked', slug: 'linked' }, { token: owner.accessToken });
      const organizationId = created.data!.createOrganization!.organization!.rowId;
      const { rows: [viewer] } = await elsewhere.db.pool.query<{ id: string }>(`select id from app_public.roles where organization_id = $1 and name = 'Viewer'`, [organizationId]);
      const sent = await gql(elsewhere, InviteToOrganizationDocument, { email: 'someone@example.test', roleId: viewer.id }, { token: owner.accessToken, organizationId });
      expect(sent.errors).toBeUndefined();
      const { text } = await waitForMail(elsewhere.worker!.outboxDir, 'someone@example.test', INVITATION);
      expect(text).toMatch(/Accept: https:\/\/rowgate\.example\/app\/invitations\/accept\?token=\S+/);
    } finally {
      await elsewhere.close();
    }
    const production = { NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example:25' };
    expect(() => readWorkerConfig(production)).toThrow(/PUBLIC_URL is required in production/);
    expect(() => readWorkerConfig({ ...production, PUBLIC_URL: 'rowgate.example' })).toThrow(/PUBLIC_URL must be an absolute http\(s\) URL/);
    expect(() => readWorkerConfig({ ...production, PUBLIC_URL: 'ftp://rowgate.example' })).toThrow(/PUBLIC_URL must be an http\(s\) URL/);
    expect(readWorkerConfig({ ...production, PUBLIC_URL: 'https://rowgate.example/' }).publicUrl).toBe('https://rowgate.example');
  });
});

describe('inviting and accepting', () => {
  test('an Admin invites; the invitation comes back without any token; one JSON mail holds the token; the invitee joins with the role', async () => {
    const bob = await register(server, 'Bob');
    const filesBefore = await outboxFiles();
    const result = await invite(admin, orgId, bob.user.email, roles.Developer);
    expect(result.errors).toBeUndefined();
    const invitation = result.data!.inviteToOrganization!.result!;
    expect(invitation).toMatchObject({
      organizationId: orgId,
      email: bob.user.email,
      roleId: roles.Developer,
      invitedById: admin.user.id,
      acceptedAt: null,
      acceptedById: null,
    });
    expect(new Date(invitation.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const { message, token, tokenHash } = await mailedToken(invitation.rowId, bob.user.email);
    // Exactly one new file, complete JSON (no temporary file left), with the documented shape.
    const newFiles = (await outboxFiles()).filter((file) => !filesBefore.includes(file));
    expect(newFiles).toHaveLength(1);
    expect(newFiles[0]).toMatch(/\.json$/);
    expect(await outboxMessagesTo(bob.user.email)).toHaveLength(1);
    expect(message).toEqual({ to: bob.user.email, subject: expect.any(String), text: expect.stringContaining(token), ...(message.html ? { html: expect.any(String) } : {}) });
    expect(String(message.subject)).not.toContain(token);

    // Neither the token nor its hash is in the response, under any key.
    const responseText = JSON.stringify(result);
    expect(responseText).not.toContain(token);
    expect(responseText).not.toContain(tokenHash);
    expect(keysOf(result).filter((key) => /token|hash|secret/i.test(key))).toEqual([]);

    // Not a member before accepting.
    expect(await permissionsIn(bob, orgId)).toEqual([]);

    const accepted = await accept(bob, token);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptInvitation!.result).toMatchObject({ rowId: orgId, slug: 'invitations-main' });
    expect(await permissionsIn(bob, orgId)).toEqual([...DEVELOPER_PERMISSIONS].sort());

    // The admin sees it accepted by Bob.
    const list = await gql(server, InvitationsAllFieldsDocument, {}, { token: admin.accessToken, organizationId: orgId });
    const seen = list.data!.invitations!.nodes.find((node) => node!.rowId === invitation.rowId);
    expect(seen).toMatchObject({ acceptedById: bob.user.id, acceptedAt: expect.any(String) });

    // Reuse, by the same user: refused as used, and nothing changes.
    const again = await accept(bob, token);
    expect(again.errors?.[0]?.extensions?.code).toBe('INVITATION_USED');
    expect(again.data?.acceptInvitation ?? null).toBeNull();
    expect(await permissionsIn(bob, orgId)).toEqual([...DEVELOPER_PERMISSIONS].sort());
  });

  test('a token addressed to someone else is refused exactly like a random one, and stays usable by its addressee', async () => {
    const carol = await register(server, 'Carol');
    const dave = await register(server, 'Dave');
    const { invitation, token } = await invited(carol, 'Viewer');

    const stolen = await accept(dave, token);
    const random = await accept(dave, randomBytes(32).toString('hex'));
    const empty = await accept(dave, '');
    for (const refused of [stolen, random, empty]) {
      expect(refused.errors?.[0]?.extensions?.code).toBe('INVITATION_INVALID');
      expect(refused.data?.acceptInvitation ?? null).toBeNull();
    }
    expect(stolen.errors!.map(({ message, extensions }) => ({ message, extensions }))).toEqual(
      random.errors!.map(({ message, extensions }) => ({ message, extensions })),
    );
    expect(await permissionsIn(dave, orgId)).toEqual([]);

    // Dave's attempt did not use it up.
    const accepted = await accept(carol, token);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptInvitation!.result!.rowId).toBe(orgId);
    expect(await permissionsIn(carol, orgId)).toEqual(['roles:read', 'tasks:read', 'teams:read', 'users:read']);
    const { rows } = await server.db.pool.query('select accepted_by_id from app_public.invitations where id = $1', [invitation.rowId]);
    expect(rows).toEqual([{ accepted_by_id: carol.user.id }]);
  });

  test('the addressee matches regardless of the case and spaces the inviter typed', async () => {
    const erin = await register(server, 'Erin');
    const result = await invite(admin, orgId, `  ${erin.user.email.toUpperCase()} `, roles.Viewer);
    expect(result.errors).toBeUndefined();
    const invitation = result.data!.inviteToOrganization!.result!;
    expect(invitation.email).toBe(erin.user.email);
    const { token } = await mailedToken(invitation.rowId, erin.user.email);
    const accepted = await accept(erin, token);
    expect(accepted.errors).toBeUndefined();
  });

  test('an expired token is refused as expired and joins nothing', async () => {
    const frank = await register(server, 'Frank');
    const { invitation, token } = await invited(frank, 'Developer');
    await server.db.pool.query(`update app_public.invitations set expires_at = now() - interval '1 minute' where id = $1`, [invitation.rowId]);
    const result = await accept(frank, token);
    expect(result.errors?.[0]?.extensions?.code).toBe('INVITATION_EXPIRED');
    expect(result.data?.acceptInvitation ?? null).toBeNull();
    expect(await permissionsIn(frank, orgId)).toEqual([]);
    const { rows } = await server.db.pool.query('select accepted_at from app_public.invitations where id = $1', [invitation.rowId]);
    expect(rows).toEqual([{ accepted_at: null }]);
  });

  test('an anonymous request cannot accept, and the invitation stays unused', async () => {
    const gina = await register(server, 'Gina');
    const { invitation, token } = await invited(gina, 'Viewer');
    const result = await accept(undefined, token);
    expect(result.status === 401 || (result.errors?.length ?? 0) > 0, `status ${result.status}`).toBe(true);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_AUTHENTICATED');
    expect(result.data?.acceptInvitation ?? null).toBeNull();
    const { rows } = await server.db.pool.query('select accepted_at from app_public.invitations where id = $1', [invitation.rowId]);
    expect(rows).toEqual([{ accepted_at: null }]);
    expect((await accept(gina, token)).errors).toBeUndefined();
  });

  test('an anonymous accept is refused as not signed in (401 or NOT_AUTHENTICATED, docs/error-codes.md RG401)', async () => {
    const result = await accept(undefined, randomBytes(32).toString('hex'));
    const code = result.errors?.[0]?.extensions?.code;
    expect(result.status === 401 || code === 'NOT_AUTHENTICATED', `status ${result.status}, ${JSON.stringify(result.errors)}`).toBe(true);
    expect(code).toBe('NOT_AUTHENTICATED');
  });

  test("an existing member's mailed invitation is refused as ALREADY_MEMBER: no extra role, and it stays unused", async () => {
    const hank = await register(server, 'Hank');
    await addAs(hank, orgId, roles.Viewer);
    const { invitation, token } = await invited(hank, 'Developer');
    const accepted = await accept(hank, token);
    expect(accepted.errors?.[0]?.extensions?.code).toBe('ALREADY_MEMBER');
    expect(await permissionsIn(hank, orgId)).toEqual(['roles:read', 'tasks:read', 'teams:read', 'users:read']);
    const { rows } = await server.db.pool.query('select accepted_at from app_public.invitations where id = $1', [invitation.rowId]);
    expect(rows).toEqual([{ accepted_at: null }]);
  });
});

describe('who may invite', () => {
  test('Developer and Viewer (no users:invite) are refused with PERMISSION_DENIED; nothing is stored or mailed', async () => {
    for (const role of ['Developer', 'Viewer']) {
      const member = await register(server, role);
      await addAs(member, orgId, roles[role]);
      const email = `not-invited-${role.toLowerCase()}-${randomUUID()}@example.test`;
      const result = await invite(member, orgId, email, roles.Viewer);
      expect(result.errors?.[0]?.extensions?.code, role).toBe('PERMISSION_DENIED');
      expect(result.data?.inviteToOrganization ?? null).toBeNull();
      const { rows } = await server.db.pool.query('select count(*)::int as n from app_public.invitations where email = $1', [email]);
      expect(rows).toEqual([{ n: 0 }]);
    }
  });

  test('a custom role holding only users:invite may invite, with a role it holds (the permission decides, not the Admin role)', async () => {
    const { rows } = await server.db.pool.query<{ id: string }>(
      `insert into app_public.roles (organization_id, name, permissions) values ($1, 'Inviter', array['users:invite']) returning id`,
      [orgId],
    );
    const inviter = await register(server, 'Inviter');
    await addAs(inviter, orgId, rows[0].id);
    const result = await invite(inviter, orgId, `by-inviter-${randomUUID()}@example.test`, rows[0].id);
    expect(result.errors).toBeUndefined();
    expect(result.data!.inviteToOrganization!.result!.invitedById).toBe(inviter.user.id);
  });

  test('without X-Organization-Id, or naming an organization one is not a member of, inviting is refused', async () => {
    const email = `nowhere-${randomUUID()}@example.test`;
    const noHeader = await gql(server, InviteToOrganizationDocument, { email, roleId: roles.Viewer }, { token: admin.accessToken });
    expect(noHeader.errors?.[0]?.extensions?.code).toBe('ORGANIZATION_REQUIRED');
    const foreign = await invite(admin, other.orgId, email, other.roles.Viewer);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('PERMISSION_DENIED');
    const { rows } = await server.db.pool.query('select count(*)::int as n from app_public.invitations where email = $1', [email]);
    expect(rows).toEqual([{ n: 0 }]);
  });

  test("a role of another organization is NOT_FOUND, exactly like a random id, and nothing is stored", async () => {
    const email = `wrong-role-${randomUUID()}@example.test`;
    const foreignRole = await invite(admin, orgId, email, other.roles.Admin);
    const randomRole = await invite(admin, orgId, email, randomUUID());
    for (const result of [foreignRole, randomRole]) {
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(result.data?.inviteToOrganization ?? null).toBeNull();
    }
    expect(foreignRole.errors!.map(({ message, extensions }) => ({ message, extensions }))).toEqual(
      randomRole.errors!.map(({ message, extensions }) => ({ message, extensions })),
    );
    const { rows } = await server.db.pool.query('select count(*)::int as n from app_public.invitations where email = $1', [email]);
    expect(rows).toEqual([{ n: 0 }]);
  });
});

describe('reading invitations', () => {
  test('only holders of users:invite see them, and only their own organization’s', async () => {
    const ivan = await register(server, 'Ivan');
    const { invitation } = await invited(ivan, 'Viewer');
    const otherInvitee = await register(server, 'Judy');
    const otherInvitation = await invite(other.admin, other.orgId, otherInvitee.user.email, other.roles.Viewer);
    expect(otherInvitation.errors).toBeUndefined();
    const otherId = otherInvitation.data!.inviteToOrganization!.result!.rowId;

    const seenBy = async (session: Session, organizationId: string | undefined) => {
      const list = await gql(server, InvitationsAllFieldsDocument, {}, { token: session.accessToken, organizationId });
      expect(list.errors).toBeUndefined();
      return list.data!.invitations!.nodes.map((node) => node!.rowId);
    };
    const mine = await seenBy(admin, orgId);
    expect(mine).toContain(invitation.rowId);
    expect(mine).not.toContain(otherId);
    const { rows } = await server.db.pool.query<{ id: string }>('select id from app_public.invitations where organization_id = $1 order by id', [orgId]);
    expect([...mine].sort()).toEqual(rows.map((r) => r.id).sort());

    expect(await seenBy(other.admin, other.orgId)).toEqual([otherId]);
    // A member of the other organization naming this one (not a member here) sees nothing.
    expect(await seenBy(other.admin, orgId)).toEqual([]);
    // An admin without the header is told to name the organization.
    const unnamed = await gql(server, InvitationsAllFieldsDocument, {}, { token: admin.accessToken });
    expect(unnamed.errors?.map((e) => e.extensions?.code)).toEqual(['ORGANIZATION_REQUIRED']);
    for (const role of ['Developer', 'Viewer']) {
      const member = await register(server, `${role} Reader`);
      await addAs(member, orgId, roles[role]);
      expect(await seenBy(member, orgId), role).toEqual([]);
      const single = await gql(server, InvitationDocument, { rowId: invitation.rowId }, { token: member.accessToken, organizationId: orgId });
      expect(single.errors).toBeUndefined();
      expect(single.data?.invitation ?? null).toBeNull();
    }
    const single = await gql(server, InvitationDocument, { rowId: otherId }, { token: admin.accessToken, organizationId: orgId });
    expect(single.data?.invitation ?? null).toBeNull();
  });
});

describe('the token stays in the database', () => {
  test('no GraphQL type or field exposes a token, its hash or the secrets table', async () => {
    const response = await http(server, 'POST', '/graphql', {
      body: { query: 'query Types { __schema { types { name fields { name } inputFields { name } } } }' },
    });
    expect(response.status).toBe(200);
    const types = (response.body as { data: { __schema: { types: { name: string; fields: { name: string }[] | null; inputFields: { name: string }[] | null }[] } } })
      .data.__schema.types;
    expect(types.map((t) => t.name).filter((name) => /secret/i.test(name))).toEqual([]);
    const invitation = types.find((t) => t.name === 'Invitation')!;
    expect(invitation.fields!.map((f) => f.name).filter((name) => /token|hash|secret/i.test(name))).toEqual([]);
    for (const name of ['InviteToOrganizationPayload', 'AcceptInvitationPayload']) {
      const type = types.find((t) => t.name === name)!;
      expect(type.fields!.map((f) => f.name).filter((field) => /token|hash|secret/i.test(field)), name).toEqual([]);
    }
    // The only input taking a token is acceptInvitation's; no output field anywhere is called like a token hash.
    for (const type of types) {
      for (const field of [...(type.fields ?? []), ...(type.inputFields ?? [])]) {
        expect(`${type.name}.${field.name}`).not.toMatch(/tokenHash|token_hash|secret/i);
      }
    }
  });

  test('no column an API role can read holds a token hash; the secrets and the job payloads are out of reach', async () => {
    const { rows: columns } = await server.db.pool.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
       where table_schema = 'app_public' and (column_name ~* 'token|secret' or data_type = 'bytea')`,
    );
    expect(columns).toEqual([]);
    const actor = { role: 'app_user' as const, userId: admin.user.id, organizationId: orgId };
    await asActor(server.db.pool, actor, async (client) => {
      expect(await sqlState(client, () => client.query('select token_hash from app_private.invitation_secrets'))).toBe('42501');
      expect(await sqlState(client, () => client.query('select payload from graphile_worker._private_jobs'))).toBe('42501');
    });
  });

  test("the invitation's audit row records the change without the token", async () => {
    const kim = await register(server, 'Kim');
    const { invitation, token } = await invited(kim, 'Viewer');
    const { rows } = await server.db.pool.query<{ hash: string }>(
      `select encode(token_hash, 'hex') as hash from app_private.invitation_secrets where invitation_id = $1`,
      [invitation.rowId],
    );
    const row = await waitFor(
      async () =>
        (await server.db.pool.query(`select * from app_public.audit_logs where resource_id = $1 and action = 'invitation.created'`, [invitation.rowId]))
          .rows[0],
      10_000,
      'audit row of the invitation',
    );
    expect(row).toMatchObject({ organization_id: orgId, actor_id: admin.user.id, resource_type: 'invitation' });
    const text = JSON.stringify(row);
    expect(text).not.toContain(token);
    expect(text).not.toContain(rows[0].hash);
  });
});

describe('not a mail relay', () => {
  let tight: TestServer;
  beforeAll(async () => {
    tight = await startTestServer(
      { INVITE_MAX_PER_SENDER_PER_HOUR: '4', INVITE_MAX_PER_ORGANIZATION_PER_HOUR: '6', INVITE_MAX_PER_ADDRESS_PER_DAY: '2', INVITE_MAX_PENDING_PER_ORGANIZATION: '3' },
      { worker: true },
    );
  });
  afterAll(() => tight?.close());

  /** A new admin of a new organization on the tight server, named as asked. */
  async function sender(name = 'Sender', organizationName = `Org ${randomUUID().slice(0, 8)}`) {
    const session = await register(tight, name);
    const created = await gql(tight, CreateOrganizationDocument, { name: organizationName, slug: `relay-${randomUUID().slice(0, 8)}` }, { token: session.accessToken });
    const id = created.data!.createOrganization!.organization!.rowId;
    const { rows } = await tight.db.pool.query<{ id: string }>(`select id from app_public.roles where organization_id = $1 and name = 'Viewer'`, [id]);
    return { session, organizationId: id, viewer: rows[0].id };
  }
  const inviteOn = (from: Awaited<ReturnType<typeof sender>>, email: string) =>
    gql(tight, InviteToOrganizationDocument, { email, roleId: from.viewer }, { token: from.session.accessToken, organizationId: from.organizationId });
  const code = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.map((e) => e.extensions?.code);
  const address = () => `target-${randomUUID().slice(0, 8)}@example.test`;
  const invitationsTo = async (email: string) => (await tight.db.pool.query('select 1 from app_public.invitations where email = $1', [email])).rowCount;

  test('a sender past INVITE_MAX_PENDING_PER_ORGANIZATION pending invitations is refused (LIMIT_REACHED) until one is withdrawn', async () => {
    const from = await sender();
    const sent = [];
    for (let i = 0; i < 3; i += 1) {
      const result = await inviteOn(from, address());
      expect(code(result)).toBeUndefined();
      sent.push(result.data!.inviteToOrganization!.result!.rowId);
    }
    const email = address();
    expect(code(await inviteOn(from, email))).toEqual(['LIMIT_REACHED']);
    expect(await invitationsTo(email)).toBe(0);
    const withdrawn = await gql(tight, DeleteInvitationDocument, { rowId: sent[0] }, { token: from.session.accessToken, organizationId: from.organizationId });
    expect(withdrawn.errors).toBeUndefined();
    expect(code(await inviteOn(from, email))).toBeUndefined();
  });

  test('one sender, across all their organizations, gets INVITE_MAX_PER_SENDER_PER_HOUR an hour (RATE_LIMITED), nothing written or mailed past it', async () => {
    const first = await sender();
    const second = await sender();
    // The first sender is an admin of the second organization too.
    const adminRole = (await tight.db.pool.query<{ id: string }>(`select id from app_public.roles where organization_id = $1 and name = 'Admin'`, [second.organizationId])).rows[0].id;
    const client = await tight.db.pool.connect();
    try {
      await addMember(client, second.organizationId, first.session.user.id, adminRole);
    } finally {
      client.release();
    }
    const asFirstInSecond = { ...second, session: first.session };
    for (let i = 0; i < 3; i += 1) expect(code(await inviteOn(first, address()))).toBeUndefined();
    expect(code(await inviteOn(asFirstInSecond, address()))).toBeUndefined();
    const email = address();
    const refused = await inviteOn(asFirstInSecond, email);
    expect(code(refused)).toEqual(['RATE_LIMITED']);
    expect(refused.errors![0].message).toMatch(/as many invitations as an hour allows/);
    expect(await invitationsTo(email)).toBe(0);
    // Another sender of the same organization still may.
    expect(code(await inviteOn(second, address()))).toBeUndefined();
  });

  test('one address gets INVITE_MAX_PER_ADDRESS_PER_DAY invitations a day, whoever sends them', async () => {
    const email = address();
    for (let i = 0; i < 2; i += 1) expect(code(await inviteOn(await sender(), email))).toBeUndefined();
    expect(code(await inviteOn(await sender(), email))).toEqual(['RATE_LIMITED']);
    expect(await invitationsTo(email)).toBe(2);
  });

  test('300 invitations in a burst from one organization: a handful are sent, the rest refused, none fails otherwise', async () => {
    const from = await sender();
    // Twenty at a time: one address may not hold 300 connections (HTTP_MAX_CONNECTIONS_PER_IP).
    const codes: string[] = [];
    let started = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (started < 300) {
          started += 1;
          codes.push(code(await inviteOn(from, address()))?.[0] ?? 'sent');
        }
      }),
    );
    expect(codes).toHaveLength(300);
    expect(codes.filter((c) => c === 'sent').length).toBeLessThanOrEqual(3);
    expect(new Set(codes)).toEqual(new Set(['sent', 'RATE_LIMITED', 'LIMIT_REACHED'].filter((c) => codes.includes(c))));
    expect(codes.every((c) => ['sent', 'RATE_LIMITED', 'LIMIT_REACHED'].includes(c))).toBe(true);
  });

  test("member-written names cannot make the mail read as rowgate's own: fixed subject, quoted one-line names, links defanged", async () => {
    // (The budgets above are per sender and organization: this sender is new.)
    const organizationName = 'Your account is LOCKED\nSign in at https://evil.example/login or rowgate-support.example.com';
    const from = await sender('Security Team <security@rowgate.example>', organizationName);
    const email = address();
    expect(code(await inviteOn(from, email))).toBeUndefined();
    // Any mail to the address (its subject is checked below); a message still being written is not read.
    const message = await waitForMail(tight.worker!.outboxDir, email, /./);
    expect(message.subject).toBe('You are invited to an organization on rowgate');
    const text = String(message.text);
    // One line, cut at 80 characters, the link defanged.
    expect(text).toContain('Organization: “Your account is LOCKED Sign in at https[:]//evil[.]example/login or rowgate-support…”');
    expect(text).toContain('Invited by: “Security Team <security@rowgate[.]example>”');
    expect(text).toMatch(/not by rowgate/);
    expect(text).not.toMatch(/https:\/\/evil|evil\.example|example\.com/);
  });
});
