// `npm run start:worker`: the worker alone, for production. DATABASE_URL names the server and database;
// it logs in as rowgate_worker (DB_WORKER_PASSWORD). With METRICS_PORT, /metrics and /healthz listen there
// (worker/monitoring.ts). SIGTERM: running jobs finish, then exit 0.
import { loginUrlFromEnv } from '../db/database.ts';
import { logTo, processLog } from '../db/log.ts';
import { untilSignal } from '../db/signals.ts';
import { readWorkerConfig } from './config.ts';
import { serveMonitoring } from './monitoring.ts';
import { startWorker } from './runner.ts';

// JSON lines for everything this process says, what libraries print on the console included (db/log.ts).
const { log, say } = processLog();
const stopping = untilSignal();
try {
  const config = readWorkerConfig();
  const worker = await startWorker(config, loginUrlFromEnv('worker'), { log: logTo(log.child({ name: 'worker' })) });
  const { port } = config.monitoring;
  const monitoring = port === undefined ? undefined : await serveMonitoring({ ...config.monitoring, port }, worker);
  if (monitoring) say.info(`worker metrics at ${monitoring.url}/metrics, health at ${monitoring.url}/healthz`);
  say.info('worker running');
  await stopping;
  await monitoring?.close();
  await worker.stop();
  process.exit(0);
} catch (error) {
  say.error((error as Error).message);
  process.exit(1);
}
