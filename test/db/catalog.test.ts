// Catalog checks: rules every future migration must keep. They read pg_catalog, so a new table without
// forced RLS, a SECURITY DEFINER function without a pinned search_path or a role that grew privileges
// fails here before it reaches a policy test.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROLES } from '../../db/roles.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const EXPOSED = ['app_public'];
const API_ROLES = [ROLES.anonymous, ROLES.user];

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.pool.query(sql, params)).rows as T[];
}

test('every table of an exposed schema has RLS enabled and forced and at least one policy', async () => {
  const tables = await rows<{ name: string; enabled: boolean; forced: boolean; policies: number }>(
    `select c.oid::regclass::text as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
            (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = any($1) and c.relkind in ('r', 'p')`,
    [EXPOSED],
  );
  expect(tables.length).toBeGreaterThanOrEqual(13);
  expect(tables.filter((t) => !t.enabled || !t.forced || t.policies === 0)).toEqual([]);
});

test('policies are permissive, name their roles, and never call a helper per row', async () => {
  const policies = await rows<{ name: string; permissive: boolean; roles: string[]; expression: string }>(
    `select c.oid::regclass::text || '.' || p.polname as name, p.polpermissive as permissive,
            array(select rolname from pg_roles where oid = any(p.polroles)) as roles,
            coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' ' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') as expression
     from pg_policy p join pg_class c on c.oid = p.polrelid`,
  );
  expect(policies.filter((p) => !p.permissive)).toEqual([]);
  // `to public` (oid 0) would let any role through the policy.
  expect(policies.filter((p) => p.roles.length === 0)).toEqual([]);
  for (const policy of policies) {
    // Every helper call sits inside a sub-select: strip those, and no call of ours may remain.
    const outside = policy.expression.replace(/\(\s*SELECT[^()]*(\([^()]*\)[^()]*)*\)/gi, '');
    expect(outside, policy.name).not.toMatch(/app_public\.\w+\(/);
  }
});

test('one permissive policy per table, command and role', async () => {
  const duplicates = await rows(
    `select c.oid::regclass::text as name, p.polcmd, r.rolname, count(*)
     from pg_policy p join pg_class c on c.oid = p.polrelid cross join lateral unnest(p.polroles) role_oid
     join pg_roles r on r.oid = role_oid
     group by 1, 2, 3 having count(*) > 1`,
  );
  expect(duplicates).toEqual([]);
});

test('every column a policy filters on is the leading column of an index', async () => {
  const unindexed = await rows(
    `select c.oid::regclass::text as name, a.attname
     from pg_policy p join pg_class c on c.oid = p.polrelid
     join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     where (coalesce(pg_get_expr(p.polqual, p.polrelid), '') || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), ''))
           ~ ('(^|[^a-z_.])' || a.attname || '\\s*(=|IN)')
       and not exists (select 1 from pg_index i where i.indrelid = c.oid and i.indkey[0] = a.attnum)`,
  );
  expect(unindexed).toEqual([]);
});

test('every SECURITY DEFINER function pins search_path and is owned by the definer role', async () => {
  const functions = await rows<{ name: string; owner: string; config: string[] | null }>(
    `select p.oid::regprocedure::text as name, pg_get_userbyid(p.proowner) as owner, p.proconfig as config
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where p.prosecdef and n.nspname not in ('pg_catalog', 'information_schema')`,
  );
  expect(functions.length).toBeGreaterThan(0);
  expect(functions.filter((f) => !f.config?.some((c) => c.startsWith('search_path=')))).toEqual([]);
  expect(functions.filter((f) => f.owner !== ROLES.definer)).toEqual([]);
});

test('no function of ours is executable by PUBLIC; API roles get EXECUTE by name', async () => {
  // A null ACL means the default, which lets PUBLIC execute; grantee 0 is PUBLIC.
  const open = await rows(
    `select p.oid::regprocedure::text as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname like 'app\\_%'
       and (p.proacl is null or exists (select 1 from aclexplode(p.proacl) a where a.grantee = 0 and a.privilege_type = 'EXECUTE'))`,
  );
  expect(open).toEqual([]);
});

test('every view is security_invoker', async () => {
  const views = await rows(
    `select c.oid::regclass::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('v', 'm') and n.nspname like 'app\\_%'
       and not coalesce(c.reloptions @> array['security_invoker=true'] or c.reloptions @> array['security_invoker=on'], false)`,
  );
  expect(views).toEqual([]);
});

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

test('every exposed table, column and function has a comment', async () => {
  const missing = await rows(
    `select c.oid::regclass::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'app_public' and c.relkind in ('r', 'v') and obj_description(c.oid, 'pg_class') is null
     union all
     select c.oid::regclass::text || '.' || a.attname from pg_attribute a join pg_class c on c.oid = a.attrelid
     join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'app_public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
       and col_description(c.oid, a.attnum) is null
     union all
     select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'app_public' and obj_description(p.oid, 'pg_proc') is null`,
  );
  expect(missing).toEqual([]);
});
