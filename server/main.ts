// `npm start`: one process with everything — the database (embedded unless DATABASE_URL), bootstrap,
// committed migrations, the graphile-worker and the HTTP server. Ctrl-C or SIGTERM: stop accepting,
// drain requests, let running jobs finish, stop PostgreSQL if this process started it, exit 0.
// A start that fails, whatever the cause, ends one way: one line saying why, what it had started
// stopped again, exit code 1. An embedded PostgreSQL that dies is started again (db/watchdog.ts), and is
// backed up on a schedule (db/backup-schedule.ts).
import './graphile-env.ts';
import { scheduleBackups } from '../db/backup-schedule.ts';
import { newestBackup } from '../db/backup-store.ts';
import { withDatabase } from '../db/bootstrap.ts';
import { readDatabaseConfig } from '../db/config.ts';
import { readAll } from '../db/environment.ts';
import { openDatabase } from '../db/database.ts';
import { logTo, processLog } from '../db/log.ts';
import { applyMigrations } from '../db/migrate.ts';
import { untilSignal } from '../db/signals.ts';
import { readWorkerConfig } from '../worker/config.ts';
import { startWorker } from '../worker/runner.ts';
import { readServerConfig } from './config.ts';
import { metricsNotice, startServer } from './run.ts';

// JSON lines for everything this process says, what libraries print on the console included (db/log.ts).
const { log, say } = processLog();
const stopping = untilSignal();
// A signal handler alone does not keep Node running; this does until shutdown.
const keepAlive = setInterval(() => {}, 1 << 30);

/** What has been started so far, stopped in reverse order if the start fails. */
const started: (() => Promise<void>)[] = [];

async function fail(error: unknown): Promise<never> {
  say.error((error as Error)?.message ?? String(error));
  for (const stop of started.reverse()) await stop().catch(() => {});
  process.exit(1);
}
// An error thrown outside the start's own promises (a child process, a socket) fails the start the same way.
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

const { db, server, worker, serverConfig, databaseConfig } = await (async () => {
  // Every setting checked before anything starts, all problems told at once.
  const [serverConfig, workerConfig, databaseConfig] = readAll(readServerConfig, readWorkerConfig, readDatabaseConfig);
  const db = await openDatabase(databaseConfig, { mode: 'exclusive' });
  started.push(() => db.close());
  await applyMigrations(db);
  // Mail links start where the server listens unless PUBLIC_URL says otherwise (known once it listens).
  let listening: string | undefined;
  const worker = await startWorker(workerConfig, db.workerUrl, { listeningAt: () => listening, log: logTo(log.child({ name: 'worker' })) });
  started.push(() => worker.stop());
  const { backupDir } = db;
  const server = await startServer(serverConfig, db.authenticatorUrl, {
    log,
    worker,
    // (Only the embedded server has a backup folder of ours.)
    newestBackup: backupDir ? async () => (await newestBackup(backupDir))?.completedAt : undefined,
    // Outside production the schema follows the database's DDL (a column db:watch adds is served at once).
    watchAs: serverConfig.production ? undefined : withDatabase(db.adminUrl, db.databaseName),
  });
  listening = server.url;
  return { db, server, worker, serverConfig, databaseConfig };
})().catch(fail);
// Running: an error from now on is a bug, reported with its stack by Node.
process.off('uncaughtException', fail);
process.off('unhandledRejection', fail);

const shown = new URL(db.ownerUrl);
shown.password = '';
say.info(`database ready at ${shown.toString()} (${db.embedded ? `embedded PostgreSQL, cluster in ${db.clusterDir}` : 'DATABASE_URL'})`);
say.info(`web console at ${server.url}/`);
say.info(`GraphQL at ${server.url}/graphql${serverConfig.production ? '' : ` (GraphiQL at ${server.url}/graphiql)`}`);
say.info(metricsNotice(serverConfig, server));
const backups = db.embedded && databaseConfig.backup.intervalHours > 0;
if (db.embedded) {
  say.info(`WAL archived into ${db.backupDir}; ${backups ? `a backup every ${databaseConfig.backup.intervalHours} h, ${databaseConfig.backup.keep} kept` : 'no scheduled backups (BACKUP_INTERVAL_HOURS=0)'}`);
}
say.info('worker running; press Ctrl-C to stop');
const stopBackups = backups
  ? scheduleBackups({ adminUrl: db.adminUrl, clusterDir: db.clusterDir!, backupDir: db.backupDir! }, databaseConfig.backup, say)
  : undefined;

// The embedded PostgreSQL is started again if it dies (db/watchdog.ts); given up on, everything stops.
const gaveUp = new Promise<Error>((resolve) => {
  const unwatch = db.watch?.({ log: say, giveUp: resolve });
  void stopping.then(() => unwatch?.());
});
const failure = await Promise.race([stopping.then(() => undefined), gaveUp]);
if (failure) say.error(`${failure.message}; stopping`);
else say.info('stopping');
await server.close();
await worker.stop();
await stopBackups?.();
// (A PostgreSQL given up on may not be there to stop.)
await db.close().catch((error: Error) => say.error(error.message));
clearInterval(keepAlive);
process.exit(failure ? 1 : 0);
