// app_public.invitation_by_token (migration 000035): the accept page's "Dana invited you to Dana Studio as
// Developer". The token's holder, signed in or not, reads the organization's, role's and inviter's names,
// the address and the expiry of a pending invitation, and nothing else; a wrong, used, expired or
// withdrawn token gets the same null. Two organizations hold invitations, so "nothing" means something.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addMember, createSession, createUser } from '../../db/tenant-data.ts';
import { anonymous, asActor, becomeActor, createTestDatabase, inTransaction, sqlState, type Actor, type TestDatabase } from '../support/database.ts';
import { createTenants, member, type Tenants } from '../support/tenants.ts';

let db: TestDatabase;
let t: Tenants;

const TOKENS = {
  a: 'a-pending-0123456789abcdef0123456789abcdef',
  b: 'b-pending-0123456789abcdef0123456789abcdef',
  expired: 'a-expired-0123456789abcdef0123456789abcdef',
  accepted: 'a-accepted-0123456789abcdef0123456789abcde',
  revoked: 'a-revoked-0123456789abcdef0123456789abcdef',
  /** Sent by a's Developer, who does not hold users:invite: void, as accept_invitation would find it. */
  voidSender: 'a-void-sender-0123456789abcdef0123456789ab',
  /** Sent on a's behalf by someone who is not (or no longer) a member of a. */
  voidGone: 'a-void-gone-0123456789abcdef0123456789abcd',
  /** Sent by a member holding users:invite for a role that has since gained a permission the sender lacks. */
  voidGrown: 'a-void-grown-0123456789abcdef0123456789abc',
};

/** Gives an invitation its token, as invite_to_organization stores it (SHA-256 only). */
async function secret(client: pg.ClientBase, invitationId: string, token: string): Promise<void> {
  await client.query(`insert into app_private.invitation_secrets (invitation_id, token_hash) values ($1, sha256(convert_to($2, 'UTF8')))`, [invitationId, token]);
}

async function invitation(client: pg.ClientBase, org: string, email: string, roleId: string, invitedBy: string, expires: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `insert into app_public.invitations (organization_id, email, role_id, invited_by_id, expires_at) values ($1, $2, $3, $4, $5::timestamptz) returning id`,
    [org, email, roleId, invitedBy, expires],
  );
  return rows[0].id;
}

let invitee: Actor; // the user the accepted invitation was sent to
let revokedId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await createTenants(db.pool);
  const client = await db.pool.connect();
  try {
    await secret(client, t.a.invitation, TOKENS.a);
    await secret(client, t.b.invitation, TOKENS.b);
    await secret(client, await invitation(client, t.a.id, 'late@a.test', t.a.roles.Developer, t.a.users.admin.id, new Date(Date.now() - 60_000).toISOString()), TOKENS.expired);
    const used = await invitation(client, t.a.id, 'joined@a.test', t.a.roles.Developer, t.a.users.admin.id, new Date(Date.now() + 86_400_000).toISOString());
    await secret(client, used, TOKENS.accepted);
    revokedId = await invitation(client, t.a.id, 'withdrawn@a.test', t.a.roles.Developer, t.a.users.admin.id, new Date(Date.now() + 86_400_000).toISOString());
    await secret(client, revokedId, TOKENS.revoked);
    const week = new Date(Date.now() + 7 * 86_400_000).toISOString();
    await secret(client, await invitation(client, t.a.id, 'by-developer@a.test', t.a.roles.Viewer, t.a.users.developer.id, week), TOKENS.voidSender);
    await secret(client, await invitation(client, t.a.id, 'by-stranger@a.test', t.a.roles.Viewer, t.b.users.admin.id, week), TOKENS.voidGone);
    const role = async (name: string, permissions: string[]) =>
      (await client.query<{ id: string }>('insert into app_public.roles (organization_id, name, permissions) values ($1, $2, $3) returning id', [t.a.id, name, permissions])).rows[0].id;
    const inviter = await createUser(client, 'inviter@a.test', 'Inviter');
    await addMember(client, t.a.id, inviter, await role('Inviter', ['users:invite', 'tasks:read']));
    const grown = await role('Reader', ['tasks:read']);
    await secret(client, await invitation(client, t.a.id, 'by-inviter@a.test', grown, inviter, week), TOKENS.voidGrown);
    await client.query(`update app_public.roles set permissions = permissions || '{audit:read}' where id = $1`, [grown]);
    const joinerId = await createUser(client, 'joined@a.test', 'Joiner');
    invitee = { role: 'app_user', userId: joinerId, sessionId: await createSession(client, joinerId) };
  } finally {
    client.release();
  }
  // Accepted the real way, by its addressee; withdrawn the real way, by an Admin (the console's Revoke).
  await inTransaction(db.pool, async (client) => {
    await becomeActor(client, invitee);
    await client.query('select app_public.accept_invitation($1)', [TOKENS.accepted]);
    await client.query('reset role');
    await becomeActor(client, member(t.a, 'admin'));
    const { rowCount } = await client.query('delete from app_public.invitations where id = $1', [revokedId]);
    expect(rowCount).toBe(1);
    await client.query('commit');
  });
});
afterAll(() => db?.drop());

