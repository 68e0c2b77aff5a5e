// graphile-worker runners for rowgate's tasks, connecting as rowgate_worker. If graphile-worker stops by
// itself (it shuts down when it cannot record a job's outcome, e.g. while PostgreSQL restarts), the jobs
// it held are unlocked and a new runner takes over. Every quarter of WORKER_LEASE_SECONDS (20 s) the
// process renews the leases of its pools and unlocks the jobs of pools whose lease is older than that
// (migration 000012): a killed worker's jobs are taken over 20 to 25 seconds after it died. stop() lets
// running jobs finish.
//
// A runner can also hang without stopping: when recording a job's completion fails once, graphile-worker
// 0.18 starts a graceful shutdown that never ends (its completion batcher keeps the failure as pending
// work forever), and its pool stops taking jobs while the process lives on. So a runner's lease is
// renewed only while it makes progress (a poll for jobs, a job started or finished, or a job still
// running), and a runner that began a shutdown nobody asked for and has not ended it after
// SHUTDOWN_GRACE_MS, or that has neither polled (successfully or not) nor run a job for STALL_MS, is
// stuck: its jobs are unlocked and a new runner takes over, as if it had stopped.
//
// A job can also be locked for a live runner that never got it: the statement that locks it commits, and
// its reply is lost with the connection (PostgreSQL killed at that instant). The heartbeat hands the jobs
// the runners are running to app_worker.release_orphaned_locks (migration 000026), which unlocks any other
// job our pools have held for longer than ORPHAN_AFTER.
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { Logger, run, type Runner, type TaskList, type WorkerEvents } from 'graphile-worker';
import { logTo, makeLogger, type LogLevel } from '../db/log.ts';
import type { WorkerConfig } from './config.ts';
import { makeMailer, type SendMail } from './mail.ts';
import { audit } from './tasks/audit.ts';
import { cleanUpAccounts } from './tasks/clean-up-accounts.ts';
import { expireIdempotencyKeys } from './tasks/expire-idempotency-keys.ts';
import { makeSendAccountMail } from './tasks/send-account-mail.ts';
import { makeSendInvitation } from './tasks/send-invitation.ts';
import { readQueue, type QueueState } from './queue.ts';

export type JobOutcome = 'ok' | 'retrying' | 'failed';

export type RunnerReplaced = 'stopped' | 'stuck';

export interface RunningWorker {
  /** Everything waiting, in one statement (worker/queue.ts): jobs by state (failed ones included), set-aside audit events. */
  queue(): Promise<QueueState>;
  /** Whether the database answered the last lease renewal, and how many runners are stuck now. */
  health(): { databaseUp: boolean; stuckRunners: number };
  onJob(listener: (task: string, outcome: JobOutcome) => void): void;
  /** A runner stopped by itself, or was found stuck, and was replaced. */
  onRunnerReplaced(listener: (why: RunnerReplaced) => void): void;
  stop(): Promise<void>;
}

const RESTART_DELAY_MS = 1000;
const SHUTDOWN_GRACE_MS = 10_000;
/** Idle workers poll every second: half a minute without a poll or a job is a loop that stopped. */
const STALL_MS = 30_000;
/** graphile-worker's levels (@graphile/logger) in pino's words. */
const GRAPHILE_LEVELS: Record<string, LogLevel> = { error: 'error', warning: 'warn', info: 'info', debug: 'debug' };
/** A job is handed to its runner within milliseconds of being locked; one locked this long and not running was lost. */
const ORPHAN_AFTER = '30 seconds';

