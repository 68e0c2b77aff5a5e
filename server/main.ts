// `npm start`: one process with everything — the database (embedded unless DATABASE_URL), bootstrap,
// committed migrations, and the HTTP server. Ctrl-C or SIGTERM: stop accepting, drain requests, stop
// PostgreSQL if this process started it, exit 0.
import { readDatabaseConfig } from '../db/config.ts';
import { openDatabase } from '../db/database.ts';
import { applyMigrations } from '../db/migrate.ts';
import { untilSignal } from '../db/signals.ts';
import { readServerConfig } from './config.ts';
import { startServer } from './run.ts';

const stopping = untilSignal();
// A signal handler alone does not keep Node running; this does until shutdown.
const keepAlive = setInterval(() => {}, 1 << 30);

function fail(error: unknown): never {
  console.error(`rowgate: ${(error as Error).message}`);
  process.exit(1);
}

const serverConfig = (() => {
  try {
    return readServerConfig();
  } catch (error) {
    fail(error);
  }
})();
const db = await openDatabase(readDatabaseConfig(), { mode: 'exclusive' }).catch(fail);
const server = await applyMigrations(db)
  .then(() => startServer(serverConfig, db.authenticatorUrl))
  .catch(async (error) => {
    await db.close();
    fail(error);
  });

const shown = new URL(db.ownerUrl);
shown.password = '';
console.log(`rowgate: database ready at ${shown.toString()} (${db.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'})`);
console.log(`rowgate: GraphQL at ${server.url}/graphql${serverConfig.production ? '' : ` (GraphiQL at ${server.url}/graphiql)`}`);
console.log('rowgate: press Ctrl-C to stop');

await stopping;
console.log('rowgate: stopping');
await server.close();
await db.close();
clearInterval(keepAlive);
process.exit(0);
