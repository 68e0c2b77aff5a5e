// `npm start`: one process with everything — the database (embedded unless DATABASE_URL), bootstrap,
// committed migrations, the graphile-worker and the HTTP server. Ctrl-C or SIGTERM: stop accepting,
// drain requests, let running jobs finish, stop PostgreSQL if this process started it, exit 0.
import { readDatabaseConfig } from '../db/config.ts';
import { openDatabase } from '../db/database.ts';
import { applyMigrations } from '../db/migrate.ts';
import { untilSignal } from '../db/signals.ts';
import { readWorkerConfig } from '../worker/config.ts';
import { startWorker } from '../worker/runner.ts';
import { readServerConfig } from './config.ts';
import { metricsNotice, startServer } from './run.ts';

const stopping = untilSignal();
// A signal handler alone does not keep Node running; this does until shutdown.
const keepAlive = setInterval(() => {}, 1 << 30);

function fail(error: unknown): never {
  console.error(`rowgate: ${(error as Error).message}`);
  process.exit(1);
}

const [serverConfig, workerConfig] = (() => {
  try {
    return [readServerConfig(), readWorkerConfig()] as const;
  } catch (error) {
    fail(error);
  }
})();
const db = await openDatabase(readDatabaseConfig(), { mode: 'exclusive' }).catch(fail);
const { server, worker } = await (async () => {
  await applyMigrations(db);
  const worker = await startWorker(workerConfig, db.workerUrl);
  try {
    return { worker, server: await startServer(serverConfig, db.authenticatorUrl, { jobs: worker }) };
  } catch (error) {
    await worker.stop();
    throw error;
  }
})().catch(async (error) => {
  await db.close();
  fail(error);
});

const shown = new URL(db.ownerUrl);
shown.password = '';
console.log(`rowgate: database ready at ${shown.toString()} (${db.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'})`);
console.log(`rowgate: GraphQL at ${server.url}/graphql${serverConfig.production ? '' : ` (GraphiQL at ${server.url}/graphiql)`}`);
console.log(`rowgate: ${metricsNotice(serverConfig, server)}`);
console.log('rowgate: worker running; press Ctrl-C to stop');

await stopping;
console.log('rowgate: stopping');
await server.close();
await worker.stop();
await db.close();
clearInterval(keepAlive);
process.exit(0);
