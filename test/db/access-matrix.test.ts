// The access matrix: every exposed table × select, insert, update, delete × every kind of caller, each
// acting with X-Organization-Id = organization a while organization b holds the same kinds of rows.
// One declarative table says what each cell allows; every cell also proves b's rows were untouched.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { anonymous, becomeActor, createTestDatabase, inTransaction, sqlState, type Actor, type TestDatabase } from '../support/database.ts';
import { createTenants, member, type Persona, type Tenant, type Tenants } from '../support/tenants.ts';

type Caller = 'anonymous' | 'nonMember' | Persona;
const CALLERS: Caller[] = ['anonymous', 'nonMember', 'viewer', 'developer', 'admin', 'custom'];

/** select: which rows of the table the caller sees (`self`: only their own user). */
type See = 'denied' | 'nothing' | 'own' | 'self' | 'all';
/** insert/update/delete: refused with an error, silently affects no row, or affects the caller's row. */
type Do = 'denied' | 'nothing' | 'ok';

interface TableRules {
  /** Superuser query: ids of the rows that belong to organization $1. */
  rowsOf: string;
  /** Columns of a fresh row in the tenant's organization (organization_id left to its default). */
  newRow: (tenant: Tenant, t: Tenants) => Record<string, unknown>;
  /** The row each caller targets with update and delete, in a tenant. */
  target: (tenant: Tenant, caller: Caller, t: Tenants) => string;
  /** A harmless assignment for update. */
  change: string;
  select: Record<Caller, See>;
  insert: Record<Caller, Do>;
  update: Record<Caller, Do>;
  delete: Record<Caller, Do>;
}

const all = <T,>(value: T): Record<Caller, T> => Object.fromEntries(CALLERS.map((c) => [c, value])) as Record<Caller, T>;
const row = (anonymous: any, nonMember: any, viewer: any, developer: any, admin: any, custom: any) =>
  ({ anonymous, nonMember, viewer, developer, admin, custom });
const scoped = (table: string) => `select id from app_public.${table} where organization_id = $1`;

