// Catalog checks of rowgate's roles: what each may own, become and write. They read pg_catalog, so a
// role that grew privileges fails here before it reaches a policy test. The rules for tables, policies,
// functions and views every migration must keep are db:lint's (db/lint.ts, test/db/lint.test.ts).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROLES } from '../../db/roles.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const API_ROLES = [ROLES.anonymous, ROLES.user];

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.pool.query(sql, params)).rows as T[];
}

test('API roles own nothing, the worker only graphile-worker\'s schema, and none reach the private schema', async () => {
  // graphile-worker's schema is the worker's own (its tables allow only their owner); pg_toast holds their
  // out-of-line storage.
  const owned = await rows(
    `select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where pg_get_userbyid(c.relowner) = any($1) and n.nspname not in ('graphile_worker', 'pg_toast')
     union all select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where pg_get_userbyid(p.proowner) = any($1) and n.nspname <> 'graphile_worker'
     union all select nspname from pg_namespace where pg_get_userbyid(nspowner) = any($1) and nspname <> 'graphile_worker'`,
    [[...API_ROLES, ROLES.authenticator, ROLES.worker]],
  );
  expect(owned).toEqual([]);
  const workerSchema = await rows<{ owner: string }>(`select pg_get_userbyid(nspowner) as owner from pg_namespace where nspname = 'graphile_worker'`);
  expect(workerSchema).toEqual([{ owner: ROLES.worker }]);
  const privateAccess = await rows(
    `select r.rolname from pg_roles r where r.rolname = any($1) and has_schema_privilege(r.oid, 'app_private', 'usage')`,
    [[...API_ROLES, ROLES.authenticator, ROLES.worker]],
  );
  expect(privateAccess).toEqual([]);
});

test('role attributes: authenticator NOINHERIT, nobody but the definer bypasses RLS, no superusers', async () => {
  const roles = await rows<{ rolname: string; rolsuper: boolean; rolinherit: boolean; rolbypassrls: boolean; rolcanlogin: boolean; rolcreaterole: boolean; rolcreatedb: boolean }>(
    `select rolname, rolsuper, rolinherit, rolbypassrls, rolcanlogin, rolcreaterole, rolcreatedb from pg_roles where rolname = any($1)`,
    [Object.values(ROLES)],
  );
  const byName = Object.fromEntries(roles.map((r) => [r.rolname, r]));
  expect(Object.keys(byName).sort()).toEqual(Object.values(ROLES).sort());
  expect(roles.filter((r) => r.rolsuper || r.rolcreaterole || r.rolcreatedb)).toEqual([]);
  expect(roles.filter((r) => r.rolbypassrls).map((r) => r.rolname)).toEqual([ROLES.definer]);
  expect(byName[ROLES.authenticator]).toMatchObject({ rolinherit: false, rolcanlogin: true });
  expect(byName[ROLES.definer].rolcanlogin).toBe(false);
  expect(byName[ROLES.anonymous].rolcanlogin).toBe(false);
  expect(byName[ROLES.user].rolcanlogin).toBe(false);
});

test('the authenticator can become exactly the API roles', async () => {
  const members = await rows<{ role: string }>(
    `select r.rolname as role from pg_roles r where r.rolname <> $1 and pg_has_role($1, r.oid, 'member') order by 1`,
    [ROLES.authenticator],
  );
  expect(members.map((m) => m.role)).toEqual([...API_ROLES].sort());
  // NOINHERIT: membership gives the right to SET ROLE, not the privileges themselves. Its own privileges
  // are the shared rate-limit counts (RATE_LIMIT_STORE=postgres, migration 000016), nothing else.
  const usable = await rows<{ table: string; privilege: string }>(
    `select table_schema || '.' || table_name as table, privilege_type as privilege
     from information_schema.table_privileges where grantee = $1 order by 1, 2`,
    [ROLES.authenticator],
  );
  expect(usable).toEqual(['DELETE', 'INSERT', 'SELECT', 'UPDATE'].map((privilege) => ({ table: 'app_rate_limits.counts', privilege })));
});

test('no API role may update or delete the audit tables, and only the worker writes them', async () => {
  const privileges = await rows<{ grantee: string; table_name: string; privilege_type: string }>(
    `select grantee, table_name, privilege_type from information_schema.table_privileges
     where table_schema = 'app_public' and table_name in ('audit_logs', 'task_histories')
       and privilege_type in ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')
       and grantee <> $1 order by 1, 2, 3`,
    [ROLES.owner],
  );
  expect(privileges).toEqual([
    { grantee: ROLES.worker, table_name: 'audit_logs', privilege_type: 'INSERT' },
    { grantee: ROLES.worker, table_name: 'task_histories', privilege_type: 'INSERT' },
  ]);
});
