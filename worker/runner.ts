// The graphile-worker runner with rowgate's tasks, connecting as rowgate_worker. If graphile-worker stops
// by itself (it shuts down when it cannot record a job's outcome, e.g. while PostgreSQL restarts), the
// jobs it held are unlocked and a new runner takes over. stop() lets running jobs finish.
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { Logger, run, type Runner, type WorkerEvents } from 'graphile-worker';
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

const RESTART_DELAY_MS = 1000;

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
  const events = new EventEmitter() as WorkerEvents;
  const listeners: ((task: string, outcome: JobOutcome) => void)[] = [];
  const emit = (task: string, outcome: JobOutcome) => listeners.forEach((listener) => listener(task, outcome));
  events.on('job:success', ({ job }) => emit(job.task_identifier, 'ok'));
  events.on('job:error', ({ job }) => emit(job.task_identifier, job.attempts >= job.max_attempts ? 'failed' : 'retrying'));
  let poolIds: string[] = [];
  events.on('pool:create', ({ workerPool }) => poolIds.push(workerPool.id));
  const taskList = {
    audit,
    send_invitation: makeSendInvitation(options.sendMail ?? makeMailer(config), config.acceptUrl),
  };

  const launch = () =>
    run({
      pgPool: pool,
      concurrency: config.concurrency,
      noHandleSignals: true,
      pollInterval: 1000,
      logger,
      events,
      taskList,
      // Completions and failures go through graphile-worker's batchers, which retry a lost connection and
      // are flushed by stop(); otherwise stop() can resolve before the last job is marked done, leaving it
      // locked for hours.
      preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
    });

  let stopping = false;
  let runner: Runner;
  try {
    runner = await launch();
  } catch (error) {
    await pool.end();
    throw error;
  }

  // The jobs a dead runner held are ours to release: no other process uses its pool id.
  async function takeOver(): Promise<void> {
    while (!stopping) {
      try {
        const dead = [...poolIds];
        await pool.query('select graphile_worker.force_unlock_workers($1::text[])', [dead]);
        poolIds = poolIds.filter((id) => !dead.includes(id));
        runner = await launch();
        watch(runner);
        log('info', 'worker restarted after graphile-worker stopped');
        return;
      } catch (error) {
        log('error', `worker restart failed, retrying: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, RESTART_DELAY_MS));
      }
    }
  }
  function watch(current: Runner) {
    const restart = () => {
      if (stopping || current !== runner) return;
      log('error', 'graphile-worker stopped unexpectedly; restarting');
      setTimeout(() => void takeOver(), RESTART_DELAY_MS);
    };
    current.promise.then(restart, restart);
  }
  watch(runner);

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
      stopping = true;
      await runner.stop().catch(() => {});
      await pool.end();
    },
  };
}

/** Default: info and above as JSON lines, like the server's pino logs. */
function logJson(level: string, message: string): void {
  if (level === 'debug') return;
  console.log(JSON.stringify({ level, time: Date.now(), name: 'worker', msg: message }));
}