const MATRIX: Record<string, TableRules> = {
  permissions: {
    rowsOf: 'select name as id from app_public.permissions',
    newRow: () => ({ name: 'billing:read', description: 'forged' }),
    target: () => 'tasks:read',
    change: `description = description || '!'`,
    select: row('denied', 'all', 'all', 'all', 'all', 'all'),
    insert: all('denied'),
    update: all('denied'),
    delete: all('denied'),
  },
  users: {
    rowsOf: 'select user_id as id from app_public.organization_memberships where organization_id = $1',
    newRow: () => ({ email: 'new@x.test', name: 'New' }),
    target: (tenant, caller, t) => (caller === 'nonMember' ? t.outsider.id : tenant.users[caller === 'anonymous' ? 'viewer' : caller].id),
    change: `name = name || '!'`,
    // Other members only with users:read (the custom role holds tasks:read alone).
    select: row('denied', 'self', 'own', 'own', 'own', 'self'),
    insert: all('denied'),
    update: row('denied', 'ok', 'ok', 'ok', 'ok', 'ok'),
    delete: all('denied'),
  },
  organizations: {
    rowsOf: 'select id from app_public.organizations where id = $1',
    newRow: () => ({ name: 'Fresh', slug: 'fresh-org' }),
    target: (tenant) => tenant.id,
    change: `name = name || '!'`,
    select: row('denied', 'nothing', 'own', 'own', 'own', 'own'),
    insert: row('denied', 'ok', 'ok', 'ok', 'ok', 'ok'),
    update: row('denied', 'nothing', 'nothing', 'nothing', 'ok', 'nothing'),
    delete: row('denied', 'nothing', 'nothing', 'nothing', 'ok', 'nothing'),
  },
  organization_memberships: {
    rowsOf: scoped('organization_memberships'),
    newRow: (_tenant, t) => ({ user_id: t.outsider.id }),
    target: (tenant) => `(select id from app_public.organization_memberships where user_id = '${tenant.users.custom.id}')`,
    change: 'updated_at = now()',
    select: row('denied', 'nothing', 'own', 'own', 'own', 'nothing'),
    insert: all('denied'),
    update: all('denied'),
    delete: row('denied', 'nothing', 'nothing', 'nothing', 'ok', 'nothing'),
  },
  roles: {
    rowsOf: scoped('roles'),
    newRow: () => ({ name: 'Auditor', permissions: ['audit:read'] }),
    target: (tenant) => tenant.roles.custom,
    change: `description = 'changed'`,
    select: row('denied', 'nothing', 'own', 'own', 'own', 'nothing'),
    insert: row('denied', 'denied', 'denied', 'denied', 'ok', 'denied'),
    update: row('denied', 'nothing', 'nothing', 'nothing', 'ok', 'nothing'),
    delete: row('denied', 'nothing', 'nothing', 'nothing', 'ok', 'nothing'),
  },
  user_roles: {
    rowsOf: scoped('user_roles'),
    newRow: (tenant) => ({ user_id: tenant.users.viewer.id, role_id: tenant.roles.Developer }),
    target: (tenant) => `(select id from app_public.user_roles where user_id = '${tenant.users.custom.id}')`,
    change: 'updated_at = now()',
    select: row('denied', 'nothing', 'nothing', 'nothing', 'own', 'nothing'),
    insert: row('denied', 'denied', 'denied', 'denied', 'ok', 'denied'),
    update: all('denied'),
    delete: row('denied', 'nothing', 'nothing', 'nothing', 'ok', 'nothing'),
  },
  teams: {
    rowsOf: scoped('teams'),
    newRow: () => ({ name: 'Fresh team' }),
    target: (tenant) => tenant.team,
    change: `description = 'changed'`,
    select: row('denied', 'nothing', 'own', 'own', 'own', 'nothing'),
    insert: row('denied', 'denied', 'denied', 'denied', 'ok', 'denied'),
    update: row('denied', 'nothing', 'nothing', 'nothing', 'ok', 'nothing'),
    delete: row('denied', 'nothing', 'nothing', 'nothing', 'ok', 'nothing'),
  },
  team_memberships: {
    rowsOf: scoped('team_memberships'),
    newRow: (tenant) => ({ team_id: tenant.team, user_id: tenant.users.viewer.id }),
    target: (tenant) => tenant.teamMembership,
    change: 'updated_at = now()',
    select: row('denied', 'nothing', 'own', 'own', 'own', 'nothing'),
    insert: row('denied', 'denied', 'denied', 'denied', 'ok', 'denied'),
    update: all('denied'),
    delete: row('denied', 'nothing', 'nothing', 'nothing', 'ok', 'nothing'),
  },
  tasks: {
    rowsOf: scoped('tasks'),
    newRow: () => ({ title: 'Fresh task' }),
    target: (tenant) => tenant.tasks[2],
    change: `title = title || '!'`,
    select: row('denied', 'nothing', 'own', 'own', 'own', 'own'),
    insert: row('denied', 'denied', 'denied', 'ok', 'ok', 'denied'),
    update: row('denied', 'nothing', 'nothing', 'ok', 'ok', 'nothing'),
    delete: row('denied', 'nothing', 'nothing', 'ok', 'ok', 'nothing'),
  },
  task_dependencies: {
    rowsOf: scoped('task_dependencies'),
    newRow: (tenant) => ({ task_id: tenant.tasks[2], depends_on_task_id: tenant.tasks[1], type: 'RELATES_TO' }),
    target: (tenant) => tenant.dependency,
    change: `type = 'RELATES_TO'`,
    select: row('denied', 'nothing', 'own', 'own', 'own', 'own'),
    insert: row('denied', 'denied', 'denied', 'ok', 'ok', 'denied'),
    update: row('denied', 'nothing', 'nothing', 'ok', 'ok', 'nothing'),
    delete: row('denied', 'nothing', 'nothing', 'ok', 'ok', 'nothing'),
  },
  task_histories: {
    rowsOf: scoped('task_histories'),
    newRow: (tenant) => ({ task_id: tenant.tasks[0], event_key: 'forged', action: 'task.deleted' }),
    target: (tenant) => tenant.history,
    change: `action = 'forged'`,
    select: row('denied', 'nothing', 'own', 'own', 'own', 'own'),
    insert: all('denied'),
    update: all('denied'),
    delete: all('denied'),
  },
  audit_logs: {
    rowsOf: scoped('audit_logs'),
    newRow: (tenant) => ({ seq: 99, event_key: 'forged', action: 'task.deleted', resource_type: 'task', resource_id: tenant.tasks[0], hash: 'x' }),
    target: (tenant) => tenant.auditLog,
    change: `action = 'forged'`,
    select: row('denied', 'nothing', 'nothing', 'nothing', 'own', 'nothing'),
    insert: all('denied'),
    update: all('denied'),
    delete: all('denied'),
  },
  invitations: {
    rowsOf: scoped('invitations'),
    newRow: (tenant) => ({ email: 'new@x.test', role_id: tenant.roles.Viewer, expires_at: '2100-01-01' }),
    target: (tenant) => tenant.invitation,
    change: `email = 'changed@x.test'`,
    select: row('denied', 'nothing', 'nothing', 'nothing', 'own', 'nothing'),
    insert: all('denied'),
    update: all('denied'),
    delete: row('denied', 'nothing', 'nothing', 'nothing', 'ok', 'nothing'),
  },
};

let db: TestDatabase;
let t: Tenants;
beforeAll(async () => {
  db = await createTestDatabase();
  t = await createTenants(db.pool);
});
afterAll(() => db?.drop());

