// The permission helpers every policy is built on: user_has_permission (exact names, `resource:*`, `*`,
// per organization, gone with the role or the membership), current_user_permissions,
// current_organization_id, and the catalog check on roles.permissions.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createUser } from '../../db/tenant-data.ts';
import { anonymous, asActor, becomeActor, inTransaction, sqlState, type TestDatabase, createTestDatabase } from '../support/database.ts';
import { createTenants, member, type Tenants } from '../support/tenants.ts';

let db: TestDatabase;
let t: Tenants;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await createTenants(db.pool);
});
afterAll(async () => {
  await db?.drop();
});

const DEVELOPER_PERMISSIONS = ['tasks:read', 'tasks:write', 'tasks:delete', 'tasks:assign', 'teams:read', 'users:read', 'roles:read'];

async function has(client: pg.ClientBase, userId: string, organizationId: string, permission: string): Promise<boolean> {
  const { rows } = await client.query<{ has: boolean }>('select app_public.user_has_permission($1, $2, $3) as has', [
    userId,
    organizationId,
    permission,
  ]);
  return rows[0].has;
}

/** A fresh member of the organization holding a role with exactly these permissions (superuser, in the transaction). */
async function memberWithRole(client: pg.ClientBase, organizationId: string, permissions: string[]): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    'insert into app_public.roles (organization_id, name, permissions) values ($1, $2, $3) returning id',
    [organizationId, `Role ${randomUUID()}`, permissions],
  );
  const userId = await createUser(client, `${randomUUID()}@example.test`, 'Probe');
  await addMember(client, organizationId, userId, rows[0].id);
  return userId;
}

