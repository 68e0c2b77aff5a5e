// `npm run start:server`: the HTTP server alone, for production. DATABASE_URL names the server and
// database (migrations are applied separately with `npm run migrate`); it connects as the authenticator.
import { readDatabaseConfig } from '../db/config.ts';
import { roleUrls } from '../db/database.ts';
import { untilSignal } from '../db/signals.ts';
import { readServerConfig } from './config.ts';
import { startServer } from './run.ts';

/**
 * The authenticator's URL from DATABASE_URL (only its host, port and database are used) and
 * DB_AUTHENTICATOR_PASSWORD. The server needs no other database secret: readDatabaseConfig's production
 * checks (owner and worker passwords, for bootstrap and migrations) are not its business.
 */
function authenticatorUrl(env: NodeJS.ProcessEnv): string {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is required for start:server');
  if (env.NODE_ENV === 'production' && !env.DB_AUTHENTICATOR_PASSWORD) {
    throw new Error('DB_AUTHENTICATOR_PASSWORD is required when NODE_ENV=production');
  }
  const dbConfig = readDatabaseConfig({ DATABASE_URL: env.DATABASE_URL, DB_AUTHENTICATOR_PASSWORD: env.DB_AUTHENTICATOR_PASSWORD });
  return roleUrls(env.DATABASE_URL, dbConfig).authenticatorUrl;
}

const stopping = untilSignal();
try {
  const serverConfig = readServerConfig();
  const server = await startServer(serverConfig, authenticatorUrl(process.env));
  console.log(`rowgate: GraphQL at ${server.url}/graphql`);
  await stopping;
  await server.close();
  process.exit(0);
} catch (error) {
  console.error(`rowgate: ${(error as Error).message}`);
  process.exit(1);
}