export async function startWorker(
  config: WorkerConfig,
  workerUrl: string,
  options: {
    sendMail?: SendMail;
    /** Where the worker's messages go; default: the process's JSON log lines (db/log.ts), named `worker`. */
    log?: (level: LogLevel, message: string) => void;
    /** Where the server listens, once it does (npm start): mail links' start when PUBLIC_URL is unset. */
    listeningAt?: () => string | undefined;
  } = {},
): Promise<RunningWorker> {
  // Two settings for the worker's own sessions:
  // - synchronous_commit=off: commits do not wait for the WAL flush. Safe here: a commit lost in a crash
  //   loses the audit rows and the outbox deletion together, so the batch is drained again; a job's
  //   completion is written after its work, so it is never kept while the work is lost. Waiting for each
  //   flush held the (then single) audit runner to ~60 jobs/s under a burst of writes (`npm run bench`).
  // - no sequential or bitmap scans: every query the worker runs is a key lookup, but the job table
  //   swings between empty and thousands of rows faster than autovacuum analyzes it, and with statistics
  //   taken while it was empty the planner fetched each job by sorting the whole queue (1.6 ms at 3,000
  //   jobs instead of 0.09 ms), so a backlog, once started, kept growing.
  const sessionSettings = '-c synchronous_commit=off -c enable_seqscan=off -c enable_bitmapscan=off';
  const pool = new pg.Pool({ connectionString: workerUrl, max: 2 * config.concurrency + 5, options: sessionSettings });
  // A connection lost to a database restart is replaced on next use; graphile-worker retries the job.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const log = options.log ?? logTo(makeLogger().child({ name: 'worker' }));
  const logger = new Logger(() => (level, message) => log(GRAPHILE_LEVELS[level] ?? 'info', message));
  const listeners: ((task: string, outcome: JobOutcome) => void)[] = [];
  const emit = (task: string, outcome: JobOutcome) => listeners.forEach((listener) => listener(task, outcome));
  const replacedListeners: ((why: RunnerReplaced) => void)[] = [];
  /** Whether the last lease renewal reached the database. */
  let databaseUp = true;
  const publicUrl = () => config.publicUrl ?? options.listeningAt?.() ?? config.developmentUrl;
  const sendMail = options.sendMail ?? makeMailer(config);
  const sendInvitation = makeSendInvitation(sendMail, publicUrl);
  const sendAccountMail = makeSendAccountMail(sendMail, publicUrl);

  // Audit jobs drain one organization each, side by side (the organization's lock keeps its chain in
  // commit order); mail and housekeeping run beside them, so a slow SMTP server never holds up the audit
  // log. Housekeeping is scheduled by graphile-worker's crontab, once however many workers run.
  let stopping = false;
  const supervised = await Promise.all([
    supervise({ audit }, config.concurrency),
    supervise(
      { send_invitation: sendInvitation, send_account_mail: sendAccountMail, expire_idempotency_keys: expireIdempotencyKeys, clean_up_accounts: cleanUpAccounts },
      config.concurrency,
      '0 * * * * expire_idempotency_keys\n30 * * * * clean_up_accounts',
    ),
  ]).catch(async (error) => {
    await pool.end();
    throw error;
  });

  /**
   * One graphile-worker runner for some tasks. If it stops by itself, the jobs it held are unlocked (they
   * are ours: no other process uses its pool id) and a new runner takes over.
   */
  async function supervise(taskList: TaskList, concurrency: number, crontab?: string) {
    const events = new EventEmitter() as WorkerEvents;
    events.on('job:success', ({ job }) => emit(job.task_identifier, 'ok'));
    events.on('job:error', ({ job }) => emit(job.task_identifier, job.attempts >= job.max_attempts ? 'failed' : 'retrying'));
    // This runner's pools, oldest first (a restart adds one); the ones still alive hold leases.
    const poolIds: string[] = [];
    events.on('pool:create', ({ workerPool }) => poolIds.push(workerPool.id));
    // What the current runner's pool has been doing (see above).
    const progress = { at: Date.now(), running: 0, shutdownSince: undefined as number | undefined };
    const progressed = () => void (progress.at = Date.now());
    // Each poll counts, a failed one too: a database that does not answer is not a stuck loop.
    events.on('worker:getJob:start', progressed);
    // The jobs this runner's pools are running, by id (see release_orphaned_locks above).
    const runningJobs = new Set<string>();
    events.on('job:start', ({ job }) => (runningJobs.add(job.id), progress.running++, progressed()));
    events.on('job:complete', ({ job }) => (runningJobs.delete(job.id), progress.running--, progressed()));
    events.on('pool:gracefulShutdown', ({ workerPool }) => {
      if (!stopping && workerPool.id === poolIds.at(-1)) progress.shutdownSince ??= Date.now();
    });
    const launch = () =>
      run({
        pgPool: pool,
        concurrency,
        noHandleSignals: true,
        pollInterval: 1000,
        logger,
        events,
        taskList,
        ...(crontab ? { crontab } : {}),
        // Completions and failures go through graphile-worker's batchers, which retry a lost connection
        // and are flushed by stop(); otherwise stop() can resolve before the last job is marked done,
        // leaving it locked for hours.
        preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
      });
    let replacing = false;
    const takeOver = async (why: RunnerReplaced) => {
      if (replacing) return;
      replacing = true;
      try {
        while (!stopping) {
          try {
            const dead = [...poolIds];
            await pool.query('select graphile_worker.force_unlock_workers($1::text[])', [dead]);
            await pool.query('select app_worker.release_leases($1::text[])', [dead]);
            poolIds.splice(0, dead.length);
            Object.assign(progress, { at: Date.now(), running: 0, shutdownSince: undefined });
            runningJobs.clear();
            // A stuck runner is told to stop too, in case it comes to; it is not waited for.
            void state.runner.stop().catch(() => {});
            state.runner = await launch();
            watch(state.runner);
            // The new pool's lease now, not at the next beat: until it has one, a worker with a shorter
            // WORKER_LEASE_SECONDS would judge its jobs by that shorter lease and free them (000037).
            void heartbeat();
            log('info', 'worker restarted after graphile-worker stopped');
            replacedListeners.forEach((listener) => listener(why));
            return;
          } catch (error) {
            log('error', `worker restart failed, retrying: ${(error as Error).message}`);
            await new Promise((resolve) => setTimeout(resolve, RESTART_DELAY_MS));
          }
        }
      } finally {
        replacing = false;
      }
    };
    const state = {
      runner: await launch(),
      poolIds,
      runningJobs,
      /** Whether the runner's pool is stuck; a stuck one is replaced (see above). */
      stuck(now = Date.now()) {
        return (progress.shutdownSince !== undefined && now - progress.shutdownSince > SHUTDOWN_GRACE_MS) || (progress.running === 0 && now - progress.at > STALL_MS);
      },
      replace() {
        log('error', 'graphile-worker stopped making progress (a shutdown that does not end, or no poll); replacing it');
        void takeOver('stuck');
      },
    };
    const watch = (current: Runner) => {
      const restart = () => {
        if (stopping || current !== state.runner) return;
        log('error', 'graphile-worker stopped unexpectedly; restarting');
        setTimeout(() => void takeOver('stopped'), RESTART_DELAY_MS);
      };
      current.promise.then(restart, restart);
    };
    watch(state.runner);
    return state;
  }

  const ownPools = () => supervised.flatMap((state) => state.poolIds);
  const heartbeat = async () => {
    // A stuck runner's lease is not renewed: it is replaced, and its jobs unlocked, here (or, if this
    // process cannot, by the others once the lease is out).
    for (const state of supervised) if (!stopping && state.stuck()) state.replace();
    try {
      const alive = supervised.filter((state) => !state.stuck());
      const live = alive.flatMap((state) => state.poolIds);
      const running = alive.flatMap((state) => [...state.runningJobs]);
      const { rows } = await pool.query<{ dead: string[]; orphaned: string[] }>(
        `select app_worker.heartbeat($1::text[], $2::interval) as dead,
                app_worker.release_orphaned_locks($1::text[], $3::bigint[], $4::interval) as orphaned`,
        [live, `${config.leaseSeconds} seconds`, running, ORPHAN_AFTER],
      );
      databaseUp = true;
      if (rows[0].dead.length) log('warn', `took over the jobs of worker pools whose lease expired: ${rows[0].dead.join(', ')}`);
      if (rows[0].orphaned.length) log('warn', `unlocked jobs locked for this worker that it never received: ${rows[0].orphaned.join(', ')}`);
    } catch (error) {
      databaseUp = false;
      log('warn', `could not renew the worker's leases: ${(error as Error).message}`);
    }
  };
  await heartbeat();
  const beating = setInterval(() => void heartbeat(), (config.leaseSeconds * 1000) / 4);

  return {
    queue: () => readQueue(pool),
    health: () => ({ databaseUp, stuckRunners: supervised.filter((state) => state.stuck()).length }),
    onJob(listener) {
      listeners.push(listener);
    },
    onRunnerReplaced(listener) {
      replacedListeners.push(listener);
    },
    async stop() {
      stopping = true;
      clearInterval(beating);
      await Promise.all(supervised.map((state) => state.runner.stop().catch(() => {})));
      await pool.query('select app_worker.release_leases($1::text[])', [ownPools()]).catch(() => {});
      await pool.end();
    },
  };
}
