// `npm run db:lint` (db/lint.ts): the schema as migrated passes every rule, and every rule finds the
// violation it is for (planted in a transaction that is rolled back), so a rule that stopped matching
// would fail here rather than pass everything.
import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CATALOG_RULE_NAMES, lintDatabase, lintMigration, type Finding } from '../../db/lint.ts';
import { ROLES } from '../../db/roles.ts';
import { createTestDatabase, inTransaction, type TestDatabase } from '../support/database.ts';

let db: TestDatabase;
let findings: Finding[];
beforeAll(async () => {
  db = await createTestDatabase();
  const client = await db.pool.connect();
  try {
    findings = await lintDatabase(client);
  } finally {
    client.release();
  }
});
afterAll(() => db?.drop());

describe('the migrated schema', () => {
  test.each(CATALOG_RULE_NAMES)('passes %s', (rule) => {
    expect(findings.filter((f) => f.rule === rule)).toEqual([]);
  });
});

describe('each rule finds what it is for', () => {
  // One object per rule, each wrong in exactly the way its rule names.
  const PLANTED = `
    create table app_public.lint_probe (id uuid primary key, owner_id uuid references app_public.users, task_id uuid);
    comment on table app_public.lint_probe is 'probe';
    create policy everyone on app_public.lint_probe for select using (true);
    create policy per_row on app_public.lint_probe for update to app_user using (owner_id = app_public.current_user_id());
    create policy second on app_public.lint_probe for update to app_user using (true);
    create policy narrowing on app_public.lint_probe as restrictive for delete to app_user using (true);
    grant update on app_public.lint_probe to app_user;
    create function app_public.lint_open() returns int language sql as 'select 1';
    create function app_private.lint_definer() returns int language sql security definer as 'select 1';
    revoke execute on function app_private.lint_definer() from public;
    create view app_public.lint_view as select 1 as one;
  `;
  const expected: Record<string, string> = {
    rls_not_forced: 'app_public.lint_probe',
    policy_for_public: 'app_public.lint_probe policy everyone',
    policy_restrictive: 'app_public.lint_probe policy narrowing',
    helper_per_row: 'app_public.lint_probe policy per_row',
    multiple_permissive_policies: 'app_public.lint_probe update for app_user',
    unindexed_policy_column: 'app_public.lint_probe.owner_id',
    unindexed_foreign_key: 'app_public.lint_probe (owner_id)',
    table_level_write_grant: 'app_public.lint_probe',
    definer_search_path: 'app_private.lint_definer()',
    function_executable_by_public: 'app_public.lint_open()',
    view_not_security_invoker: 'app_public.lint_view',
    missing_comment: 'app_public.lint_probe.owner_id',
    derived_row_ignores_source_policy: 'app_public.lint_probe',
  };

  test('every rule has a planted violation here', () => {
    expect(Object.keys(expected).sort()).toEqual([...CATALOG_RULE_NAMES].sort());
  });

  test.each(Object.entries(expected))('%s names %s, with a fix', async (rule, object) => {
    const found = await inTransaction(db.pool, async (client) => {
      await client.query(PLANTED);
      return lintDatabase(client);
    });
    const mine = found.filter((f) => f.rule === rule && f.object.startsWith(object));
    expect(mine, JSON.stringify(found.filter((f) => f.rule === rule))).toHaveLength(1);
    expect(mine[0].fix.length).toBeGreaterThan(20);
  });
});

describe('rules with more than one way to be broken', () => {
  test('definer_search_path finds each half alone (a search_path not pinned; an owner not rowgate_definer), and missing_comment a function too', async () => {
    const found = await inTransaction(db.pool, async (client) => {
      await client.query(`
        create function app_private.lint_unpinned() returns int language sql security definer as 'select 1';
        alter function app_private.lint_unpinned() owner to ${ROLES.definer};
        comment on function app_private.lint_unpinned() is 'probe';
        create function app_private.lint_wrong_owner() returns int language sql security definer set search_path = pg_catalog, pg_temp as 'select 1';
        comment on function app_private.lint_wrong_owner() is 'probe';
        create function app_public.lint_uncommented() returns int language sql as 'select 1';
        revoke execute on function app_public.lint_uncommented() from public;
        revoke execute on function app_private.lint_unpinned(), app_private.lint_wrong_owner() from public;`);
      return lintDatabase(client);
    });
    const definers = found.filter((f) => f.rule === 'definer_search_path').sort((x, y) => x.object.localeCompare(y.object));
    expect(definers.map((f) => f.object)).toEqual(['app_private.lint_unpinned()', 'app_private.lint_wrong_owner()']);
    expect(definers[0].fix).toMatch(/^search_path is not pinned:/);
    expect(definers[1].fix).toMatch(/^owned by \w+:/);
    expect(found.filter((f) => f.rule === 'missing_comment').map((f) => f.object)).toEqual(['app_public.lint_uncommented()']);
  });
});

describe('index_without_concurrently (migration text)', () => {
  test('a plain CREATE INDEX on an existing table is flagged; CONCURRENTLY, or a table the same migration creates, is not', () => {
    const text = `
      -- create index in_a_comment on app_public.tasks (title);
      create table app_public.fresh (id uuid primary key, name text);
      create index fresh_name_idx on app_public.fresh (name);
      create index concurrently tasks_title_idx on app_public.tasks (title);
      create unique index tasks_slug_idx on app_public.tasks (organization_id, title);`;
    const found = lintMigration('current.sql', text);
    expect(found.map((f) => f.object)).toEqual(['current.sql: create unique index tasks_slug_idx on app_public.tasks']);
    expect(found[0].fix).toMatch(/concurrently/);
  });
});

describe('the committed migrations since db:lint', () => {
  // Migrations up to 000029 were deployed before the rule (000009 and others index populated tables).
  test('build no index on an existing table without CONCURRENTLY', async () => {
    const committed = new URL('../../migrations/committed/', import.meta.url);
    const since = (await fs.readdir(committed)).filter((file) => file.endsWith('.sql') && file.slice(0, 6) > '000029');
    expect(since.length).toBeGreaterThanOrEqual(8);
    const found = [];
    for (const file of since) found.push(...lintMigration(file, await fs.readFile(new URL(file, committed), 'utf8')));
    expect(found).toEqual([]);
  });
});
