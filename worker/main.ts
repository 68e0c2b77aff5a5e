// `npm run start:worker`: the worker alone, for production. DATABASE_URL names the server and database;
// it logs in as rowgate_worker (DB_WORKER_PASSWORD). SIGTERM: running jobs finish, then exit 0.
import { loginUrlFromEnv } from '../db/database.ts';
import { untilSignal } from '../db/signals.ts';
import { readWorkerConfig } from './config.ts';
import { startWorker } from './runner.ts';

const stopping = untilSignal();
try {
  const worker = await startWorker(readWorkerConfig(), loginUrlFromEnv('worker'));
  console.log('rowgate: worker running');
  await stopping;
  await worker.stop();
  process.exit(0);
} catch (error) {
  console.error(`rowgate: ${(error as Error).message}`);
  process.exit(1);
}
