// The rules every schema change must keep, read from pg_catalog (and, for one, from the migration text):
// `npm run db:lint` prints each finding with the object and the fix, `db:watch` runs it after each apply
// of current.sql, and CI runs it through test/db/lint.test.ts. After Supabase's database linter
// (splinter: rls_disabled_in_public, auth_rls_initplan, multiple_permissive_policies,
// unindexed_foreign_keys, function_search_path_mutable, security_definer_view) and squawk's
// require-concurrent-index-creation, plus rowgate's own: forced RLS, column grants, comments, and rows
// derived from a task following the task's policy.
import type pg from 'pg';
import { withQualifiedNames } from './bootstrap.ts';
import { ROLES } from './roles.ts';

export interface Finding {
  rule: string;
  object: string;
  fix: string;
}

interface CatalogRule {
  rule: string;
  /** Rows of `object` (and optionally `detail`), one per finding. */
  sql: string;
  fix: (row: { object: string; detail?: string }) => string;
}

/** Schemas PostGraphile exposes, and the roles API requests run as. */
const EXPOSED_SCHEMAS = ['app_public'];
const API_ROLES = [ROLES.anonymous, ROLES.user];
/** Constants, written into the rules' SQL as array literals. */
const sqlArray = (items: string[]) => `array[${items.map((item) => `'${item}'`).join(', ')}]`;
const EXPOSED = sqlArray(EXPOSED_SCHEMAS);
const API = sqlArray(API_ROLES);

const CATALOG_RULES: CatalogRule[] = [
  {
    rule: 'rls_not_forced',
    sql: `select c.oid::regclass::text as object,
                 concat_ws(', ', case when not c.relrowsecurity then 'RLS is disabled' end,
                                 case when not c.relforcerowsecurity then 'RLS is not forced' end,
                                 case when not exists (select 1 from pg_policy p where p.polrelid = c.oid) then 'no policy' end) as detail
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = any(${EXPOSED}) and c.relkind in ('r', 'p')
            and (not c.relrowsecurity or not c.relforcerowsecurity or not exists (select 1 from pg_policy p where p.polrelid = c.oid))`,
    fix: ({ object, detail }) => `${detail}: alter table ${object} enable row level security, force row level security; then create its policies`,
  },
  {
    rule: 'policy_for_public',
    sql: `select c.oid::regclass::text || ' policy ' || p.polname as object
          from pg_policy p join pg_class c on c.oid = p.polrelid
          where p.polroles = '{0}'::oid[]`,
    fix: () => 'name the roles the policy is for (`to app_user`): `to public` lets any role through it',
  },
  {
    rule: 'policy_restrictive',
    sql: `select c.oid::regclass::text || ' policy ' || p.polname as object
          from pg_policy p join pg_class c on c.oid = p.polrelid where not p.polpermissive`,
    fix: () => 'fold the condition into the permissive policy of its command and role (one policy says the whole rule)',
  },
  {
    // auth_rls_initplan: a helper outside a sub-select runs once per row instead of once per statement.
    rule: 'helper_per_row',
    sql: `select c.oid::regclass::text || ' policy ' || p.polname as object, m[1] as detail
          from pg_policy p join pg_class c on c.oid = p.polrelid
          cross join lateral regexp_matches(
            regexp_replace(coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' ' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), ''),
                           '\\(\\s*SELECT[^()]*(\\([^()]*\\)[^()]*)*\\)', '', 'gi'),
            '(app_public\\.\\w+)\\(', 'g') as m`,
    fix: ({ detail }) => `wrap the call in a sub-select, \`(select ${detail}(…))\`, so it runs once per statement, not once per row`,
  },
  {
    rule: 'multiple_permissive_policies',
    sql: `select c.oid::regclass::text || ' ' || case p.polcmd when 'r' then 'select' when 'a' then 'insert' when 'w' then 'update' when 'd' then 'delete' else 'all' end
                 || ' for ' || r.rolname as object, string_agg(p.polname, ', ') as detail
          from pg_policy p join pg_class c on c.oid = p.polrelid cross join lateral unnest(p.polroles) role_oid
          join pg_roles r on r.oid = role_oid
          where p.polpermissive group by c.oid, p.polcmd, r.rolname having count(*) > 1`,
    fix: ({ detail }) => `merge ${detail} into one policy: PostgreSQL evaluates every permissive policy and ORs them`,
  },
  {
    rule: 'unindexed_policy_column',
    sql: `select c.oid::regclass::text || '.' || a.attname as object
          from pg_policy p join pg_class c on c.oid = p.polrelid
          join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
          where (coalesce(pg_get_expr(p.polqual, p.polrelid), '') || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), ''))
                ~ ('(^|[^a-z_.])' || a.attname || '\\s*(=|IN)')
            and not exists (select 1 from pg_index i where i.indrelid = c.oid and i.indkey[0] = a.attnum)
          group by 1`,
    fix: ({ object }) => `a policy filters on ${object}: make it the leading column of an index`,
  },
  {
    rule: 'unindexed_foreign_key',
    sql: `select con.conrelid::regclass::text || ' (' || string_agg(a.attname, ', ' order by k.n) || ')' as object, con.conname as detail
          from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
          cross join lateral unnest(con.conkey) with ordinality k(attnum, n)
          join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
          where con.contype = 'f' and n.nspname like 'app\\_%'
            and not exists (select 1 from pg_index i where i.indrelid = con.conrelid
                            and (i.indkey::int2[])[0:cardinality(con.conkey) - 1] @> con.conkey)
          group by con.oid`,
    fix: ({ object, detail }) => `index ${object} (leading columns) for ${detail}: deleting or updating the referenced row scans the whole table otherwise`,
  },
  {
    rule: 'table_level_write_grant',
    sql: `select table_schema || '.' || table_name as object, grantee || ' ' || privilege_type as detail
          from information_schema.table_privileges
          where table_schema = any(${EXPOSED}) and grantee = any(${API}) and privilege_type in ('INSERT', 'UPDATE')`,
    fix: ({ detail }) => `grant ${detail} on the writable columns only (\`grant update (title, …)\`), never the whole table`,
  },
  {
    rule: 'definer_search_path',
    sql: `select p.oid::regprocedure::text as object,
                 concat_ws(', ', case when not pinned then 'search_path is not pinned' end,
                                 case when owner <> '${ROLES.definer}' then 'owned by ' || owner end) as detail
          from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          cross join lateral (select exists (select 1 from unnest(p.proconfig) g where g like 'search_path=%') as pinned,
                                     pg_get_userbyid(p.proowner) as owner) f
          where p.prosecdef and n.nspname not in ('pg_catalog', 'information_schema')
            and (not pinned or owner <> '${ROLES.definer}')`,
    fix: ({ detail }) => `${detail}: a SECURITY DEFINER function needs \`set search_path = pg_catalog, pg_temp\` and \`owner to ${ROLES.definer}\``,
  },
  {
    rule: 'function_executable_by_public',
    // A null ACL is the default, which lets PUBLIC execute; grantee 0 is PUBLIC.
    sql: `select p.oid::regprocedure::text as object from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where n.nspname like 'app\\_%'
            and (p.proacl is null or exists (select 1 from aclexplode(p.proacl) a where a.grantee = 0 and a.privilege_type = 'EXECUTE'))`,
    fix: ({ object }) => `revoke execute on function ${object} from public; then grant it to the roles that call it`,
  },
  {
    rule: 'view_not_security_invoker',
    sql: `select c.oid::regclass::text as object from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where c.relkind in ('v', 'm') and n.nspname like 'app\\_%'
            and not coalesce(c.reloptions @> array['security_invoker=true'] or c.reloptions @> array['security_invoker=on'], false)`,
    fix: () => 'create it `with (security_invoker = true)`: a view runs as its owner otherwise, past the callers\' RLS',
  },
  {
    rule: 'missing_comment',
    sql: `select c.oid::regclass::text as object from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = any(${EXPOSED}) and c.relkind in ('r', 'v') and obj_description(c.oid, 'pg_class') is null
          union all
          select c.oid::regclass::text || '.' || a.attname from pg_attribute a join pg_class c on c.oid = a.attrelid
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = any(${EXPOSED}) and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped and col_description(c.oid, a.attnum) is null
          union all
          select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where n.nspname = any(${EXPOSED}) and obj_description(p.oid, 'pg_proc') is null`,
    fix: ({ object }) => `comment on ${object} is '…': exposed objects document the API (PostGraphile shows comments)`,
  },
  {
    // The task-history leak (000023): a row about a task (a foreign key to tasks, or a task_id column, as
    // task_histories has, whose rows outlive their task) must be readable only when the task is, so its
    // select policy reads the tasks table, whose own policies then apply.
    rule: 'derived_row_ignores_source_policy',
    sql: `select c.oid::regclass::text as object
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = any(${EXPOSED}) and c.relkind in ('r', 'p') and c.oid <> 'app_public.tasks'::regclass
            and (exists (select 1 from pg_constraint con where con.conrelid = c.oid and con.contype = 'f' and con.confrelid = 'app_public.tasks'::regclass)
                 or exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'task_id' and not a.attisdropped))
            and not exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polcmd in ('r', '*')
                              and pg_get_expr(p.polqual, p.polrelid) ~ '\\mapp_public\\.tasks\\M')`,
    fix: () => 'its rows are about tasks: its select policy must read app_public.tasks (`exists (select 1 from app_public.tasks t where t.id = …)`) so the task\'s own policies apply',
  },
];

