// Nobody grants what they do not hold, tested from the attacker's side through the real server. Every
// attacker is a member of organization a holding one set of permissions (each catalog permission alone,
// plus the combinations that make a path reachable), and tries every path that gives permissions: creating
// or editing a role, assigning one, inviting with one, accepting an invitation. One declarative table says
// what each (permission set × path) cell answers; after every cell the attacker's own permissions are
// unchanged and a refused cell left no row behind. Organization b holds the same kinds of rows, and being
// Admin of b buys nothing in a.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as D from '../generated/graphql.ts';
import { as, createOrganization, customRole, join, member, type Organization } from '../support/organizations.ts';
import { dataOf, gql, register, startTestServer, type GraphQLResult, type Session, type TestServer } from '../support/server.ts';

let server: TestServer;
const suffix = randomBytes(4).toString('hex');

const CATALOG = [
  'tasks:read', 'tasks:write', 'tasks:delete', 'tasks:assign',
  'users:read', 'users:write', 'users:delete', 'users:invite',
  'teams:read', 'teams:write', 'teams:delete', 'teams:manage_members',
  'roles:read', 'roles:write', 'roles:delete', 'roles:assign',
  'organizations:write', 'organizations:delete', 'audit:read',
];

/** Permission sets the attackers hold: each permission alone, the pairs that make a path reachable, and Admin. */
const HOLDINGS: string[][] = [
  ...CATALOG.map((p) => [p]),
  ['roles:read', 'roles:write'],
  ['roles:read', 'roles:assign'],
  ['users:read', 'users:invite'],
  ['tasks:*', 'roles:read', 'roles:write', 'roles:assign', 'users:invite'],
  ['*'],
];
const key = (holding: string[]) => holding.join(',');

const PATHS = [
  'createRoleHeld', // a role with exactly what the attacker holds
  'createRoleStar', // a role with `*`
  'createRoleMore', // what they hold plus one permission they do not
  'raiseHeldRole', // their own role edited to `*`
  'editStrongerRole', // renaming a role that holds more than they do
  'assignAdminToSelf',
  'assignAdminToOther',
  'assignHeldRoleToOther', // their own role, to a bystander
  'inviteAsAdmin', // their second account, with the Admin role
  'inviteWithHeldRole',
  'acceptAsMember', // a valid Admin invitation addressed to them, though already a member
] as const;
type Path = (typeof PATHS)[number];

/**
 * `ok` or an error code. An update of a row one may not change is NOT_FOUND, or PERMISSION_DENIED when one
 * can read it (refused-writes.ts).
 */
type Outcome = 'ok' | 'NOT_FOUND' | 'PERMISSION_DENIED' | 'PRIVILEGE_ESCALATION' | 'ALREADY_EXISTS' | 'ALREADY_MEMBER';

const DEFAULT: Record<Path, Outcome> = {
  createRoleHeld: 'PERMISSION_DENIED',
  createRoleStar: 'PERMISSION_DENIED',
  createRoleMore: 'PERMISSION_DENIED',
  raiseHeldRole: 'NOT_FOUND',
  editStrongerRole: 'NOT_FOUND',
  assignAdminToSelf: 'PERMISSION_DENIED',
  assignAdminToOther: 'PERMISSION_DENIED',
  assignHeldRoleToOther: 'PERMISSION_DENIED',
  inviteAsAdmin: 'PERMISSION_DENIED',
  inviteWithHeldRole: 'PERMISSION_DENIED',
  acceptAsMember: 'ALREADY_MEMBER',
};
const ROLE_EDITOR: Partial<Record<Path, Outcome>> = {
  createRoleHeld: 'ok',
  createRoleStar: 'PRIVILEGE_ESCALATION',
  createRoleMore: 'PRIVILEGE_ESCALATION',
  raiseHeldRole: 'PRIVILEGE_ESCALATION',
  editStrongerRole: 'PRIVILEGE_ESCALATION',
};
const ASSIGNER: Partial<Record<Path, Outcome>> = {
  assignAdminToSelf: 'PRIVILEGE_ESCALATION',
  assignAdminToOther: 'PRIVILEGE_ESCALATION',
  assignHeldRoleToOther: 'ok',
};
const INVITER: Partial<Record<Path, Outcome>> = { inviteAsAdmin: 'PRIVILEGE_ESCALATION', inviteWithHeldRole: 'ok' };
/** roles:read without roles:write: the roles are readable, so editing one is PERMISSION_DENIED. */
const ROLE_READER: Partial<Record<Path, Outcome>> = { raiseHeldRole: 'PERMISSION_DENIED', editStrongerRole: 'PERMISSION_DENIED' };

