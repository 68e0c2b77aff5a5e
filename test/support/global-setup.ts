// One embedded PostgreSQL per test run, in a temporary directory (never the `npm start` data), with a
// migrated template database that every test file copies into a database of its own.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { readDatabaseConfig } from '../../db/config.ts';
import { openDatabase } from '../../db/database.ts';
import { applyMigrations } from '../../db/migrate.ts';

export const TEMPLATE_DATABASE = 'rowgate_template';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rowgate-test-'));
  await fs.chmod(dataDir, 0o755);
  // Only what selects the server: the roles get the development passwords, which the test helpers
  // (roleUrlsFor) log in with, whatever DB_*_PASSWORD the shell happens to hold.
  const config = readDatabaseConfig({ EMBEDDED_PG_VERSION: process.env.EMBEDDED_PG_VERSION, DATA_DIR: dataDir, EMBEDDED_PG_PORT: '0' });
  config.databaseName = TEMPLATE_DATABASE;
  // Durability is not under test; these make the suite several times faster.
  const db = await openDatabase(config, {
    mode: 'exclusive',
    // No WAL archive either: nothing here is restored, and every test database's creation is WAL.
    embeddedSettings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300', archive_mode: 'off' },
  });
  await applyMigrations(db);
  project.provide('adminUrl', db.adminUrl);
  project.provide('templateDatabase', TEMPLATE_DATABASE);
  return async () => {
    await db.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}
