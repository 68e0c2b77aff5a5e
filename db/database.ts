// Brings up the database rowgate runs on: an external server (DATABASE_URL) or the embedded one,
// bootstrapped with roles and database, and hands out one connection URL per role.
import { bootstrap, withDatabase, withLogin } from './bootstrap.ts';
import { readDatabaseConfig, type DatabaseConfig } from './config.ts';
import { DataDirInUseError } from './data-dir-lock.ts';
import { attachEmbedded, startEmbedded, type EmbeddedOptions, type EmbeddedServer } from './embedded.ts';
import { ROLES } from './roles.ts';
import { watchEmbedded, type Watchdog } from './watchdog.ts';

export interface Database {
  databaseName: string;
  /** Superuser on the maintenance database; bootstrap, resets and tests only. */
  adminUrl: string;
  ownerUrl: string;
  authenticatorUrl: string;
  workerUrl: string;
  /** Whether this process started PostgreSQL (and so stops it in close()). */
  embedded: boolean;
  /** The embedded cluster's folder (DATA_DIR/pg, or where DATA_DIR/pg-location points). */
  clusterDir?: string;
  /** Where the embedded cluster archives its WAL and keeps its backups (db/backup.ts). */
  backupDir?: string;
  /** Keeps the PostgreSQL this process started running (db/watchdog.ts); returns the stop of watching. */
  watch?(watchdog: Watchdog): () => void;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** `shared`: if `npm start` already runs the embedded server on DATA_DIR, use it instead of refusing. */
  mode: 'exclusive' | 'shared';
  embeddedSettings?: EmbeddedOptions['settings'];
}

export async function openDatabase(config: DatabaseConfig, options: OpenOptions): Promise<Database> {
  const server: Omit<EmbeddedServer, 'clusterDir' | 'backupDir' | 'port'> & { embedded: boolean; clusterDir?: string; backupDir?: string } = config.adminUrl
    ? { adminUrl: config.adminUrl, embedded: false, stop: async () => {} }
    : { ...(await startOrAttach(config, options)), embedded: true };
  try {
    await bootstrap(server.adminUrl, config.databaseName, config.passwords);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const { running, restart } = server;
  return {
    ...roleUrls(server.adminUrl, config),
    databaseName: config.databaseName,
    adminUrl: withDatabase(server.adminUrl, 'postgres'),
    embedded: server.embedded,
    clusterDir: server.clusterDir,
    backupDir: server.backupDir,
    ...(running && restart ? { watch: (watchdog: Watchdog) => watchEmbedded({ running, restart }, watchdog) } : {}),
    close: () => server.stop(),
  };
}

/**
 * The login URLs of rowgate's roles on the server and database `serverUrl` names; only its host, port and
 * path are used. `npm run start:server` and `start:worker` connect this way, without bootstrapping.
 */
export function roleUrls(serverUrl: string, config: DatabaseConfig) {
  const appUrl = withDatabase(serverUrl, config.databaseName);
  return {
    ownerUrl: withLogin(appUrl, ROLES.owner, config.passwords.owner),
    authenticatorUrl: withLogin(appUrl, ROLES.authenticator, config.passwords.authenticator),
    workerUrl: withLogin(appUrl, ROLES.worker, config.passwords.worker),
  };
}

async function startOrAttach(config: DatabaseConfig, options: OpenOptions) {
  try {
    return await startEmbedded({
      dataDir: config.dataDir,
      port: config.embeddedPort,
      packageName: config.embeddedPackage,
      backupDir: config.backup.dir,
      settings: options.embeddedSettings,
    });
  } catch (error) {
    if (options.mode === 'shared' && error instanceof DataDirInUseError) return attachEmbedded(config.dataDir, config.backup.dir);
    throw error;
  }
}

/**
 * `start:server` and `start:worker`: the login URL of one role on the server and database DATABASE_URL
 * names (its credentials are not used). Only that role's password is needed; production requires it.
 */
export function loginUrlFromEnv(role: 'authenticator' | 'worker', env: NodeJS.ProcessEnv = process.env): string {
  const passwordVariable = role === 'authenticator' ? 'DB_AUTHENTICATOR_PASSWORD' : 'DB_WORKER_PASSWORD';
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is required');
  if (env.NODE_ENV === 'production' && !env[passwordVariable]) {
    throw new Error(`${passwordVariable} is required when NODE_ENV=production`);
  }
  const urls = roleUrls(env.DATABASE_URL, readDatabaseConfig({ DATABASE_URL: env.DATABASE_URL, [passwordVariable]: env[passwordVariable] }));
  return role === 'authenticator' ? urls.authenticatorUrl : urls.workerUrl;
}