/**
 * Where the answer differs from DEFAULT. roles:write alone is judged for what it would grant, but cannot
 * read back (roles:read) the role it writes, so even a role it may create is refused.
 */
const EXCEPTIONS: Record<string, Partial<Record<Path, Outcome>>> = {
  'roles:write': { createRoleStar: 'PRIVILEGE_ESCALATION', createRoleMore: 'PRIVILEGE_ESCALATION' },
  'roles:assign': ASSIGNER,
  'users:invite': INVITER,
  'roles:read': ROLE_READER,
  'roles:read,roles:write': ROLE_EDITOR,
  'roles:read,roles:assign': { ...ROLE_READER, ...ASSIGNER },
  'users:read,users:invite': INVITER,
  'tasks:*,roles:read,roles:write,roles:assign,users:invite': { ...ROLE_EDITOR, ...ASSIGNER, ...INVITER },
  // Admin may do all of it. Its own role is the system role Admin, already `*` (so raising it changes
  // nothing), and it already holds Admin.
  '*': {
    createRoleHeld: 'ok',
    createRoleStar: 'ok',
    createRoleMore: 'ok',
    raiseHeldRole: 'ok',
    editStrongerRole: 'ok',
    assignAdminToSelf: 'ALREADY_EXISTS',
    assignAdminToOther: 'ok',
    assignHeldRoleToOther: 'ok',
    inviteAsAdmin: 'ok',
    inviteWithHeldRole: 'ok',
  },
};
const expected = (holding: string[], path: Path): Outcome => EXCEPTIONS[key(holding)]?.[path] ?? DEFAULT[path];

// ---------------------------------------------------------------------------------------------------
// Fixtures: organizations a and b, made through the API by their admins; everything else as the superuser.

interface Attacker {
  holding: string[];
  session: Session;
  /** The custom role holding exactly `holding`. */
  role: string;
  /** A role holding `holding` plus one permission more. */
  stronger: string;
  /** A second account of the attacker's, not a member of a. */
  second: Session;
  /** A valid invitation into a, with the Admin role, addressed to the attacker (who is already a member). */
  invitationToken: string;
}

let a: Organization;
let b: Organization;
const attackers = new Map<string, Attacker>();

async function sql<R extends Record<string, any> = any>(text: string, params: unknown[] = []): Promise<R[]> {
  return (await server.db.pool.query<R>(text, params)).rows;
}

let bystanders = 0;
/** A fresh Viewer of a to give roles to (never signs in, so no password or session is needed). */
async function bystander(): Promise<string> {
  bystanders += 1;
  const [{ id }] = await sql<{ id: string }>('insert into app_public.users (email, name) values ($1, $2) returning id', [`bystander-${bystanders}-${suffix}@a.test`, 'Bystander']);
  await join(server, a.id, { user: { id, email: '', name: '' } }, a.roles.Viewer);
  return id;
}

/** An invitation with a token we know, as inviteToOrganization would store it. */
async function fixtureInvitation(org: string, email: string, role: string, invitedBy: string): Promise<string> {
  const token = randomBytes(32).toString('hex');
  const [{ id }] = await sql<{ id: string }>(
    `insert into app_public.invitations (organization_id, email, role_id, invited_by_id, expires_at)
     values ($1, $2, $3, $4, now() + interval '7 days') returning id`,
    [org, email, role, invitedBy],
  );
  await sql('insert into app_private.invitation_secrets (invitation_id, token_hash) values ($1, $2)', [id, createHash('sha256').update(token).digest()]);
  return token;
}


async function permissionsOf(session: Session, org: Organization): Promise<string[]> {
  return [...(dataOf(await gql(server, D.CurrentUserDocument, {}, as(session, org))).currentUserPermissions ?? [])].sort();
}

/** Every row through which someone could have gained a permission in a. */
async function grantsIn(org: string): Promise<string> {
  const [{ f }] = await sql<{ f: string }>(
    `select md5(concat_ws('|',
       (select string_agg(id || ':' || name || ':' || description || ':' || permissions::text, ',' order by id) from app_public.roles where organization_id = $1),
       (select string_agg(id::text, ',' order by id) from app_public.user_roles where organization_id = $1),
       (select string_agg(id::text, ',' order by id) from app_public.organization_memberships where organization_id = $1),
       (select string_agg(id || ':' || coalesce(accepted_at::text, ''), ',' order by id) from app_public.invitations where organization_id = $1))) as f`,
    [org],
  );
  return f;
}

