// The rules that keep an organization's data whole, exercised as the API roles: creating an
// organization, keeping an Admin, fixed system roles, cascades, BLOCKS cycles, same-organization
// references, defaults, timestamps and the tasks:assign rule.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createSession, createUser } from '../../db/tenant-data.ts';
import { type Actor, anonymous, asActor, becomeActor, inTransaction, sqlState, type TestDatabase, createTestDatabase } from '../support/database.ts';
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

const DEVELOPER = ['roles:read', 'tasks:assign', 'tasks:delete', 'tasks:read', 'tasks:write', 'teams:read', 'users:read'];
const VIEWER = ['roles:read', 'tasks:read', 'teams:read', 'users:read'];

/** Counts as the superuser (the transaction's role is reset, then the actor is restored by the caller if needed). */
async function countAsOwner(client: pg.ClientBase, sql: string, params: unknown[]): Promise<number> {
  await client.query('reset role');
  const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from (${sql}) s`, params);
  return rows[0].n;
}

/** Error code and constraint name of a statement that must fail, rolled back to a savepoint. */
async function failure(client: pg.ClientBase, sql: string, params: unknown[]): Promise<{ code?: string; constraint?: string }> {
  await client.query('savepoint probe');
  try {
    await client.query(sql, params);
  } catch (error) {
    await client.query('rollback to savepoint probe');
    const { code, constraint } = error as { code?: string; constraint?: string };
    return { code, constraint };
  }
  await client.query('release savepoint probe');
  throw new Error(`expected to fail: ${sql}`);
}

/** A new member of the tenant (made as superuser in this transaction) holding a new role with these permissions. */
async function actorWithPermissions(client: pg.ClientBase, organizationId: string, permissions: string[]): Promise<Actor> {
  const { rows } = await client.query<{ id: string }>(
    'insert into app_public.roles (organization_id, name, permissions) values ($1, $2, $3) returning id',
    [organizationId, `Role ${randomUUID()}`, permissions],
  );
  const userId = await createUser(client, `${randomUUID()}@example.test`, 'Probe');
  await addMember(client, organizationId, userId, rows[0].id);
  return { role: 'app_user', userId, sessionId: await createSession(client, userId), organizationId };
}

const outsider = (): Actor => ({ role: 'app_user', userId: t.outsider.id, sessionId: t.outsider.sessionId });

describe('createOrganization', () => {
  it('works with INSERT ... RETURNING * and sets up system roles and the creator as Admin', async () => {
    await asActor(db.pool, outsider(), async (client) => {
      const { rows } = await client.query<{ id: string; name: string; slug: string }>(
        `insert into app_public.organizations (name, slug) values ('New org', 'new-org') returning *`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ name: 'New org', slug: 'new-org' });
      const id = rows[0].id;

      // The creator sees it among their organizations without naming it.
      const visible = await client.query('select id from app_public.organizations');
      expect(visible.rows.map((r) => r.id)).toEqual([id]);

      // Naming it, the creator holds every permission and sees the three system roles.
      await becomeActor(client, { ...outsider(), organizationId: id });
      const perms = await client.query<{ p: string[] }>('select app_public.current_user_permissions() as p');
      expect(perms.rows[0].p).toHaveLength(19);
      const roles = await client.query<{ name: string; permissions: string[]; is_system: boolean }>(
        'select name, permissions, is_system from app_public.roles order by name',
      );
      expect(roles.rows.map((r) => ({ ...r, permissions: [...r.permissions].sort() }))).toEqual([
        { name: 'Admin', permissions: ['*'], is_system: true },
        { name: 'Developer', permissions: DEVELOPER, is_system: true },
        { name: 'Viewer', permissions: VIEWER, is_system: true },
      ]);
      const memberships = await client.query<{ user_id: string }>('select user_id from app_public.organization_memberships');
      expect(memberships.rows).toEqual([{ user_id: t.outsider.id }]);
      const held = await client.query<{ name: string }>(
        `select r.name from app_public.user_roles ur join app_public.roles r on r.id = ur.role_id`,
      );
      expect(held.rows).toEqual([{ name: 'Admin' }]);

      // And nothing else exists for it.
      expect(await countAsOwner(client, 'select 1 from app_public.roles where organization_id = $1', [id])).toBe(3);
      expect(await countAsOwner(client, 'select 1 from app_public.user_roles where organization_id = $1', [id])).toBe(1);
      expect(await countAsOwner(client, 'select 1 from app_public.organization_memberships where organization_id = $1', [id])).toBe(1);
      // The deferred foreign keys hold at commit time too.
      await client.query('set constraints all immediate');
    });
  });

  it('works for a member of another organization, who then belongs to both', async () => {
    await asActor(db.pool, member(t.a, 'viewer'), async (client) => {
      const { rows } = await client.query<{ id: string }>(`insert into app_public.organizations (name, slug) values ('Second', 'second') returning id`);
      const { rows: mine } = await client.query<{ id: string }>('select id from app_public.organizations order by id');
      expect(mine.map((r) => r.id).sort()).toEqual([t.a.id, rows[0].id].sort());
      await client.query('set constraints all immediate');
    });
  });

  it('refuses anonymous (42501) and a role without a session (42501)', async () => {
    await asActor(db.pool, anonymous, async (client) => {
      expect(await sqlState(client, () => client.query(`insert into app_public.organizations (name, slug) values ('x', 'anon-org')`))).toBe('42501');
    });
    await asActor(db.pool, { role: 'app_user', userId: t.outsider.id }, async (client) => {
      expect(await sqlState(client, () => client.query(`insert into app_public.organizations (name, slug) values ('x', 'anon-org')`))).toBe('42501');
    });
  });
});

describe('an organization keeps at least one Admin', () => {
  it('refuses deleting the only Admin\'s role assignment (RGLAD)', async () => {
    await asActor(db.pool, member(t.a, 'admin'), async (client) => {
      const state = await sqlState(client, () =>
        client.query('delete from app_public.user_roles where user_id = $1 and role_id = $2', [t.a.users.admin.id, t.a.roles.Admin]),
      );
      expect(state).toBe('RGLAD');
      expect(await sqlState(client, () => client.query('delete from app_public.user_roles where role_id = $1', [t.a.roles.Admin]))).toBe('RGLAD');
    });
  });

  it('refuses removing the only Admin\'s membership (RGLAD)', async () => {
    await asActor(db.pool, member(t.a, 'admin'), async (client) => {
      const state = await sqlState(client, () =>
        client.query('delete from app_public.organization_memberships where user_id = $1', [t.a.users.admin.id]),
      );
      expect(state).toBe('RGLAD');
    });
  });

  it('refuses it when the last Admin user is deleted outright (RGLAD)', async () => {
    await inTransaction(db.pool, async (client) => {
      expect(await sqlState(client, () => client.query('delete from app_public.users where id = $1', [t.a.users.admin.id]))).toBe('RGLAD');
    });
  });

  it('allows removing one of two Admins, by assignment or by membership, but not both at once', async () => {
    await asActor(db.pool, member(t.a, 'admin'), async (client) => {
      await client.query('insert into app_public.user_roles (user_id, role_id) values ($1, $2)', [t.a.users.developer.id, t.a.roles.Admin]);
      expect(await sqlState(client, () => client.query('delete from app_public.user_roles where role_id = $1', [t.a.roles.Admin]))).toBe('RGLAD');

      await client.query('savepoint by_membership');
      const byMembership = await client.query('delete from app_public.organization_memberships where user_id = $1', [t.a.users.developer.id]);
      expect(byMembership.rowCount).toBe(1);
      await client.query('rollback to savepoint by_membership');

      const byAssignment = await client.query('delete from app_public.user_roles where user_id = $1 and role_id = $2', [
        t.a.users.admin.id,
        t.a.roles.Admin,
      ]);
      expect(byAssignment.rowCount).toBe(1);
    });
  });
});

describe('system roles are fixed', () => {
  it('cannot be deleted, renamed or changed, even by an Admin (RGSYS)', async () => {
    await asActor(db.pool, member(t.a, 'admin'), async (client) => {
      for (const role of [t.a.roles.Admin, t.a.roles.Developer, t.a.roles.Viewer]) {
        expect(await sqlState(client, () => client.query('delete from app_public.roles where id = $1', [role]))).toBe('RGSYS');
        expect(await sqlState(client, () => client.query(`update app_public.roles set name = 'Renamed' where id = $1`, [role]))).toBe('RGSYS');
        expect(
          await sqlState(client, () => client.query(`update app_public.roles set permissions = '{tasks:read}' where id = $1`, [role])),
        ).toBe('RGSYS');
      }
      // is_system is not writable through the API at all.
      expect(await sqlState(client, () => client.query('update app_public.roles set is_system = false where id = $1', [t.a.roles.Viewer]))).toBe('42501');
      expect(await sqlState(client, () => client.query(`insert into app_public.roles (name, is_system) values ('Fake', true)`))).toBe('42501');
    });
  });

  it('cannot be deleted or changed by the owner either', async () => {
    await inTransaction(db.pool, async (client) => {
      expect(await sqlState(client, () => client.query('delete from app_public.roles where id = $1', [t.a.roles.Viewer]))).toBe('RGSYS');
      expect(await sqlState(client, () => client.query('update app_public.roles set is_system = false where id = $1', [t.a.roles.Viewer]))).toBe('RGSYS');
    });
  });

  it('custom roles can be renamed, changed and deleted', async () => {
    await asActor(db.pool, member(t.a, 'admin'), async (client) => {
      const custom = t.a.roles.custom;
      expect((await client.query(`update app_public.roles set name = 'Renamed' where id = $1`, [custom])).rowCount).toBe(1);
      expect((await client.query(`update app_public.roles set permissions = '{teams:read}' where id = $1`, [custom])).rowCount).toBe(1);
      expect((await client.query('delete from app_public.roles where id = $1', [custom])).rowCount).toBe(1);
      // Its holder lost it with it.
      expect((await client.query('select 1 from app_public.user_roles where user_id = $1', [t.a.users.custom.id])).rowCount).toBe(0);
    });
  });
});

describe('deleting an organization', () => {
  it('as its Admin removes memberships, role assignments, roles, teams, tasks and the rest', async () => {
    await asActor(db.pool, member(t.a, 'admin'), async (client) => {
      const { rowCount } = await client.query('delete from app_public.organizations where id = $1', [t.a.id]);
      expect(rowCount).toBe(1);
      for (const table of [
        'organization_memberships',
        'user_roles',
        'roles',
        'teams',
        'team_memberships',
        'tasks',
        'task_dependencies',
        'invitations',
      ]) {
        expect(await countAsOwner(client, `select 1 from app_public.${table} where organization_id = $1`, [t.a.id]), table).toBe(0);
      }
      // History and audit outlive the organization; b is untouched.
      expect(await countAsOwner(client, 'select 1 from app_public.audit_logs where organization_id = $1', [t.a.id])).toBe(1);
      expect(await countAsOwner(client, 'select 1 from app_public.tasks where organization_id = $1', [t.b.id])).toBe(3);
      expect(await countAsOwner(client, 'select 1 from app_public.roles where organization_id = $1', [t.b.id])).toBe(4);
      // The users themselves stay.
      expect(await countAsOwner(client, 'select 1 from app_public.users where id = $1', [t.a.users.developer.id])).toBe(1);
      await client.query('set constraints all immediate');
    });
  });

  it('is not allowed to a Developer, nor to the Admin of another organization', async () => {
    await asActor(db.pool, member(t.a, 'developer'), async (client) => {
      expect((await client.query('delete from app_public.organizations where id = $1', [t.a.id])).rowCount).toBe(0);
    });
    await asActor(db.pool, member(t.b, 'admin'), async (client) => {
      expect((await client.query('delete from app_public.organizations where id = $1', [t.a.id])).rowCount).toBe(0);
      expect(await countAsOwner(client, 'select 1 from app_public.organizations where id = $1', [t.a.id])).toBe(1);
    });
  });
});

describe('task dependencies', () => {
  async function link(client: pg.ClientBase, from: string, to: string, type = 'BLOCKS') {
    return client.query('insert into app_public.task_dependencies (task_id, depends_on_task_id, type) values ($1, $2, $3)', [from, to, type]);
  }

  it('refuse a direct BLOCKS cycle (RGCYC)', async () => {
    await asActor(db.pool, member(t.a, 'developer'), async (client) => {
      // Fixture: tasks[1] BLOCKS-depends on tasks[0].
      expect(await sqlState(client, () => link(client, t.a.tasks[0], t.a.tasks[1]))).toBe('RGCYC');
    });
  });

  it('refuse a longer BLOCKS cycle (RGCYC)', async () => {
    await asActor(db.pool, member(t.a, 'developer'), async (client) => {
      const [t0, t1, t2] = t.a.tasks;
      await link(client, t2, t1); // t2 → t1 → t0
      expect(await sqlState(client, () => link(client, t0, t2))).toBe('RGCYC');
      // Turning a RELATES_TO link into BLOCKS that closes a cycle is refused as well.
      await link(client, t0, t2, 'RELATES_TO');
      expect(
        await sqlState(client, () =>
          client.query(`update app_public.task_dependencies set type = 'BLOCKS' where task_id = $1 and depends_on_task_id = $2`, [t0, t2]),
        ),
      ).toBe('RGCYC');
    });
  });

  it('allow RELATES_TO loops and BLOCKS diamonds', async () => {
    await asActor(db.pool, member(t.a, 'developer'), async (client) => {
      const [t0, t1, t2] = t.a.tasks;
      expect((await link(client, t0, t1, 'RELATES_TO')).rowCount).toBe(1);
      expect((await link(client, t2, t1)).rowCount).toBe(1);
      expect((await link(client, t2, t0)).rowCount).toBe(1); // t2 → t1 → t0 and t2 → t0: no cycle
      expect((await link(client, t1, t2, 'RELATES_TO')).rowCount).toBe(1);
    });
  });

  it('refuse a task RELATES_TO itself with a check violation (23514)', async () => {
    await asActor(db.pool, member(t.a, 'developer'), async (client) => {
      expect(await sqlState(client, () => link(client, t.a.tasks[0], t.a.tasks[0], 'RELATES_TO'))).toBe('23514');
    });
  });

  // The table's CHECK (task_id <> depends_on_task_id) answers, not the cycle check (_200_refuse_cycles runs
  // AFTER the row is checked, so a self-loop never reaches it as a one-task cycle). BLOCKS is the default
  // type, so this is what createTaskDependency with taskId = dependsOnTaskId returns.
  it('refuse a task BLOCKS-depending on itself with a check violation (23514)', async () => {
    await asActor(db.pool, member(t.a, 'developer'), async (client) => {
      expect(await sqlState(client, () => link(client, t.a.tasks[0], t.a.tasks[0], 'BLOCKS'))).toBe('23514');
    });
  });
});

describe('references stay inside one organization', () => {
  const admin = () => member(t.a, 'admin');

  it('a task cannot name b\'s team or a user who is only in b (23503)', async () => {
    await asActor(db.pool, admin(), async (client) => {
      expect(await failure(client, `insert into app_public.tasks (title, team_id) values ('x', $1)`, [t.b.team])).toEqual({
        code: '23503',
        constraint: 'tasks_team_id_organization_id_fkey',
      });
      expect(await failure(client, `insert into app_public.tasks (title, assignee_id) values ('x', $1)`, [t.b.users.viewer.id])).toEqual({
        code: '23503',
        constraint: 'tasks_organization_id_assignee_id_fkey',
      });
      expect(await failure(client, 'update app_public.tasks set team_id = $2 where id = $1', [t.a.tasks[0], t.b.team])).toMatchObject({ code: '23503' });
      expect(await failure(client, 'update app_public.tasks set assignee_id = $2 where id = $1', [t.a.tasks[0], t.b.users.admin.id])).toMatchObject({
        code: '23503',
      });
    });
  });

  it('a dependency cannot point at b\'s task (23503)', async () => {
    await asActor(db.pool, admin(), async (client) => {
      expect(
        await failure(client, 'insert into app_public.task_dependencies (task_id, depends_on_task_id) values ($1, $2)', [t.a.tasks[0], t.b.tasks[0]]),
      ).toEqual({ code: '23503', constraint: 'task_dependencies_depends_on_task_id_organization_id_fkey' });
      expect(
        await failure(client, 'insert into app_public.task_dependencies (task_id, depends_on_task_id) values ($1, $2)', [t.b.tasks[2], t.a.tasks[0]]),
      ).toEqual({ code: '23503', constraint: 'task_dependencies_task_id_organization_id_fkey' });
    });
  });

  it('a team membership cannot name a user who is only in b, nor b\'s team (23503)', async () => {
    await asActor(db.pool, admin(), async (client) => {
      expect(
        await failure(client, 'insert into app_public.team_memberships (team_id, user_id) values ($1, $2)', [t.a.team, t.b.users.viewer.id]),
      ).toEqual({ code: '23503', constraint: 'team_memberships_organization_id_user_id_fkey' });
      expect(
        await failure(client, 'insert into app_public.team_memberships (team_id, user_id) values ($1, $2)', [t.b.team, t.a.users.viewer.id]),
      ).toEqual({ code: '23503', constraint: 'team_memberships_team_id_organization_id_fkey' });
    });
  });

  it('a role assignment cannot use b\'s role nor a user who is only in b (23503)', async () => {
    await asActor(db.pool, admin(), async (client) => {
      expect(
        await failure(client, 'insert into app_public.user_roles (user_id, role_id) values ($1, $2)', [t.a.users.viewer.id, t.b.roles.Admin]),
      ).toEqual({ code: '23503', constraint: 'user_roles_role_id_organization_id_fkey' });
      expect(
        await failure(client, 'insert into app_public.user_roles (user_id, role_id) values ($1, $2)', [t.b.users.viewer.id, t.a.roles.Admin]),
      ).toEqual({ code: '23503', constraint: 'user_roles_organization_id_user_id_fkey' });
    });
  });

  it('an insert naming b as its organization is refused by the policy (42501)', async () => {
    await asActor(db.pool, admin(), async (client) => {
      expect(await sqlState(client, () => client.query(`insert into app_public.tasks (organization_id, title) values ($1, 'x')`, [t.b.id]))).toBe('42501');
      expect(await sqlState(client, () => client.query(`insert into app_public.teams (organization_id, name) values ($1, 'x')`, [t.b.id]))).toBe('42501');
      expect(await sqlState(client, () => client.query(`insert into app_public.roles (organization_id, name) values ($1, 'x')`, [t.b.id]))).toBe('42501');
    });
  });
});

describe('organization_id defaults to X-Organization-Id', () => {
  it('on every organization-scoped insert', async () => {
    await asActor(db.pool, member(t.a, 'admin'), async (client) => {
      const task = await client.query<{ id: string; organization_id: string }>(`insert into app_public.tasks (title) values ('d') returning id, organization_id`);
      expect(task.rows[0].organization_id).toBe(t.a.id);
      const team = await client.query<{ id: string; organization_id: string }>(`insert into app_public.teams (name) values ('d') returning id, organization_id`);
      expect(team.rows[0].organization_id).toBe(t.a.id);
      const role = await client.query<{ organization_id: string }>(`insert into app_public.roles (name) values ('d') returning organization_id`);
      expect(role.rows[0].organization_id).toBe(t.a.id);
      const dependency = await client.query<{ organization_id: string }>(
        'insert into app_public.task_dependencies (task_id, depends_on_task_id) values ($1, $2) returning organization_id',
        [task.rows[0].id, t.a.tasks[0]],
      );
      expect(dependency.rows[0].organization_id).toBe(t.a.id);
      const teamMembership = await client.query<{ organization_id: string }>(
        'insert into app_public.team_memberships (team_id, user_id) values ($1, $2) returning organization_id',
        [team.rows[0].id, t.a.users.viewer.id],
      );
      expect(teamMembership.rows[0].organization_id).toBe(t.a.id);
      const userRole = await client.query<{ organization_id: string }>(
        'insert into app_public.user_roles (user_id, role_id) values ($1, $2) returning organization_id',
        [t.a.users.viewer.id, t.a.roles.Developer],
      );
      expect(userRole.rows[0].organization_id).toBe(t.a.id);
    });
  });

  it('and a non-member naming a gets null, which the policy refuses (42501)', async () => {
    await asActor(db.pool, { ...member(t.b, 'admin'), organizationId: t.a.id }, async (client) => {
      expect(await sqlState(client, () => client.query(`insert into app_public.tasks (title) values ('x')`))).toBe('42501');
    });
  });
});

describe('timestamps', () => {
  it('updated_at moves on update; created_at cannot be changed', async () => {
    await asActor(db.pool, member(t.a, 'developer'), async (client) => {
      const before = await client.query<{ created_at: Date; updated_at: Date }>('select created_at, updated_at from app_public.tasks where id = $1', [
        t.a.tasks[0],
      ]);
      const after = await client.query<{ created_at: Date; updated_at: Date; now: Date }>(
        `update app_public.tasks set title = 'Renamed' where id = $1 returning created_at, updated_at, now() as now`,
        [t.a.tasks[0]],
      );
      expect(after.rows[0].created_at).toEqual(before.rows[0].created_at);
      expect(after.rows[0].updated_at.getTime()).toBeGreaterThan(before.rows[0].updated_at.getTime());
      expect(after.rows[0].updated_at).toEqual(after.rows[0].now);

      expect(await sqlState(client, () => client.query(`update app_public.tasks set created_at = '2000-01-01' where id = $1`, [t.a.tasks[0]]))).toBe('42501');
      expect(await sqlState(client, () => client.query(`update app_public.tasks set updated_at = '2000-01-01' where id = $1`, [t.a.tasks[0]]))).toBe('42501');
      expect(await sqlState(client, () => client.query(`insert into app_public.tasks (title, created_at) values ('x', '2000-01-01')`))).toBe('42501');
    });
  });

  it('the trigger keeps created_at even for the owner, and ignores client values on insert', async () => {
    await inTransaction(db.pool, async (client) => {
      const before = await client.query<{ created_at: Date }>('select created_at from app_public.tasks where id = $1', [t.a.tasks[0]]);
      const after = await client.query<{ created_at: Date; updated_at: Date }>(
        `update app_public.tasks set created_at = '2000-01-01', updated_at = '2000-01-01' where id = $1 returning created_at, updated_at`,
        [t.a.tasks[0]],
      );
      expect(after.rows[0].created_at).toEqual(before.rows[0].created_at);
      expect(after.rows[0].updated_at.getFullYear()).toBeGreaterThan(2000);
      const inserted = await client.query<{ created_at: Date; updated_at: Date }>(
        `insert into app_public.teams (organization_id, name, created_at, updated_at) values ($1, 'ts', '2000-01-01', '2000-01-01')
         returning created_at, updated_at`,
        [t.a.id],
      );
      expect(inserted.rows[0].created_at.getFullYear()).toBeGreaterThan(2000);
      expect(inserted.rows[0].updated_at.getFullYear()).toBeGreaterThan(2000);
    });
  });

  it('completed_at is set when status becomes COMPLETED and cleared when it leaves it', async () => {
    await asActor(db.pool, member(t.a, 'developer'), async (client) => {
      const id = t.a.tasks[0];
      const set = (status: string) =>
        client.query<{ completed_at: Date | null }>('update app_public.tasks set status = $2 where id = $1 returning completed_at', [id, status]);
      expect((await set('IN_PROGRESS')).rows[0].completed_at).toBeNull();
      const completed = (await set('COMPLETED')).rows[0].completed_at;
      expect(completed).toBeInstanceOf(Date);
      await client.query(`update app_public.tasks set title = 'still done' where id = $1`, [id]);
      expect((await client.query('select completed_at from app_public.tasks where id = $1', [id])).rows[0].completed_at).toEqual(completed);
      expect((await set('CANCELLED')).rows[0].completed_at).toBeNull();
      expect((await set('COMPLETED')).rows[0].completed_at).toBeInstanceOf(Date);
      expect((await set('PENDING')).rows[0].completed_at).toBeNull();

      const inserted = await client.query<{ completed_at: Date | null }>(
        `insert into app_public.tasks (title, status) values ('born done', 'COMPLETED') returning completed_at`,
      );
      expect(inserted.rows[0].completed_at).toBeInstanceOf(Date);
      expect(await sqlState(client, () => client.query(`update app_public.tasks set completed_at = now() where id = $1`, [id]))).toBe('42501');
    });
  });

  it('completed_at keeps the time the task became COMPLETED, and never takes a client value', async () => {
    await inTransaction(db.pool, async (client) => {
      const id = t.a.tasks[1];
      const first = await client.query<{ completed_at: Date }>(
        `update app_public.tasks set status = 'COMPLETED', completed_at = '2000-01-01' where id = $1 returning completed_at`,
        [id],
      );
      expect(first.rows[0].completed_at.getFullYear()).toBeGreaterThan(2000);
      // Every statement of one transaction sees the same now(); plant an older completion time with triggers off
      // so that "kept" and "set again" differ.
      await client.query(`set local session_replication_role = replica`);
      await client.query(`update app_public.tasks set completed_at = '2000-01-01T00:00:00Z' where id = $1`, [id]);
      await client.query(`set local session_replication_role = origin`);
      await becomeActor(client, member(t.a, 'developer'));
      const kept = await client.query<{ completed_at: Date }>(
        `update app_public.tasks set title = 'still done', status = 'COMPLETED' where id = $1 returning completed_at`,
        [id],
      );
      expect(kept.rows[0].completed_at.toISOString()).toBe('2000-01-01T00:00:00.000Z');
      await client.query('reset role');
      const owner = await client.query<{ completed_at: Date }>(
        `update app_public.tasks set completed_at = '2001-01-01' where id = $1 returning completed_at`,
        [id],
      );
      expect(owner.rows[0].completed_at.toISOString()).toBe('2000-01-01T00:00:00.000Z');
    });
  });
});

describe('assigning a task needs tasks:assign', () => {
  it('a role with tasks:write only gets RG403 for an assignee on insert or update, but may change the title', async () => {
    await inTransaction(db.pool, async (client) => {
      const writer = await actorWithPermissions(client, t.a.id, ['tasks:write']);
      await becomeActor(client, writer);
      const assignee = t.a.users.viewer.id;
      expect(await sqlState(client, () => client.query(`insert into app_public.tasks (title, assignee_id) values ('x', $1)`, [assignee]))).toBe('RG403');
      expect((await client.query(`insert into app_public.tasks (title) values ('unassigned')`)).rowCount).toBe(1);
      expect((await client.query(`insert into app_public.tasks (title, assignee_id) values ('explicit null', null)`)).rowCount).toBe(1);
      // Without tasks:read the writer cannot name rows (WHERE needs the SELECT policy), so these updates
      // touch every task of a, which is all the writer can reach.
      expect(await sqlState(client, () => client.query('update app_public.tasks set assignee_id = $1', [assignee]))).toBe('RG403');
      expect(await sqlState(client, () => client.query('update app_public.tasks set assignee_id = null'))).toBe('RG403');
      const renamed = await client.query(`update app_public.tasks set title = 'renamed by a writer'`);
      expect(renamed.rowCount).toBe(5);
    });
  });

  it('a role with tasks:read and tasks:write gets RG403 changing one task\'s assignee, and may edit the rest', async () => {
    await inTransaction(db.pool, async (client) => {
      const writer = await actorWithPermissions(client, t.a.id, ['tasks:read', 'tasks:write']);
      await becomeActor(client, writer);
      const id = t.a.tasks[0];
      expect(await sqlState(client, () => client.query('update app_public.tasks set assignee_id = $2 where id = $1', [id, t.a.users.viewer.id]))).toBe('RG403');
      expect(await sqlState(client, () => client.query('update app_public.tasks set assignee_id = null where id = $1', [id]))).toBe('RG403');
      // Writing the same assignee back is no change.
      const same = await client.query('update app_public.tasks set assignee_id = $2, title = $3 where id = $1', [id, t.a.users.developer.id, 'same assignee']);
      expect(same.rowCount).toBe(1);
      const titled = await client.query(`update app_public.tasks set title = 'new title', status = 'IN_PROGRESS' where id = $1`, [id]);
      expect(titled.rowCount).toBe(1);
    });
  });

  it('a Developer may set and change the assignee', async () => {
    await asActor(db.pool, member(t.a, 'developer'), async (client) => {
      const inserted = await client.query<{ assignee_id: string }>(`insert into app_public.tasks (title, assignee_id) values ('x', $1) returning assignee_id`, [
        t.a.users.viewer.id,
      ]);
      expect(inserted.rows[0].assignee_id).toBe(t.a.users.viewer.id);
      const updated = await client.query<{ assignee_id: string }>('update app_public.tasks set assignee_id = $2 where id = $1 returning assignee_id', [
        t.a.tasks[0],
        t.a.users.admin.id,
      ]);
      expect(updated.rows[0].assignee_id).toBe(t.a.users.admin.id);
      const cleared = await client.query('update app_public.tasks set assignee_id = null where id = $1', [t.a.tasks[1]]);
      expect(cleared.rowCount).toBe(1);
    });
  });
});
