// `npm run db:lint`: the schema rules of db/lint.ts against the development database (or DATABASE_URL's)
// and migrations/current.sql. Exit 1 on any finding. `db:watch` runs it after each apply of current.sql
// (graphile-migrate's afterCurrent, which passes the database in GM_DBURL) with --warn: it prints the
// findings and lets the watch go on.
import fs from 'node:fs/promises';
import type pg from 'pg';
import path from 'node:path';
import { connect } from './bootstrap.ts';
import { readDatabaseConfig } from './config.ts';
import { openDatabase, type Database } from './database.ts';
import { formatFindings, lintDatabase, lintMigration } from './lint.ts';
import { PROJECT_ROOT } from './migrate.ts';

const warnOnly = process.argv.includes('--warn');
const db: Database | undefined = process.env.GM_DBURL ? undefined : await openDatabase(readDatabaseConfig(), { mode: 'shared' });
let client: pg.Client | undefined;
let found = 0;
try {
  client = await connect(process.env.GM_DBURL ?? db!.ownerUrl);
  const current = path.join(PROJECT_ROOT, 'migrations', 'current.sql');
  const findings = [...(await lintDatabase(client)), ...lintMigration('migrations/current.sql', await fs.readFile(current, 'utf8'))];
  found = findings.length;
  console.log(found ? `db:lint: ${found} finding${found === 1 ? '' : 's'}\n${formatFindings(findings)}` : 'db:lint: no findings');
} finally {
  await client?.end();
  await db?.close();
}
process.exit(found && !warnOnly ? 1 : 0);