beforeAll(async () => {
  server = await startTestServer();
  a = await createOrganization(server, 'escalation-a');
  b = await createOrganization(server, 'escalation-b');
  // b holds the same kinds of rows: custom roles, members, invitations.
  const bRole = await customRole(server, b.id, ['tasks:read'], 'Custom of b');
  await join(server, b.id, await register(server, 'Member of b'), bRole);
  await fixtureInvitation(b.id, `someone-${suffix}@b.test`, b.roles.Admin, b.admin.user.id);
  for (const holding of HOLDINGS) {
    const session = await register(server, `Holds ${key(holding)}`);
    const role = holding[0] === '*' ? a.roles.Admin : await customRole(server, a.id, holding, `Holds ${key(holding)}`);
    const stronger = await customRole(server, a.id, holding[0] === '*' ? ['tasks:read'] : [...holding, notHeld(holding)], `Stronger than ${key(holding)}`);
    await join(server, a.id, session, role);
    const second = await register(server, `Second of ${key(holding)}`);
    const invitationToken = await fixtureInvitation(a.id, session.user.email, a.roles.Admin, a.admin.user.id);
    attackers.set(key(holding), { holding, session, role, stronger, second, invitationToken });
  }
}, 120_000);
afterAll(() => server?.close());

// ---------------------------------------------------------------------------------------------------
// The paths, each returning the GraphQL result of the attempt.

function notHeld(holding: string[]): string {
  return holding.includes('audit:read') ? 'organizations:delete' : 'audit:read';
}

/** Per cell: a unique name for what it creates, and a fresh Viewer of a to give roles to. */
interface Cell {
  name: string;
  other: string;
}

const attempt: Record<Path, (attacker: Attacker, cell: Cell) => Promise<GraphQLResult<any>>> = {
  createRoleHeld: ({ session, holding }, { name }) =>
    gql(server, D.CreateRoleDocument, { role: { name: `Held ${name}`, permissions: holding } }, as(session, a)),
  createRoleStar: ({ session }, { name }) => gql(server, D.CreateRoleDocument, { role: { name: `Star ${name}`, permissions: ['*'] } }, as(session, a)),
  createRoleMore: ({ session, holding }, { name }) =>
    gql(server, D.CreateRoleDocument, { role: { name: `More ${name}`, permissions: [...holding, notHeld(holding)] } }, as(session, a)),
  raiseHeldRole: ({ session, role }) => gql(server, D.UpdateRoleDocument, { rowId: role, patch: { permissions: ['*'] } }, as(session, a)),
  editStrongerRole: ({ session, stronger }, { name }) => gql(server, D.UpdateRoleDocument, { rowId: stronger, patch: { name: `Renamed ${name}` } }, as(session, a)),
  assignAdminToSelf: ({ session }) => gql(server, D.CreateUserRoleDocument, { userRole: { userId: session.user.id, roleId: a.roles.Admin } }, as(session, a)),
  assignAdminToOther: ({ session }, { other }) => gql(server, D.CreateUserRoleDocument, { userRole: { userId: other, roleId: a.roles.Admin } }, as(session, a)),
  assignHeldRoleToOther: ({ session, role }, { other }) => gql(server, D.CreateUserRoleDocument, { userRole: { userId: other, roleId: role } }, as(session, a)),
  inviteAsAdmin: ({ session, second }) => gql(server, D.InviteToOrganizationDocument, { email: second.user.email, roleId: a.roles.Admin }, as(session, a)),
  inviteWithHeldRole: ({ session, second, role }) => gql(server, D.InviteToOrganizationDocument, { email: second.user.email, roleId: role }, as(session, a)),
  acceptAsMember: ({ session, invitationToken }) => gql(server, D.AcceptInvitationDocument, { token: invitationToken }, { token: session.accessToken }),
};

/** The outcome a result shows: ok, the single error's code, or IGNORED (no record in the payload, no error: a refusal nobody reports). */
function outcomeOf(result: GraphQLResult<any>): string {
  if (result.errors?.length) return result.errors.length === 1 ? String(result.errors[0].extensions?.code) : JSON.stringify(result.errors);
  const payload = Object.values(result.data ?? {})[0] as Record<string, unknown> | null;
  return payload && Object.values(payload)[0] ? 'ok' : 'IGNORED';
}

// ---------------------------------------------------------------------------------------------------

