// The graphile-worker runner with rowgate's tasks, connecting as rowgate_worker. stop() lets running jobs
// finish (graphile-worker's graceful stop) and releases its pool.
import pg from 'pg';
import { Logger, run, type Runner } from 'graphile-worker';
import type { WorkerConfig } from './config.ts';
import { makeMailer, type SendMail } from './mail.ts';
import { audit } from './tasks/audit.ts';
import { makeSendInvitation } from './tasks/send-invitation.ts';

export type JobOutcome = 'ok' | 'retrying' | 'failed';

export interface RunningWorker {
  /** Jobs that used up their attempts and stay in the queue for an operator to look at. */
  permanentlyFailedJobs(): Promise<number>;
  onJob(listener: (task: string, outcome: JobOutcome) => void): void;
  stop(): Promise<void>;
}

export async function startWorker(
  config: WorkerConfig,
  workerUrl: string,
  options: { sendMail?: SendMail; log?: (level: string, message: string) => void } = {},
): Promise<RunningWorker> {
  const pool = new pg.Pool({ connectionString: workerUrl, max: config.concurrency + 2 });
  // A connection lost to a database restart is replaced on next use; graphile-worker retries the job.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const log = options.log ?? logJson;
  const logger = new Logger(() => (level, message) => log(level, message));
  let runner: Runner;
  try {
    runner = await run({
      pgPool: pool,
      concurrency: config.concurrency,
      noHandleSignals: true,
      // New jobs arrive by LISTEN/NOTIFY; polling only catches a queue freed by a finished job.
      pollInterval: 500,
      logger,
      taskList: {
        audit,
        send_invitation: makeSendInvitation(options.sendMail ?? makeMailer(config), config.acceptUrl),
      },
    });
  } catch (error) {
    await pool.end();
    throw error;
  }
  const listeners: ((task: string, outcome: JobOutcome) => void)[] = [];
  const emit = (task: string, outcome: JobOutcome) => listeners.forEach((listener) => listener(task, outcome));
  runner.events.on('job:success', ({ job }) => emit(job.task_identifier, 'ok'));
  runner.events.on('job:error', ({ job }) => emit(job.task_identifier, job.attempts >= job.max_attempts ? 'failed' : 'retrying'));
  return {
    async permanentlyFailedJobs() {
      const { rows } = await pool.query<{ n: number }>(
        'select count(*)::int as n from graphile_worker.jobs where attempts >= max_attempts and locked_at is null',
      );
      return rows[0].n;
    },
    onJob(listener) {
      listeners.push(listener);
    },
    async stop() {
      await runner.stop();
      await pool.end();
    },
  };
}

/** Default: info and above as JSON lines, like the server's pino logs. */
function logJson(level: string, message: string): void {
  if (level === 'debug') return;
  console.log(JSON.stringify({ level, time: Date.now(), name: 'worker', msg: message }));
}
