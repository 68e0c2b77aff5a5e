// `npm run start:worker`: the worker alone, for production. DATABASE_URL names the server and database;
// it logs in as rowgate_worker (DB_WORKER_PASSWORD). SIGTERM: running jobs finish, then exit 0.
import { readDatabaseConfig } from '../db/config.ts';
import { roleUrls } from '../db/database.ts';
import { untilSignal } from '../db/signals.ts';
import { readWorkerConfig } from './config.ts';
import { startWorker } from './runner.ts';

const stopping = untilSignal();
try {
  const env = process.env;
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is required for start:worker');
  if (env.NODE_ENV === 'production' && !env.DB_WORKER_PASSWORD) throw new Error('DB_WORKER_PASSWORD is required when NODE_ENV=production');
  const dbConfig = readDatabaseConfig({ DATABASE_URL: env.DATABASE_URL, DB_WORKER_PASSWORD: env.DB_WORKER_PASSWORD });
  const worker = await startWorker(readWorkerConfig(), roleUrls(env.DATABASE_URL, dbConfig).workerUrl);
  console.log('rowgate: worker running');
  await stopping;
  await worker.stop();
  process.exit(0);
} catch (error) {
  console.error(`rowgate: ${(error as Error).message}`);
  process.exit(1);
}