describe('user_has_permission', () => {
  it('grants exactly the permissions a role names', async () => {
    await inTransaction(db.pool, async (client) => {
      const developer = t.a.users.developer.id;
      for (const permission of DEVELOPER_PERMISSIONS) {
        expect(await has(client, developer, t.a.id, permission), permission).toBe(true);
      }
      for (const permission of ['teams:write', 'users:delete', 'roles:assign', 'audit:read', 'organizations:delete']) {
        expect(await has(client, developer, t.a.id, permission), permission).toBe(false);
      }
      // The custom role holds tasks:read only.
      expect(await has(client, t.a.users.custom.id, t.a.id, 'tasks:read')).toBe(true);
      expect(await has(client, t.a.users.custom.id, t.a.id, 'tasks:write')).toBe(false);
    });
  });

  it('gives every permission of a resource for resource:*, and nothing of other resources', async () => {
    await inTransaction(db.pool, async (client) => {
      const user = await memberWithRole(client, t.a.id, ['tasks:*']);
      for (const permission of ['tasks:read', 'tasks:write', 'tasks:delete', 'tasks:assign']) {
        expect(await has(client, user, t.a.id, permission), permission).toBe(true);
      }
      for (const permission of ['teams:read', 'users:read', 'roles:read', 'audit:read']) {
        expect(await has(client, user, t.a.id, permission), permission).toBe(false);
      }
    });
  });

  it('gives everything in the catalog for *', async () => {
    await inTransaction(db.pool, async (client) => {
      const { rows } = await client.query<{ name: string }>('select name from app_public.permissions');
      expect(rows.length).toBe(19);
      for (const { name } of rows) {
        expect(await has(client, t.a.users.admin.id, t.a.id, name), name).toBe(true);
      }
    });
  });

  it('counts a permission only in the organization where the role is held', async () => {
    await inTransaction(db.pool, async (client) => {
      expect(await has(client, t.a.users.admin.id, t.a.id, 'tasks:read')).toBe(true);
      expect(await has(client, t.a.users.admin.id, t.b.id, 'tasks:read')).toBe(false);
      expect(await has(client, t.a.users.developer.id, t.b.id, 'tasks:read')).toBe(false);
      expect(await has(client, t.b.users.admin.id, t.a.id, 'tasks:read')).toBe(false);
      expect(await has(client, t.outsider.id, t.a.id, 'tasks:read')).toBe(false);
      expect(await has(client, t.a.users.admin.id, randomUUID(), 'tasks:read')).toBe(false);

      // A member of both organizations still only gets each organization's own role there.
      await addMember(client, t.b.id, t.a.users.viewer.id, t.b.roles.Developer);
      expect(await has(client, t.a.users.viewer.id, t.b.id, 'tasks:write')).toBe(true);
      expect(await has(client, t.a.users.viewer.id, t.a.id, 'tasks:write')).toBe(false);
    });
  });

  it('is false once the role assignment is deleted', async () => {
    await inTransaction(db.pool, async (client) => {
      const developer = t.a.users.developer.id;
      expect(await has(client, developer, t.a.id, 'tasks:write')).toBe(true);
      const { rowCount } = await client.query('delete from app_public.user_roles where organization_id = $1 and user_id = $2', [
        t.a.id,
        developer,
      ]);
      expect(rowCount).toBe(1);
      for (const permission of DEVELOPER_PERMISSIONS) {
        expect(await has(client, developer, t.a.id, permission), permission).toBe(false);
      }
    });
  });

  it('is false once the role assignment is revoked through the API by an Admin', async () => {
    await asActor(db.pool, member(t.a, 'admin'), async (client) => {
      const { rowCount } = await client.query('delete from app_public.user_roles where user_id = $1', [t.a.users.developer.id]);
      expect(rowCount).toBe(1);
      // user_has_permission is not granted to API roles; ask as the superuser, in the same transaction.
      await client.query('reset role');
      expect(await has(client, t.a.users.developer.id, t.a.id, 'tasks:read')).toBe(false);
    });
  });

  it('is false once the membership is deleted (its role assignments go with it)', async () => {
    await inTransaction(db.pool, async (client) => {
      const developer = t.a.users.developer.id;
      const { rowCount } = await client.query(
        'delete from app_public.organization_memberships where organization_id = $1 and user_id = $2',
        [t.a.id, developer],
      );
      expect(rowCount).toBe(1);
      const left = await client.query('select 1 from app_public.user_roles where organization_id = $1 and user_id = $2', [t.a.id, developer]);
      expect(left.rowCount).toBe(0);
      expect(await has(client, developer, t.a.id, 'tasks:read')).toBe(false);
    });
  });

  it('follows the role: a changed custom role changes what its holders may do', async () => {
    await inTransaction(db.pool, async (client) => {
      const custom = t.a.users.custom.id;
      expect(await has(client, custom, t.a.id, 'teams:read')).toBe(false);
      await client.query(`update app_public.roles set permissions = '{teams:*}' where id = $1`, [t.a.roles.custom]);
      expect(await has(client, custom, t.a.id, 'teams:read')).toBe(true);
      expect(await has(client, custom, t.a.id, 'tasks:read')).toBe(false);
    });
  });

  it('is false for null arguments', async () => {
    await inTransaction(db.pool, async (client) => {
      const { rows } = await client.query<{ a: boolean; b: boolean }>(
        `select app_public.user_has_permission(null, $1, 'tasks:read') as a,
                app_public.user_has_permission($2, null, 'tasks:read') as b`,
        [t.a.id, t.a.users.admin.id],
      );
      expect(rows[0].a).toBe(false);
      expect(rows[0].b).toBe(false);
    });
  });
});

describe('current_user_has_permission', () => {
  it('answers for the signed-in user in the organization named by X-Organization-Id', async () => {
    await asActor(db.pool, member(t.a, 'developer'), async (client) => {
      const { rows } = await client.query<{ write: boolean; manage: boolean }>(
        `select app_public.current_user_has_permission('tasks:write') as write,
                app_public.current_user_has_permission('teams:manage_members') as manage`,
      );
      expect(rows[0]).toEqual({ write: true, manage: false });
    });
  });

  it('is false for a member of a naming b', async () => {
    await asActor(db.pool, { ...member(t.a, 'admin'), organizationId: t.b.id }, async (client) => {
      const { rows } = await client.query<{ read: boolean }>(`select app_public.current_user_has_permission('tasks:read') as read`);
      expect(rows[0].read).toBe(false);
    });
  });
});