describe.each(HOLDINGS.map((holding) => [key(holding), holding] as const))('holding %s', (name, holding) => {
  test.each([...PATHS])('%s', async (path) => {
    const attacker = attackers.get(name)!;
    const permissionsBefore = await permissionsOf(attacker.session, a);
    const other = await bystander();
    const grantsBefore = await grantsIn(a.id);
    const grantsOfB = await grantsIn(b.id);
    const result = await attempt[path](attacker, { name: `${path} ${name}`, other });
    const want = expected(holding, path);
    expect(outcomeOf(result), JSON.stringify(result)).toBe(want);
    if (want !== 'ok') {
      // A refusal leaves nothing behind (an unused invitation stays unused).
      expect(await grantsIn(a.id)).toBe(grantsBefore);
      expect(result.errors?.[0]?.message ?? '').not.toMatch(/SQL|select|insert|constraint|\(id\)=/i);
    }
    if (want === 'PRIVILEGE_ESCALATION') expect(result.errors![0].message).toMatch(/hold yourself/);
    // Nobody gains anything for themself through any path, and b never changes.
    expect(await permissionsOf(attacker.session, a)).toEqual(permissionsBefore);
    expect(await grantsIn(b.id)).toBe(grantsOfB);
  });
});

test('every exception names a holding of the table, and every refusal code is documented', async () => {
  expect(Object.keys(EXCEPTIONS).filter((k) => !HOLDINGS.some((h) => key(h) === k))).toEqual([]);
  const documented = await fs.readFile(new URL('../../docs/error-codes.md', import.meta.url), 'utf8');
  const codes = new Set(HOLDINGS.flatMap((h) => PATHS.map((p) => expected(h, p))).filter((c) => c !== 'ok'));
  expect([...codes].filter((code) => !documented.includes(`\`${code}\``))).toEqual([]);
});

describe('what is held elsewhere counts for nothing', () => {
  test('Admin of b holding role editing, assignment and inviting in a cannot grant in a what only b gave them', async () => {
    const both = await register(server, 'Admin of b, editor in a');
    await join(server, b.id, both, b.roles.Admin);
    const role = await customRole(server, a.id, ['roles:read', 'roles:write', 'roles:assign', 'users:invite'], `Editor ${suffix}`);
    await join(server, a.id, both, role);
    const before = await grantsIn(a.id);
    const star = await gql(server, D.CreateRoleDocument, { role: { name: 'Star from b', permissions: ['*'] } }, as(both, a));
    const admin = await gql(server, D.CreateUserRoleDocument, { userRole: { userId: both.user.id, roleId: a.roles.Admin } }, as(both, a));
    const invite = await gql(server, D.InviteToOrganizationDocument, { email: both.user.email, roleId: a.roles.Admin }, as(both, a));
    expect([star, admin, invite].map(outcomeOf)).toEqual(['PRIVILEGE_ESCALATION', 'PRIVILEGE_ESCALATION', 'PRIVILEGE_ESCALATION']);
    expect(await grantsIn(a.id)).toBe(before);
    expect(await permissionsOf(both, a)).toEqual(['roles:assign', 'roles:read', 'roles:write', 'users:invite']);
  });

  test("a's role editor naming b in the header changes nothing in b", async () => {
    const editor = attackers.get('roles:read,roles:write')!;
    const before = await grantsIn(b.id);
    const result = await gql(server, D.CreateRoleDocument, { role: { name: 'Into b', permissions: ['tasks:read'] } }, as(editor.session, b));
    expect(outcomeOf(result)).toBe('PERMISSION_DENIED');
    expect(await grantsIn(b.id)).toBe(before);
  });
});

