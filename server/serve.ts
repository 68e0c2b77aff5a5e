// `npm run start:server`: the HTTP server alone, for production. DATABASE_URL names the server and
// database (migrations are applied separately with `npm run migrate`); it connects as the authenticator.
import './graphile-env.ts';
import { loginUrlFromEnv } from '../db/database.ts';
import { untilSignal } from '../db/signals.ts';
import { readServerConfig } from './config.ts';
import { metricsNotice, startServer } from './run.ts';

const stopping = untilSignal();
try {
  const serverConfig = readServerConfig();
  const server = await startServer(serverConfig, loginUrlFromEnv('authenticator'));
  console.log(`rowgate: GraphQL at ${server.url}/graphql`);
  console.log(`rowgate: ${metricsNotice(serverConfig, server)}`);
  await stopping;
  await server.close();
  process.exit(0);
} catch (error) {
  console.error(`rowgate: ${(error as Error).message}`);
  process.exit(1);
}