describe('current_user_permissions', () => {
  it('lists the Developer permissions exactly as the contract does', async () => {
    await asActor(db.pool, member(t.a, 'developer'), async (client) => {
      const { rows } = await client.query<{ p: string[] }>('select app_public.current_user_permissions() as p');
      expect([...rows[0].p].sort()).toEqual([...DEVELOPER_PERMISSIONS].sort());
    });
  });

  it('lists the Viewer permissions, and the custom one', async () => {
    await asActor(db.pool, member(t.b, 'viewer'), async (client) => {
      const { rows } = await client.query<{ p: string[] }>('select app_public.current_user_permissions() as p');
      expect([...rows[0].p].sort()).toEqual(['roles:read', 'tasks:read', 'teams:read', 'users:read']);
    });
    await asActor(db.pool, member(t.b, 'custom'), async (client) => {
      const { rows } = await client.query<{ p: string[] }>('select app_public.current_user_permissions() as p');
      expect(rows[0].p).toEqual(['tasks:read']);
    });
  });

  it('expands * to the whole catalog for an Admin', async () => {
    await asActor(db.pool, member(t.a, 'admin'), async (client) => {
      const { rows } = await client.query<{ p: string[] }>('select app_public.current_user_permissions() as p');
      expect(rows[0].p.length).toBe(19);
      expect(rows[0].p).toContain('audit:read');
      expect(rows[0].p).not.toContain('*');
    });
  });

  it('expands resource:* to the catalog names of that resource', async () => {
    await inTransaction(db.pool, async (client) => {
      const user = await memberWithRole(client, t.a.id, ['teams:*', 'audit:read']);
      const { rows: sessions } = await client.query<{ id: string }>(
        `insert into app_private.sessions (user_id, expires_at) values ($1, now() + interval '1 hour') returning id`,
        [user],
      );
      await becomeActor(client, { role: 'app_user', userId: user, sessionId: sessions[0].id, organizationId: t.a.id });
      const { rows } = await client.query<{ p: string[] }>('select app_public.current_user_permissions() as p');
      expect(rows[0].p).toEqual(['audit:read', 'teams:delete', 'teams:manage_members', 'teams:read', 'teams:write']);
    });
  });

  it('is empty for a signed-in non-member naming the organization', async () => {
    await asActor(db.pool, { role: 'app_user', userId: t.outsider.id, sessionId: t.outsider.sessionId, organizationId: t.a.id }, async (client) => {
      const { rows } = await client.query<{ p: string[] }>('select app_public.current_user_permissions() as p');
      expect(rows[0].p).toEqual([]);
    });
    await asActor(db.pool, { ...member(t.b, 'admin'), organizationId: t.a.id }, async (client) => {
      const { rows } = await client.query<{ p: string[] }>('select app_public.current_user_permissions() as p');
      expect(rows[0].p).toEqual([]);
    });
  });

  it('is empty for anonymous, even naming an organization', async () => {
    await asActor(db.pool, anonymous, async (client) => {
      const { rows } = await client.query<{ p: string[] }>('select app_public.current_user_permissions() as p');
      expect(rows[0].p).toEqual([]);
    });
    await asActor(db.pool, { ...anonymous, organizationId: t.a.id }, async (client) => {
      const { rows } = await client.query<{ p: string[] }>('select app_public.current_user_permissions() as p');
      expect(rows[0].p).toEqual([]);
    });
  });

  it('is empty for a member without X-Organization-Id', async () => {
    await asActor(db.pool, { ...member(t.a, 'admin'), organizationId: undefined }, async (client) => {
      const { rows } = await client.query<{ p: string[] }>('select app_public.current_user_permissions() as p');
      expect(rows[0].p).toEqual([]);
    });
  });
});