describe('wildcards', () => {
  test('holding every tasks: permission one by one does not cover tasks:*, which would cover permissions added later', async () => {
    const holder = await register(server, 'Every tasks permission');
    await join(server, a.id, holder, await customRole(server, a.id, ['tasks:read', 'tasks:write', 'tasks:delete', 'tasks:assign', 'roles:read', 'roles:write'], `All tasks one by one ${suffix}`));
    const wildcard = await gql(server, D.CreateRoleDocument, { role: { name: 'Tasks wildcard', permissions: ['tasks:*'] } }, as(holder, a));
    expect(outcomeOf(wildcard)).toBe('PRIVILEGE_ESCALATION');
    expect(wildcard.errors![0].message).toMatch(/do not hold tasks:\*/);
    const listed = await gql(server, D.CreateRoleDocument, { role: { name: 'Tasks listed', permissions: ['tasks:read', 'tasks:assign'] } }, as(holder, a));
    expect(outcomeOf(listed)).toBe('ok');
  });

  test('holding tasks:* covers each tasks: permission and tasks:* itself, and nothing of another resource', async () => {
    const { session } = attackers.get('tasks:*,roles:read,roles:write,roles:assign,users:invite')!;
    const ok = await gql(server, D.CreateRoleDocument, { role: { name: 'Tasks both ways', permissions: ['tasks:*', 'tasks:delete'] } }, as(session, a));
    expect(outcomeOf(ok)).toBe('ok');
    const other = await gql(server, D.CreateRoleDocument, { role: { name: 'Teams wildcard', permissions: ['teams:*'] } }, as(session, a));
    expect(outcomeOf(other)).toBe('PRIVILEGE_ESCALATION');
  });
});

describe('accepting an invitation', () => {
  async function accept(session: Session, token: string) {
    return gql(server, D.AcceptInvitationDocument, { token }, { token: session.accessToken });
  }

  test("an invitation is given on its sender's behalf: it works while they could still give the role, and is void once they cannot", async () => {
    const reader = await customRole(server, a.id, ['tasks:read'], `Reader ${suffix}`);
    const inviter = await member(server, a, ['users:invite', 'tasks:read'], 'Inviter');
    const guests = await Promise.all(['Guest kept', 'Guest of the demoted', 'Guest of the leaver', 'Guest of a grown role'].map((n) => register(server, n)));
    const [kept, demoted, leaver, grown] = guests;
    const tokenKept = await fixtureInvitation(a.id, kept.user.email, reader, inviter.user.id);
    // The sender who loses users:invite.
    const demotedInviter = await member(server, a, ['users:invite', 'tasks:read'], 'Demoted inviter');
    const tokenDemoted = await fixtureInvitation(a.id, demoted.user.email, reader, demotedInviter.user.id);
    await sql(`update app_public.roles set permissions = '{tasks:read}' where id = (select role_id from app_public.user_roles where user_id = $1 and organization_id = $2)`, [demotedInviter.user.id, a.id]);
    // The sender who leaves the organization.
    const leavingInviter = await member(server, a, ['users:invite', 'tasks:read'], 'Leaving inviter');
    const tokenLeaver = await fixtureInvitation(a.id, leaver.user.email, reader, leavingInviter.user.id);
    await sql('delete from app_public.organization_memberships where user_id = $1 and organization_id = $2', [leavingInviter.user.id, a.id]);
    // The role that grew, since the invitation, beyond what its sender holds.
    const growing = await customRole(server, a.id, ['tasks:read'], `Growing ${suffix}`);
    const tokenGrown = await fixtureInvitation(a.id, grown.user.email, growing, inviter.user.id);
    await sql(`update app_public.roles set permissions = '{tasks:read,audit:read}' where id = $1`, [growing]);

    expect(outcomeOf(await accept(kept, tokenKept))).toBe('ok');
    expect(await permissionsOf(kept, a)).toEqual(['tasks:read']);
    for (const [guest, token] of [[demoted, tokenDemoted], [leaver, tokenLeaver], [grown, tokenGrown]] as const) {
      const result = await accept(guest, token);
      expect(outcomeOf(result)).toBe('INVITATION_INVALID');
      expect(result.errors![0].message).toMatch(/can no longer give this role/);
      expect(await permissionsOf(guest, a)).toEqual([]);
      expect(await sql('select 1 from app_public.organization_memberships where user_id = $1', [guest.user.id])).toEqual([]);
    }
  });
});

describe('system roles', () => {
  test("nobody changes a system role's description, Admin included", async () => {
    const result = await gql(server, D.UpdateRoleDocument, { rowId: a.roles.Viewer, patch: { description: 'Reads everything, actually' } }, as(a.admin, a));
    expect(outcomeOf(result)).toBe('SYSTEM_ROLE');
    const [{ description }] = await sql<{ description: string }>('select description from app_public.roles where id = $1', [a.roles.Viewer]);
    expect(description).toBe('Reads tasks, teams, members and roles');
  });
});

test('seeds and migrations (not API requests) still write any role and assignment', async () => {
  const role = await customRole(server, a.id, ['*'], `Seeded ${suffix}`);
  const seeded = await register(server, 'Seeded');
  await join(server, a.id, seeded, role);
  expect(await permissionsOf(seeded, a)).toEqual([...CATALOG].sort());
});