export function lintDatabase(client: pg.ClientBase): Promise<Finding[]> {
  return withQualifiedNames(client, async () => {
    const findings: Finding[] = [];
    for (const { rule, sql, fix } of CATALOG_RULES) {
      const { rows } = await client.query<{ object: string; detail?: string }>(sql);
      for (const row of rows) findings.push({ rule, object: row.object, fix: fix(row) });
    }
    return findings;
  });
}

/** The catalog rules' names, for tests that plant one violation of each. */
export const CATALOG_RULE_NAMES = CATALOG_RULES.map((r) => r.rule);

/**
 * squawk's require-concurrent-index-creation, for a migration's text: a plain CREATE INDEX locks its table
 * against writes while it builds. Tables the same migration creates are empty, so they are left alone.
 */
export function lintMigration(name: string, text: string): Finding[] {
  const code = text.replace(/--.*$/gm, '');
  const created = new Set([...code.matchAll(/create\s+table\s+(?:if\s+not\s+exists\s+)?([\w.]+)/gi)].map((m) => m[1].toLowerCase()));
  const findings: Finding[] = [];
  for (const m of code.matchAll(/create\s+(?:unique\s+)?index\s+(?!concurrently)(?:if\s+not\s+exists\s+)?(\w+\s+)?on\s+(?:only\s+)?([\w.]+)/gi)) {
    const table = m[2].toLowerCase();
    if (created.has(table)) continue;
    findings.push({
      rule: 'index_without_concurrently',
      object: `${name}: ${m[0].replace(/\s+/g, ' ')}`,
      fix: `on a populated table write \`create index concurrently\` in a migration of its own that starts with \`--! no-transaction\``,
    });
  }
  return findings;
}

export function formatFindings(findings: Finding[]): string {
  return findings.map((f) => `${f.rule}: ${f.object}\n  fix: ${f.fix}`).join('\n');
}