/** What the function answers the actor for the token, as JSON (null when it answers nothing). */
async function preview(actor: Actor, token: string | null): Promise<Record<string, unknown> | null> {
  return asActor(db.pool, actor, async (client) => {
    const { rows } = await client.query<{ preview: Record<string, unknown> | null }>('select to_jsonb(app_public.invitation_by_token($1)) as preview', [token]);
    expect(rows).toHaveLength(1);
    return rows[0].preview;
  });
}

const callers = (): [string, Actor][] => [
  ['anonymous', anonymous],
  ['a signed-in user of no organization', { role: 'app_user', userId: t.outsider.id, sessionId: t.outsider.sessionId }],
  ["b's Admin naming b", member(t.b, 'admin')],
  ["a's Viewer", member(t.a, 'viewer')],
];

describe('the token holder', () => {
  test('reads the organization, role and inviter by name, the address and the expiry: those five and nothing else', async () => {
    const { rows } = await db.pool.query<{ expires_at: Date }>('select expires_at from app_public.invitations where id = $1', [t.a.invitation]);
    for (const [who, actor] of callers()) {
      const answer = await preview(actor, TOKENS.a);
      expect(answer, who).toEqual({
        organization_name: 'Org a',
        role_name: 'Viewer',
        invited_by_name: 'admin of a',
        email: 'invitee@a.test',
        expires_at: expect.any(String),
      });
      expect(Date.parse(String(answer!.expires_at)), who).toBe(rows[0].expires_at.getTime());
    }
    // b's token names b's invitation, whoever asks: the token decides, not the caller's organization.
    expect(await preview(member(t.a, 'admin'), TOKENS.b)).toMatchObject({ organization_name: 'Org b', invited_by_name: 'admin of b', email: 'invitee@b.test' });
  });

  test('the answer is a type of exactly five fields, and reading it opens nothing else', async () => {
    const { rows } = await db.pool.query<{ attname: string }>(
      `select a.attname from pg_attribute a where a.attrelid = 'app_public.invitation_preview'::regclass and a.attnum > 0 and not a.attisdropped order by a.attnum`,
    );
    expect(rows.map((r) => r.attname)).toEqual(['organization_name', 'role_name', 'invited_by_name', 'email', 'expires_at']);
    // Having asked, an anonymous caller still reads no invitation, organization or role.
    await asActor(db.pool, anonymous, async (client) => {
      await client.query('select app_public.invitation_by_token($1)', [TOKENS.a]);
      for (const table of ['invitations', 'organizations', 'roles', 'users']) {
        expect(await sqlState(client, () => client.query(`select 1 from app_public.${table} limit 1`)), table).toBe('42501');
      }
    });
    // A signed-in stranger who asked still sees none of a's invitations (users:invite in a is needed).
    await asActor(db.pool, { role: 'app_user', userId: t.outsider.id, sessionId: t.outsider.sessionId, organizationId: t.a.id }, async (client) => {
      await client.query('select app_public.invitation_by_token($1)', [TOKENS.a]);
      expect((await client.query('select id from app_public.invitations')).rows).toEqual([]);
      expect((await client.query('select id from app_public.organizations')).rows).toEqual([]);
    });
  });

  test('asking changes nothing: the invitation stays pending and the asker joins nothing', async () => {
    // The function cannot write at all (PostgreSQL refuses writes in a stable function)...
    const { rows: [fn] } = await db.pool.query<{ provolatile: string }>(`select provolatile from pg_proc where oid = 'app_public.invitation_by_token(text)'::regprocedure`);
    expect(fn.provolatile).toBe('s');
    // ...and a question asked in a transaction that commits leaves the invitation as it was.
    const client = await db.pool.connect();
    try {
      await client.query('begin');
      await becomeActor(client, member(t.b, 'admin'));
      await client.query('select app_public.invitation_by_token($1)', [TOKENS.a]);
      await client.query('commit');
    } finally {
      client.release();
    }
    const { rows } = await db.pool.query('select accepted_at from app_public.invitations where id = $1', [t.a.invitation]);
    expect(rows).toEqual([{ accepted_at: null }]);
    const joined = await db.pool.query('select 1 from app_public.organization_memberships where organization_id = $1 and user_id = $2', [t.a.id, t.b.users.admin.id]);
    expect(joined.rowCount).toBe(0);
  });
});

