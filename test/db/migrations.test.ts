// Committed migrations apply to an empty database, a second run changes nothing, and status is clean.
import { randomBytes } from 'node:crypto';
import { migrate, status } from 'graphile-migrate';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { inject } from 'vitest';
import { ensureDatabase, withDatabase } from '../../db/bootstrap.ts';
import { readDatabaseConfig } from '../../db/config.ts';
import { roleUrls, type Database } from '../../db/database.ts';
import { migrationSettings, releaseMigrationPools } from '../../db/migrate.ts';

const name = `migrate_${randomBytes(4).toString('hex')}`;
let admin: pg.Client;
let db: Database;

beforeAll(async () => {
  const adminUrl = inject('adminUrl');
  admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await ensureDatabase(admin, name);
  db = {
    ...roleUrls(adminUrl, { ...readDatabaseConfig({}), databaseName: name }),
    databaseName: name,
    adminUrl,
    embedded: true,
    close: async () => {},
  };
});

afterAll(async () => {
  releaseMigrationPools();
  // graphile-migrate exits the process if a pooled connection is killed, so wait until its pools have
  // closed their connections instead of dropping with force while they are still open.
  for (let i = 0; i < 100; i++) {
    const { rows } = await admin.query('select count(*)::int as n from pg_stat_activity where datname = any($1)', [[name, `${name}_shadow`]]);
    if (rows[0].n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`drop database if exists ${name}_shadow with (force)`);
  await admin.end();
});

async function schemaFingerprint(): Promise<string> {
  const client = new pg.Client({ connectionString: withDatabase(inject('adminUrl'), name) });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select md5(string_agg(x, ',' order by x)) as f from (
         select c.oid::regclass::text || ':' || c.relkind::text from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname like 'app\\_%'
         union all select p.oid::regprocedure::text || md5(p.prosrc) from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname like 'app\\_%'
         union all select polname || pg_get_expr(polqual, polrelid) from pg_policy
       ) s(x)`,
    );
    return rows[0].f;
  } finally {
    await client.end();
  }
}

test('committed migrations apply to an empty database; a second run is a no-op; status is clean', async () => {
  const settings = await migrationSettings(db);
  await migrate(settings);
  const { rows } = await admin.query(`select count(*)::int as n from pg_database where datname = $1`, [name]);
  expect(rows[0].n).toBe(1);
  const first = await schemaFingerprint();
  await migrate(settings);
  expect(await schemaFingerprint()).toBe(first);
  const result = await status(settings);
  expect(result.remainingMigrations ?? []).toEqual([]);
  expect(result.hasCurrentMigration).toBe(false);
});

test('the suite runs on the PostgreSQL major it was asked for (npm test runs 18, then 15)', async () => {
  const { rows } = await admin.query(`select current_setting('server_version_num')::int / 10000 as major`);
  expect(rows[0].major).toBe(process.env.EMBEDDED_PG_VERSION === '15' ? 15 : 18);
});
