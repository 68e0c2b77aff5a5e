// The access page's data: organizationMembership.effectivePermissions, each member's permissions by the
// rule the policies use (wildcards expanded), shown only to callers who may see role assignments
// (roles:assign) and only inside the X-Organization-Id organization. Two organizations both hold members.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MemberAccessDocument } from '../../client/generated/graphql.ts';
import { as, createOrganization, customRole, member, type Organization } from '../support/organizations.ts';
import { dataOf, gql, startTestServer, type Caller, type Session, type TestServer } from '../support/server.ts';

let server: TestServer;
let catalog: string[];

interface Org extends Organization {
  developer: Session;
  viewer: Session;
  /** Holds `tasks:*`, `roles:assign` and `users:read` (to list members) only. */
  assigner: Session;
}
let a: Org;
let b: Org;

async function buildOrg(key: string): Promise<Org> {
  const org = await createOrganization(server, key);
  const assigner = await customRole(server, org.id, ['tasks:*', 'roles:assign', 'users:read'], 'Assigner');
  return {
    ...org,
    developer: await member(server, org, org.roles.Developer, `Developer ${key}`),
    viewer: await member(server, org, org.roles.Viewer, `Viewer ${key}`),
    assigner: await member(server, org, assigner, `Assigner ${key}`),
  };
}

async function access(caller: Caller): Promise<Map<string, string[] | null>> {
  const data = dataOf(await gql(server, MemberAccessDocument, { first: 50 }, caller));
  return new Map(data.organizationMemberships!.nodes.map((n) => [n.user!.rowId, n.effectivePermissions ?? null]));
}

/** What user_has_permission says, asked directly as the superuser: the rule the policies use. */
async function byPolicyRule(userId: string, organizationId: string): Promise<string[]> {
  const { rows } = await server.db.pool.query<{ name: string }>(
    'select name from app_public.permissions where app_public.user_has_permission($1, $2, name) order by name',
    [userId, organizationId],
  );
  return rows.map((r) => r.name);
}

beforeAll(async () => {
  server = await startTestServer();
  a = await buildOrg('a');
  b = await buildOrg('b');
  catalog = (await server.db.pool.query<{ name: string }>('select name from app_public.permissions order by name')).rows.map((r) => r.name);
}, 60_000);

afterAll(() => server?.close());

describe('effectivePermissions', () => {
  test("a's Admin sees every member's permissions, as the policies' own rule computes them", async () => {
    const seen = await access(as(a.admin, a));
    expect([...seen.keys()].sort()).toEqual([a.admin, a.developer, a.viewer, a.assigner].map((s) => s.user.id).sort());
    for (const [userId, permissions] of seen) expect(permissions).toEqual(await byPolicyRule(userId, a.id));
    expect(seen.get(a.admin.user.id)).toEqual(catalog); // `*`, expanded
    expect(seen.get(a.viewer.user.id)).toEqual(['roles:read', 'tasks:read', 'teams:read', 'users:read']);
    expect(seen.get(a.assigner.user.id)).toEqual(['roles:assign', 'tasks:assign', 'tasks:delete', 'tasks:read', 'tasks:write', 'users:read']);
  });

  test('roles:assign alone is enough to see them; without it (Developer, Viewer) every value is null', async () => {
    const byAssigner = await access(as(a.assigner, a));
    expect(byAssigner.get(a.admin.user.id)).toEqual(catalog);
    for (const session of [a.developer, a.viewer]) {
      const seen = await access(as(session, a));
      expect(seen.size).toBe(4); // they may list members (users:read) ...
      expect([...seen.values()].every((p) => p === null)).toBe(true); // ... not what those members may do
    }
  });

  test("nobody of a learns anything of b's members, whatever X-Organization-Id says", async () => {
    expect((await access({ token: a.admin.accessToken, organizationId: b.id })).size).toBe(0);
    const text = JSON.stringify(await gql(server, MemberAccessDocument, { first: 50 }, { token: a.admin.accessToken, organizationId: b.id }));
    for (const session of [b.admin, b.developer, b.viewer, b.assigner]) expect(text).not.toContain(session.user.id);
  });

  test('a change to a role shows at once', async () => {
    await server.db.pool.query(`update app_public.roles set permissions = '{tasks:read,users:read}' where organization_id = $1 and name = 'Assigner'`, [b.id]);
    const seen = await access(as(b.admin, b));
    expect(seen.get(b.assigner.user.id)).toEqual(['tasks:read', 'users:read']);
    // b's Assigner no longer holds roles:assign, so sees no one's permissions, own included.
    expect((await access(as(b.assigner, b))).get(b.assigner.user.id)).toBeNull();
  });
});
