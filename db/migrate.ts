// graphile-migrate through its library API: static settings from .gmrc, connection strings from the
// database rowgate opened (owner for migrations, superuser root for resets and the shadow database).
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, status, type Settings } from 'graphile-migrate';
// Not re-exported from the package root; graphile-migrate keeps idle pools for 200 ms and exits the
// process if one of them errors, which stopping PostgreSQL right after a command would cause.
import { clearAllPools } from 'graphile-migrate/dist/pgReal.js';
import JSON5 from 'json5';
import { withDatabase } from './bootstrap.ts';
import type { Database } from './database.ts';
import { ROLES } from './roles.ts';
import { installWorkerSchema } from './worker-schema.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function migrationSettings(db: Database): Promise<Settings> {
  const gmrc = JSON5.parse(await fs.readFile(path.join(PROJECT_ROOT, '.gmrc'), 'utf8')) as Settings;
  return {
    ...gmrc,
    migrationsFolder: path.resolve(PROJECT_ROOT, gmrc.migrationsFolder ?? 'migrations'),
    connectionString: db.ownerUrl,
    shadowConnectionString: withDatabase(db.ownerUrl, `${db.databaseName}_shadow`),
    rootConnectionString: db.adminUrl,
    databaseOwner: ROLES.owner,
  };
}

/** Applies committed migrations; each runs in its own transaction, so a failure leaves the database as it was. */
export async function applyMigrations(db: Database): Promise<void> {
  await installWorkerSchema(db.workerUrl);
  await runMigrations(await migrationSettings(db));
}

/**
 * graphile-migrate rethrows the bare PostgreSQL error; the migration that failed is the first one still
 * pending afterwards (those before it committed), so the error is rethrown naming it.
 */
export async function runMigrations(settings: Settings): Promise<void> {
  try {
    await migrate(settings);
  } catch (error) {
    const failed = (await status(settings).catch(() => undefined))?.remainingMigrations?.[0];
    throw failed ? new Error(`Migration ${failed} failed: ${(error as Error).message}`, { cause: error }) : error;
  } finally {
    releaseMigrationPools();
  }
}

/** Closes graphile-migrate's idle pools now, so that the database can be stopped right away. */
export function releaseMigrationPools(): void {
  clearAllPools();
}