describe('any other token gets the same null', () => {
  test.each([
    ['a wrong token', 'not-a-token-0123456789abcdef0123456789abcd'],
    ['an expired invitation', TOKENS.expired],
    ['an accepted invitation', TOKENS.accepted],
    ['a withdrawn (deleted) invitation', TOKENS.revoked],
    ['an invitation whose sender may not invite', TOKENS.voidSender],
    ['an invitation whose sender is no member', TOKENS.voidGone],
    ['an invitation for a role that grew past its sender', TOKENS.voidGrown],
    ['an empty token', ''],
    ['a token differing in case', TOKENS.a.toUpperCase()],
    ['no token', null],
  ] as const)('%s', async (_label, token) => {
    for (const [who, actor] of callers()) expect(await preview(actor, token), who).toBeNull();
  });

  test('the void invitations are void to accept_invitation as well: its addressee is refused RGINV', async () => {
    for (const [email, token] of [
      ['by-developer@a.test', TOKENS.voidSender],
      ['by-stranger@a.test', TOKENS.voidGone],
      ['by-inviter@a.test', TOKENS.voidGrown],
    ]) {
      await inTransaction(db.pool, async (client) => {
        const userId = await createUser(client, email, 'Addressee');
        await becomeActor(client, { role: 'app_user', userId, sessionId: await createSession(client, userId) });
        expect(await sqlState(client, () => client.query('select app_public.accept_invitation($1)', [token])), email).toBe('RGINV');
      });
    }
  });

  test('the fixtures are what the cases say: the expired one exists and has expired, the accepted one was accepted', async () => {
    const { rows } = await db.pool.query<{ email: string; expired: boolean; accepted: boolean }>(
      `select i.email, i.expires_at <= now() as expired, i.accepted_at is not null as accepted
       from app_public.invitations i join app_private.invitation_secrets s on s.invitation_id = i.id
       where s.token_hash = any(array[sha256(convert_to($1, 'UTF8')), sha256(convert_to($2, 'UTF8')), sha256(convert_to($3, 'UTF8'))]) order by i.email`,
      [TOKENS.expired, TOKENS.accepted, TOKENS.revoked],
    );
    expect(rows).toEqual([
      { email: 'joined@a.test', expired: false, accepted: true },
      { email: 'late@a.test', expired: true, accepted: false },
    ]);
  });
});