function actorFor(caller: Caller): Actor {
  if (caller === 'anonymous') return { ...anonymous, organizationId: t.a.id };
  if (caller === 'nonMember') return { role: 'app_user', userId: t.outsider.id, sessionId: t.outsider.sessionId, organizationId: t.a.id };
  return member(t.a, caller);
}

const keyColumn = (table: string) => (table === 'permissions' ? 'name' : 'id');

/** Superuser fingerprint of a set of rows, taken inside the caller's transaction (reset role, then back). */
async function fingerprint(client: pg.ClientBase, caller: Caller, table: string, where: string): Promise<string> {
  await client.query('reset role');
  const { rows } = await client.query(`select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as f from app_public.${table} x where ${where}`);
  await becomeActor(client, actorFor(caller));
  return rows[0].f;
}

async function ids(client: pg.ClientBase, sql: string, param: string): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(sql, sql.includes('$1') ? [param] : []);
  return rows.map((r) => r.id).sort();
}

const targetSql = (value: string) => (value.startsWith('(') ? value : `'${value}'`);

describe.each(Object.entries(MATRIX))('%s', (table, rules) => {
  test.each(CALLERS)('select as %s', async (caller) => {
    await inTransaction(db.pool, async (client) => {
      const ownRows = await ids(client, rules.rowsOf, t.a.id);
      const allRows = await ids(client, `select ${keyColumn(table)} as id from app_public.${table}`, '');
      await becomeActor(client, actorFor(caller));
      const query = `select ${keyColumn(table)} as id from app_public.${table}`;
      if (rules.select[caller] === 'denied') {
        expect(await sqlState(client, () => client.query(query))).toBe('42501');
        return;
      }
      const seen = await ids(client, query, '');
      const expected = { nothing: [], own: ownRows, all: allRows, self: [actorFor(caller).userId!] }[rules.select[caller]];
      expect(seen).toEqual(expected.sort());
    });
  });

  test.each(CALLERS)('insert as %s', async (caller) => {
    await inTransaction(db.pool, async (client) => {
      await becomeActor(client, actorFor(caller));
      const before = await fingerprint(client, caller, table, 'true');
      const values = rules.newRow(t.a, t);
      const insert = (extra: Record<string, unknown>) => {
        const all = { ...values, ...extra };
        const names = Object.keys(all);
        return client.query(
          `insert into app_public.${table} (${names.join(', ')}) values (${names.map((_, i) => `$${i + 1}`).join(', ')}) returning *`,
          Object.values(all),
        );
      };
      if (rules.insert[caller] === 'ok') {
        const { rows } = await insert({});
        expect(rows).toHaveLength(1);
        if ('organization_id' in rows[0]) expect(rows[0].organization_id).toBe(t.a.id);
      } else {
        expect(await sqlState(client, () => insert({}))).toBe('42501');
        expect(await fingerprint(client, caller, table, 'true')).toBe(before);
      }
      // Nobody, whatever their role in a, may put a row into b.
      if (table !== 'organizations' && table !== 'users' && table !== 'permissions') {
        const intoB = { ...rules.newRow(t.b, t), organization_id: t.b.id };
        const state = await sqlState(client, () => insert(intoB));
        expect(['42501', '23503']).toContain(state);
      }
    });
  });

  for (const command of ['update', 'delete'] as const) {
    test.each(CALLERS)(`${command} as %s`, async (caller) => {
      await inTransaction(db.pool, async (client) => {
        await becomeActor(client, actorFor(caller));
        const own = targetSql(rules.target(t.a, caller, t));
        const other = targetSql(rules.target(t.b, caller === 'nonMember' || caller === 'anonymous' ? 'admin' : caller, t));
        const key = keyColumn(table);
        const statement = (target: string) =>
          command === 'update'
            ? `update app_public.${table} set ${rules.change} where ${key} = ${target}`
            : `delete from app_public.${table} where ${key} = ${target}`;
        const otherBefore = await fingerprint(client, caller, table, `${key} = ${other}`);
        const expected = rules[command][caller];
        if (expected === 'denied') {
          const before = await fingerprint(client, caller, table, 'true');
          expect(await sqlState(client, () => client.query(statement(own)))).toBe('42501');
          expect(await sqlState(client, () => client.query(statement(other)))).toBe('42501');
          expect(await fingerprint(client, caller, table, 'true')).toBe(before);
          return;
        }
        const ownBefore = await fingerprint(client, caller, table, `${key} = ${own}`);
        const result = await client.query(statement(own));
        expect(result.rowCount).toBe(expected === 'ok' ? 1 : 0);
        if (expected === 'nothing') expect(await fingerprint(client, caller, table, `${key} = ${own}`)).toBe(ownBefore);
        // The same statement against b's row affects nothing.
        expect((await client.query(statement(other))).rowCount).toBe(0);
        expect(await fingerprint(client, caller, table, `${key} = ${other}`)).toBe(otherBefore);
      });
    });
  }
});
