// `npm run start:worker`: the worker alone, for production. DATABASE_URL names the server and database;
// it logs in as rowgate_worker (DB_WORKER_PASSWORD). With METRICS_PORT, /metrics and /healthz listen there
// (worker/monitoring.ts). SIGTERM: running jobs finish, then exit 0.
import { loginUrlFromEnv } from '../db/database.ts';
import { untilSignal } from '../db/signals.ts';
import { readWorkerConfig } from './config.ts';
import { serveMonitoring } from './monitoring.ts';
import { startWorker } from './runner.ts';

const stopping = untilSignal();
try {
  const config = readWorkerConfig();
  const worker = await startWorker(config, loginUrlFromEnv('worker'));
  const { port } = config.monitoring;
  const monitoring = port === undefined ? undefined : await serveMonitoring({ ...config.monitoring, port }, worker);
  if (monitoring) console.log(`rowgate: worker metrics at ${monitoring.url}/metrics, health at ${monitoring.url}/healthz`);
  console.log('rowgate: worker running');
  await stopping;
  await monitoring?.close();
  await worker.stop();
  process.exit(0);
} catch (error) {
  console.error(`rowgate: ${(error as Error).message}`);
  process.exit(1);
}
