// `npm run start:server`: the HTTP server alone, for production. DATABASE_URL names the server and
// database (migrations are applied separately with `npm run migrate`); it connects as the authenticator.
// SERVER_PROCESSES=N runs N of it on one port (server/cluster.ts).
import './graphile-env.ts';
import cluster from 'node:cluster';
import { loginUrlFromEnv } from '../db/database.ts';
import { processLog } from '../db/log.ts';
import { untilSignal } from '../db/signals.ts';
import { reportToPrimary, runPrimary } from './cluster.ts';
import { readServerConfig } from './config.ts';
import { metricsNotice, startServer } from './run.ts';

// JSON lines for everything this process says, what libraries print on the console included (db/log.ts).
const { log, say } = processLog();

async function serve(): Promise<void> {
  const stopping = untilSignal();
  try {
    const serverConfig = readServerConfig();
    const server = await startServer(serverConfig, loginUrlFromEnv('authenticator'), { log });
    const metrics = metricsNotice(serverConfig, server);
    if (cluster.isWorker) reportToPrimary({ type: 'rowgate:listening', url: server.url, metrics });
    else {
      say.info(`GraphQL at ${server.url}/graphql`);
      say.info(metrics);
    }
    await stopping;
    // In a cluster the primary passes on a signal the process group already got: drain regardless.
    if (cluster.isWorker) process.on('SIGINT', () => {}).on('SIGTERM', () => {});
    await server.close();
    process.exit(0);
  } catch (error) {
    if (cluster.isWorker) reportToPrimary({ type: 'rowgate:failed', message: (error as Error).message });
    else say.error((error as Error).message);
    process.exit(1);
  }
}

const config = (() => {
  try {
    return readServerConfig();
  } catch {
    return undefined; // serve() reports the configuration error
  }
})();
if (cluster.isPrimary && config && config.processes > 1) {
  const code = await runPrimary(config.processes, config.poolSize, loginUrlFromEnv('authenticator'), say).catch((error: Error) => {
    say.error(error.message);
    return 1;
  });
  process.exit(code);
} else await serve();