describe('current_organization_id', () => {
  async function currentOrganization(client: pg.ClientBase): Promise<string | null> {
    const { rows } = await client.query<{ id: string | null }>('select app_public.current_organization_id() as id');
    return rows[0].id;
  }

  it('is the named organization for its member', async () => {
    await asActor(db.pool, member(t.a, 'viewer'), async (client) => {
      expect(await currentOrganization(client)).toBe(t.a.id);
    });
  });

  it('is null for a member of another organization naming it', async () => {
    await asActor(db.pool, { ...member(t.b, 'admin'), organizationId: t.a.id }, async (client) => {
      expect(await currentOrganization(client)).toBeNull();
    });
  });

  it('is null for a signed-in user who belongs nowhere', async () => {
    await asActor(db.pool, { role: 'app_user', userId: t.outsider.id, sessionId: t.outsider.sessionId, organizationId: t.a.id }, async (client) => {
      expect(await currentOrganization(client)).toBeNull();
    });
  });

  it('is null for a well-formed uuid that names no organization', async () => {
    await asActor(db.pool, { ...member(t.a, 'admin'), organizationId: randomUUID() }, async (client) => {
      expect(await currentOrganization(client)).toBeNull();
    });
  });

  it('is null when no organization is named', async () => {
    await asActor(db.pool, { ...member(t.a, 'admin'), organizationId: undefined }, async (client) => {
      expect(await currentOrganization(client)).toBeNull();
    });
  });

  it('is null for anonymous naming an organization', async () => {
    await asActor(db.pool, { ...anonymous, organizationId: t.a.id }, async (client) => {
      expect(await currentOrganization(client)).toBeNull();
    });
  });

  it('is null with a member\'s user id but no session (claims alone are not enough)', async () => {
    await asActor(db.pool, { ...member(t.a, 'admin'), sessionId: undefined }, async (client) => {
      expect(await currentOrganization(client)).toBeNull();
    });
  });
});

describe('roles.permissions must come from the catalog', () => {
  it('refuses an unknown permission on insert (RG422)', async () => {
    await asActor(db.pool, member(t.a, 'admin'), async (client) => {
      for (const permissions of [['tasks:fly'], ['nope:*'], ['tasks:read', 'tasks:fly'], ['*:*'], ['tasks'], [''], ['Tasks:read'], ['tasks:read:x']]) {
        const state = await sqlState(client, () =>
          client.query('insert into app_public.roles (name, permissions) values ($1, $2)', [`Bad ${randomUUID()}`, permissions]),
        );
        expect(state, JSON.stringify(permissions)).toBe('RG422');
      }
    });
  });

  it('refuses an unknown permission on update (RG422)', async () => {
    await asActor(db.pool, member(t.a, 'admin'), async (client) => {
      for (const permissions of [['tasks:fly'], ['nope:*'], ['tasks:read', 'nope:read']]) {
        const state = await sqlState(client, () =>
          client.query('update app_public.roles set permissions = $2 where id = $1', [t.a.roles.custom, permissions]),
        );
        expect(state, JSON.stringify(permissions)).toBe('RG422');
      }
      const { rows } = await client.query<{ permissions: string[] }>('select permissions from app_public.roles where id = $1', [t.a.roles.custom]);
      expect(rows[0].permissions).toEqual(['tasks:read']);
    });
  });

  it('accepts catalog names, resource:* over a catalog resource, and *', async () => {
    await asActor(db.pool, member(t.a, 'admin'), async (client) => {
      for (const permissions of [['tasks:assign'], ['tasks:*', 'audit:*'], ['*'], [], ['teams:manage_members', 'roles:read']]) {
        const { rowCount } = await client.query('insert into app_public.roles (name, permissions) values ($1, $2)', [
          `Good ${randomUUID()}`,
          permissions,
        ]);
        expect(rowCount, JSON.stringify(permissions)).toBe(1);
      }
      const { rowCount } = await client.query(`update app_public.roles set permissions = '{users:*,tasks:read}' where id = $1`, [t.a.roles.custom]);
      expect(rowCount).toBe(1);
    });
  });
});
