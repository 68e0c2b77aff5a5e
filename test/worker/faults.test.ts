// The audit pipeline under faults: a worker killed mid-job, PostgreSQL restarted under a running worker,
// a job that can never succeed, and `npm run start:worker` as an operator runs it. Whatever happens,
// every change must end up as exactly one audit row, and each organization's chain must still verify.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { makeWorkerUtils } from 'graphile-worker';
import pg from 'pg';
import { afterEach, describe, expect, test } from 'vitest';
import { AuditVerifyChainDocument, CreateOrganizationDocument, CreateTaskDocument } from '../generated/graphql.ts';
import { withDatabase } from '../../db/bootstrap.ts';
import { readDatabaseConfig } from '../../db/config.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import { freePort } from '../../db/ports.ts';
import { applyMigrations, releaseMigrationPools } from '../../db/migrate.ts';
import { addMember, createOrganization, createSession, createUser } from '../../db/tenant-data.ts';
import { readWorkerConfig } from '../../worker/config.ts';
import { startWorker, type RunningWorker } from '../../worker/runner.ts';
import { asActor, createTestDatabase, type Actor } from '../support/database.ts';
import { isRunning, spawnNode, type Child } from '../support/processes.ts';
import { gql, http, register, startTestServer } from '../support/server.ts';
import { startTestWorker, waitFor, workerUrlFor } from '../support/worker.ts';

const LONG = 180_000;

// ---------------------------------------------------------------------------------------------------------
// Everything a test starts is registered here and torn down after it, passed or not, newest first.

const children = new Set<Child>();
/** The blocked writes' release() (insertTasksBlockedAt), run first: a worker's stop() waits for the job one blocks. */
const blockers: (() => Promise<void>)[] = [];
const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const child of children) {
    if (child.running) child.process.kill('SIGKILL');
    await child.exited;
  }
  children.clear();
  for (const release of blockers) await release();
  blockers.length = 0;
  const failures: unknown[] = [];
  for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => failures.push(error));
  cleanups.length = 0;
  releaseMigrationPools();
  if (failures.length > 0) throw new AggregateError(failures, 'cleanup failed');
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  // Reachable by the `postgres` OS user (we may be root), so the cluster stays inside rather than under
  // /var/lib/rowgate (which the private-folder test covers).
  await fs.chmod(dir, 0o755);
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


/** `node <args>` from the project root, tracked for cleanup; an undefined value removes the variable. */
function runNode(args: string[], env: Record<string, string | undefined>): Child {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', ...env };
  for (const [key, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[key];
  const child = spawnNode(args, childEnv);
  children.add(child);
  return child;
}

// ---------------------------------------------------------------------------------------------------------
// Data, as the superuser, and the exactly-once check

interface Org {
  id: string;
  /** An Admin acting in the organization (holds audit:read), for verify_audit_chain. */
  admin: Actor;
}

async function seedOrganization(pool: pg.Pool, slug: string): Promise<Org> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const org = await createOrganization(client, `Org ${slug}`, slug);
    const userId = await createUser(client, `admin@${slug}.test`, `Admin of ${slug}`);
    await addMember(client, org.id, userId, org.roles.Admin);
    const sessionId = await createSession(client, userId);
    await client.query('commit');
    return { id: org.id, admin: { role: 'app_user', userId, sessionId, organizationId: org.id } };
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

/** n tasks in one statement (one commit): n events in the outbox, one audit job. */
async function insertTasks(pool: pg.Pool | pg.PoolClient, organizationId: string, n: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into app_public.tasks (organization_id, title) select $1, 'Task ' || g from generate_series(1, $2) g returning id`,
    [organizationId, n],
  );
  return rows.map((r) => r.id);
}

async function countTaskAudits(pool: pg.Pool, organizationId: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `select count(*)::int as n from app_public.audit_logs where organization_id = $1 and action = 'task.created'`,
    [organizationId],
  );
  return rows[0].n;
}

async function pendingJobs(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from graphile_worker.jobs');
  return rows[0].n;
}

/** Jobs still locked, with who holds them (a worker id per graphile-worker pool). */
async function lockedJobs(pool: pg.Pool) {
  const { rows } = await pool.query<{ kind: string; id: string; locked_by: string; attempts: number | null; last_error: string | null }>(
    `select 'job' as kind, id::text, locked_by, attempts, last_error from graphile_worker._private_jobs where locked_at is not null`,
  );
  return rows;
}

/**
 * graphile-worker wakes idle workers only when a job is inserted, and otherwise polls; a job retried
 * waits for the next poll. The tests about faults send the same wake-up
 * add_job sends, so that they finish in seconds; they do not depend on it for correctness.
 */
async function nudgeWorkers(pool: pg.Pool): Promise<void> {
  await pool.query(`select pg_notify('jobs:insert', '{"count":16}')`).catch(() => {});
}

async function waitForAuditedTasks(pool: pg.Pool, organizationId: string, n: number, timeoutMs: number, message: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const written = await countTaskAudits(pool, organizationId).catch(() => -1);
    if (written >= n) return;
    if (Date.now() > deadline) {
      const locked = await lockedJobs(pool).catch((error: Error) => error.message);
      throw new Error(`timed out after ${timeoutMs} ms: ${message}: ${written} of ${n} rows; locked: ${JSON.stringify(locked)}`);
    }
    await nudgeWorkers(pool);
    await sleep(20);
  }
}

/** Waits until every job has been done and none is left over (failed ones included). */
async function drain(pool: pg.Pool, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await pendingJobs(pool)) > 0) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms draining; locked: ${JSON.stringify(await lockedJobs(pool))}`);
    await nudgeWorkers(pool);
    await sleep(20);
  }
}

/** Every task has exactly one task.created row and one history row; seq has no gap; the chain verifies. */
async function expectExactlyOnce(pool: pg.Pool, org: Org, taskIds: string[]): Promise<void> {
  const { rows: created } = await pool.query<{ resource_id: string }>(
    `select resource_id from app_public.audit_logs where organization_id = $1 and action = 'task.created' order by seq`,
    [org.id],
  );
  expect(created).toHaveLength(taskIds.length);
  expect(created.map((r) => r.resource_id).sort()).toEqual([...taskIds].sort());

  const { rows: history } = await pool.query<{ task_id: string; n: number }>(
    `select task_id, count(*)::int as n from app_public.task_histories
     where organization_id = $1 and action = 'task.created' group by task_id`,
    [org.id],
  );
  expect(history).toHaveLength(taskIds.length);
  expect(history.every((r) => r.n === 1)).toBe(true);

  const { rows: seqs } = await pool.query<{ n: number; distinct_seq: number; min: string; max: string; distinct_keys: number }>(
    `select count(*)::int as n, count(distinct seq)::int as distinct_seq, min(seq) as min, max(seq) as max,
            count(distinct event_key)::int as distinct_keys
     from app_public.audit_logs where organization_id = $1`,
    [org.id],
  );
  const { n, distinct_seq, min, max, distinct_keys } = seqs[0];
  expect({ distinct_seq, min: Number(min), max: Number(max), distinct_keys }).toEqual({ distinct_seq: n, min: 1, max: n, distinct_keys: n });

  const chain = await asActor(pool, org.admin, async (client) => (await client.query('select (app_public.verify_audit_chain()).*')).rows[0]);
  expect(chain).toEqual({ ok: true, checked: String(n), broken_seq: null, set_aside: 0 });
}

/**
 * n tasks in one commit, with the audit of the k-th (1-based) blocked inside the database: before the
 * commit, another transaction inserts (and keeps uncommitted) an audit row with that change's event key,
 * so the worker's insert of it waits on the unique index. The job is then deterministically in flight,
 * after the changes before it are recorded. release() rolls the blocker back and the insert goes on.
 */
async function insertTasksBlockedAt(pool: pg.Pool, organizationId: string, n: number, k: number) {
  const writer = await pool.connect();
  const blocker = await pool.connect();
  blocker.on('error', () => {}); // killed along with everything else when PostgreSQL stops
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    await blocker.query('rollback').catch(() => {});
    blocker.release(true);
  };
  blockers.push(release);
  try {
    await writer.query('begin');
    const taskIds = await insertTasks(writer, organizationId, n);
    const { rows } = await writer.query<{ event_key: string }>(
      `select o.event ->> 'eventKey' as event_key from app_worker.audit_outbox o where o.event ->> 'resourceId' = $1`,
      [taskIds[k - 1]],
    );
    expect(rows).toHaveLength(1);
    await blocker.query('begin');
    await blocker.query(
      `insert into app_public.audit_logs (organization_id, seq, event_key, action, resource_type, resource_id, hash)
       values ($1, 1000000000, $2, 'test.blocker', 'task', $3, 'blocker')`,
      [organizationId, rows[0].event_key, taskIds[k - 1]],
    );
    await writer.query('commit');
    return { taskIds, release };
  } catch (error) {
    await writer.query('rollback').catch(() => {});
    await release();
    throw error;
  } finally {
    writer.release();
  }
}

/** The backend pid of a worker session waiting for a lock in this database, once there is one. */
async function waitForBlockedJob(pool: pg.Pool, timeoutMs = 30_000): Promise<number> {
  return waitFor(
    async () => {
      await nudgeWorkers(pool);
      const { rows } = await pool.query<{ pid: number }>(
        `select pid from pg_stat_activity
         where usename = 'rowgate_worker' and datname = current_database() and wait_event_type = 'Lock'`,
      );
      return rows[0]?.pid;
    },
    timeoutMs,
    'an audit job blocked inside the database',
  );
}

// ---------------------------------------------------------------------------------------------------------

describe('a worker killed mid-batch', () => {
  test(
    'SIGKILL in the middle of 200 changes, with a write in flight: a new worker takes its jobs over within 60 s by itself, writes each exactly once, and the chain verifies',
    async () => {
      const db = await createTestDatabase();
      cleanups.push(() => db.drop());
      const org = await seedOrganization(db.pool, 'killed');
      // The 150th change's write waits inside the database, in the second batch of 100 (the first is
      // committed); the worker is killed while it waits there.
      const { taskIds, release } = await insertTasksBlockedAt(db.pool, org.id, 200, 150);
      const dataDir = await tempDir('rowgate-faults-');

      const child = runNode(['test/worker/fixtures/run-worker.ts'], { WORKER_URL: workerUrlFor(db), DATA_DIR: dataDir, WORKER_CONCURRENCY: '1' });
      await child.waitFor(/fixture worker running/);
      await waitForBlockedJob(db.pool);
      const writtenBeforeKill = await countTaskAudits(db.pool, org.id);
      child.process.kill('SIGKILL');
      expect((await child.exited).signal).toBe('SIGKILL');
      expect(writtenBeforeKill, 'killed in the middle of the batch').toBeGreaterThan(0);
      // The orphaned statement goes on once the blocker is gone, and commits its row (PostgreSQL notices
      // the dead client only afterwards): a write whose job is never completed, which exactly-once must survive.
      await release();
      await waitFor(
        async () => {
          const { rows } = await db.pool.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where usename = 'rowgate_worker' and datname = $1`, [db.name]);
          return rows[0].n === 0;
        },
        30_000,
        'the killed worker’s sessions to end',
      );
      expect(await countTaskAudits(db.pool, org.id), 'killed in the middle of the batch').toBeLessThan(200);

      // The dead worker's lock on its job outlives it, until its lease runs out and a living worker
      // unlocks the job (migration 000012): nobody unlocks anything by hand.
      expect((await lockedJobs(db.pool)).length, 'the killed worker left its job locked').toBeGreaterThan(0);
      const killedAt = Date.now();
      // Its lease runs out after 6 s for this worker (WORKER_LEASE_SECONDS), not the default 20.
      const worker = await startTestWorker(db, { WORKER_LEASE_SECONDS: '6' });
      cleanups.push(() => worker.stop());
      await drain(db.pool, 60_000 - (Date.now() - killedAt));
      await expectExactlyOnce(db.pool, org, taskIds);
      expect((await worker.worker.queue()).permanentlyFailed).toBe(0);
    },
    LONG,
  );

  test(
    "two start:worker processes: a live worker's job is never taken from it, and the jobs of one that dies are the survivor's within 60 s",
    async () => {
      const db = await createTestDatabase();
      cleanups.push(() => db.drop());
      const org = await seedOrganization(db.pool, 'survivor');
      const { taskIds, release } = await insertTasksBlockedAt(db.pool, org.id, 40, 10);
      // Leases of 6 s (renewed every 1.5 s) instead of 20: the same story, three times faster.
      const env = { DATABASE_URL: db.url, WORKER_CONCURRENCY: '1', WORKER_LEASE_SECONDS: '6' };
      const doomed = runNode(['worker/main.ts'], { ...env, DATA_DIR: await tempDir('rowgate-doomed-') });
      await doomed.waitFor(/worker running/);
      await waitForBlockedJob(db.pool);
      const [held] = await lockedJobs(db.pool);
      const survivor = runNode(['worker/main.ts'], { ...env, DATA_DIR: await tempDir('rowgate-survivor-') });
      await survivor.waitFor(/worker running/);

      // Longer than a lease (6 s) and its renewal (1.5 s): the survivor sweeps several times meanwhile,
      // yet the living worker's job stays its own, taken once.
      await sleep(9_000);
      const stillHeld = (await lockedJobs(db.pool)).find((job) => job.id === held.id);
      expect(stillHeld, 'the blocked job is still locked by the worker running it').toMatchObject({ locked_by: held.locked_by, attempts: held.attempts });

      doomed.process.kill('SIGKILL');
      expect((await doomed.exited).signal).toBe('SIGKILL');
      const killedAt = Date.now();
      await release();
      await drain(db.pool, 60_000);
      expect(Date.now() - killedAt, 'taken over within 60 s of the death').toBeLessThan(60_000);
      await expectExactlyOnce(db.pool, org, taskIds);
      expect(survivor.stdout()).toMatch(/took over the jobs of worker pools whose lease expired/);
    },
    LONG,
  );

  test('jobs and events run again after they were recorded (a crash between the write and the completion) write nothing more', async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    const org = await seedOrganization(db.pool, 'rerun');
    const taskIds = await insertTasks(db.pool, org.id, 3);
    // The jobs and events as enqueued, before any worker ran them.
    const { rows: jobs } = await db.pool.query<{ payload: { organizationId: string } }>(
      `select j.payload from graphile_worker._private_jobs j where j.payload ->> 'organizationId' = $1 order by j.id`,
      [org.id],
    );
    expect(jobs.length).toBeGreaterThan(0);
    const { rows: events } = await db.pool.query<{ event: { resourceId: string } }>(
      'select event from app_worker.audit_outbox where organization_id = $1 order by id',
      [org.id],
    );
    expect(taskIds.every((id) => events.some(({ event }) => event.resourceId === id))).toBe(true);

    const worker = await startTestWorker(db);
    cleanups.push(() => worker.stop());
    await drain(db.pool);
    await expectExactlyOnce(db.pool, org, taskIds);
    const before = (await db.pool.query('select id, seq, hash from app_public.audit_logs where organization_id = $1 order by seq', [org.id])).rows;

    // The same events back in the outbox (their keys are recorded already), and the same jobs again,
    // twice each, as graphile-worker reruns a job whose completion was lost.
    for (const { event } of events) {
      await db.pool.query('insert into app_worker.audit_outbox (organization_id, event) values ($1, $2)', [org.id, JSON.stringify(event)]);
    }
    for (let i = 0; i < 2; i++) {
      for (const job of jobs) {
        await db.pool.query('select graphile_worker.add_job($1, $2::json)', ['audit', JSON.stringify(job.payload)]);
      }
    }
    await drain(db.pool);
    const after = (await db.pool.query('select id, seq, hash from app_public.audit_logs where organization_id = $1 order by seq', [org.id])).rows;
    expect(after).toEqual(before);
    await expectExactlyOnce(db.pool, org, taskIds);
    expect((await db.pool.query('select count(*)::int as n from app_worker.audit_outbox')).rows).toEqual([{ n: 0 }]);
    expect((await worker.worker.queue()).permanentlyFailed).toBe(0);
  }, LONG);
});

describe('a job locked for a live worker that never received it', () => {
  // The lock commits and its reply is lost with the connection (PostgreSQL killed at that instant): the
  // pool lives on and renews its lease, so only the worker's own list of what it runs can tell.
  test('is unlocked and done within seconds, while the job the worker is running stays its own', async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    const running = await seedOrganization(db.pool, 'running');
    const orphaned = await seedOrganization(db.pool, 'orphaned');
    const { taskIds: runningTaskIds, release } = await insertTasksBlockedAt(db.pool, running.id, 3, 2);
    const worker = await startTestWorker(db);
    cleanups.push(() => worker.stop());
    await waitForBlockedJob(db.pool);
    // The held job is one of the blocked organization's two (its seeding's and its tasks'): both run until
    // release(). The other organization's seeding job may still be finishing: it is waited for, so that it
    // is neither taken for the held job nor the one that records the orphan's events.
    const { rows: [held] } = await db.pool.query<{ id: string; locked_by: string; attempts: number }>(
      `select id::text, locked_by, attempts from graphile_worker._private_jobs
       where locked_at is not null and payload ->> 'organizationId' = $1 order by id limit 1`,
      [running.id],
    );
    await waitFor(
      async () => (await db.pool.query(`select 1 from graphile_worker._private_jobs where payload ->> 'organizationId' = $1`, [orphaned.id])).rowCount === 0,
      30_000,
      'the other organization’s seeding audited',
    );

    // The orphan: enqueued and locked for the same live pool in one commit, so no runner ever sees it free.
    // Both locks are dated a minute back, past the 30 s a hand-over may take.
    const client = await db.pool.connect();
    let orphanedTaskIds: string[];
    try {
      await client.query('begin');
      orphanedTaskIds = await insertTasks(client, orphaned.id, 2);
      const { rowCount } = await client.query(
        `update graphile_worker._private_jobs set locked_by = $1, locked_at = now() - interval '1 minute'
         where payload ->> 'organizationId' = $2 and locked_at is null`,
        [held.locked_by, orphaned.id],
      );
      expect(rowCount).toBe(1);
      await client.query(`update graphile_worker._private_jobs set locked_at = now() - interval '1 minute' where id = $1`, [held.id]);
      await client.query('commit');
    } finally {
      client.release();
    }

    await waitForAuditedTasks(db.pool, orphaned.id, orphanedTaskIds.length, 20_000, 'the orphaned job done after the next heartbeat');
    expect((await lockedJobs(db.pool)).find((job) => job.id === held.id), 'the running job was left to its worker').toMatchObject({
      locked_by: held.locked_by,
      attempts: held.attempts,
    });
    await release();
    await drain(db.pool);
    await expectExactlyOnce(db.pool, running, runningTaskIds);
    await expectExactlyOnce(db.pool, orphaned, orphanedTaskIds);
  }, LONG);
});

describe('worker pools with leases of different lengths (WORKER_LEASE_SECONDS per process)', () => {
  test("a pool is dead when its own lease ran out, not when a worker with a shorter lease looks", async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    const worker = new pg.Client({ connectionString: workerUrlFor(db) });
    await worker.connect();
    cleanups.push(() => worker.end());
    const beat = async (pool: string, seconds: number) =>
      (await worker.query<{ dead: string[] }>('select app_worker.heartbeat($1::text[], $2::interval) as dead', [[pool], `${seconds} seconds`])).rows[0].dead;
    // A job each locked 10 s ago: by the long pool, and by a pool that never took a lease (killed first).
    const lockedBy = async (pool: string) => {
      const { rows: [job] } = await db.pool.query<{ id: string }>(`select id from graphile_worker.add_job('noop', '{}')`);
      await db.pool.query(`update graphile_worker._private_jobs set locked_by = $2, locked_at = now() - interval '10 seconds' where id = $1`, [job.id, pool]);
      return job.id;
    };
    const locker = async (id: string) => (await db.pool.query<{ locked_by: string | null }>('select locked_by from graphile_worker.jobs where id = $1', [id])).rows[0].locked_by;
    const [longJob, leaselessJob] = [await lockedBy('long'), await lockedBy('leaseless')];
    await beat('long', 60);
    // Renewed 10 s ago: past a 6 s lease, well within its own 60 s.
    await db.pool.query(`update app_worker.pool_leases set renewed_at = renewed_at - interval '10 seconds', expires_at = expires_at - interval '10 seconds' where pool_id = 'long'`);
    // The pool without a lease is judged by the caller's ttl; the long pool's job stays its own.
    expect(await beat('short', 6)).toEqual(['leaseless']);
    expect([await locker(longJob), await locker(leaselessJob)]).toEqual(['long', null]);
    // Once its own lease has run out, it is dead, whoever looks, and its job is free.
    await db.pool.query(`update app_worker.pool_leases set expires_at = now() - interval '1 second' where pool_id = 'long'`);
    expect(await beat('short', 6)).toEqual(['long']);
    expect(await locker(longJob)).toBeNull();
    expect((await db.pool.query('select pool_id from app_worker.pool_leases order by 1')).rows).toEqual([{ pool_id: 'short' }]);
  });
});

describe('an audit job from before the outbox', () => {
  test('carrying its event (held by a worker while migration 000018 moved the others), it still writes that event once', async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    const org = await seedOrganization(db.pool, 'old-job');
    const [taskId] = await insertTasks(db.pool, org.id, 1);
    // The change as an old-style job: its event in the payload, not in the outbox.
    const { rows } = await db.pool.query<{ event: unknown }>(
      `delete from app_worker.audit_outbox where event ->> 'resourceId' = $1 returning event`,
      [taskId],
    );
    expect(rows).toHaveLength(1);
    await db.pool.query('select graphile_worker.add_job($1, $2::json)', ['audit', JSON.stringify(rows[0].event)]);
    const worker = await startTestWorker(db);
    cleanups.push(() => worker.stop());
    await drain(db.pool);
    await expectExactlyOnce(db.pool, org, [taskId]);
  }, LONG);
});

describe('npm start killed while a job is locked', () => {
  test(
    'restarted at once, its own worker takes the job over: every committed change has its audit row within 30 s of the restart, once, and the chain verifies',
    async () => {
      const dataDir = await tempDir('rowgate-killed-start-');
      const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), PORT: '0', DATABASE_URL: undefined };
      const first = runNode(['server/main.ts'], env);
      await first.waitFor(/worker running/);
      const password = (await fs.readFile(path.join(dataDir, 'superuser-password'), 'utf8')).trim();
      const pool = new pg.Pool({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${env.EMBEDDED_PG_PORT}/rowgate`, max: 3 });
      pool.on('error', () => {}); // its connections die with the restart
      cleanups.push(() => pool.end());
      const org = await seedOrganization(pool, 'killed-start');
      const { taskIds } = await insertTasksBlockedAt(pool, org.id, 20, 5);
      await waitForBlockedJob(pool);
      expect((await lockedJobs(pool)).length).toBeGreaterThan(0);

      first.process.kill('SIGKILL');
      // At once: the killed process's lock on DATA_DIR dies with it.
      const second = runNode(['server/main.ts'], env);
      await second.waitFor(/worker running/);
      await waitForAuditedTasks(pool, org.id, taskIds.length, 30_000, 'every change audited within 30 s of the restart');
      await drain(pool);
      await expectExactlyOnce(pool, org, taskIds);
      second.process.kill('SIGTERM');
      expect(await second.exited).toEqual({ code: 0, signal: null });
    },
    LONG,
  );
});

describe('a job that fails once', () => {
  // In a child process: if the worker dies of it, the test sees the exit instead of vitest an unhandled error.
  test('an audit job whose connection is cut mid-write is retried: every change, including one committed meanwhile, is recorded once', async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    const org = await seedOrganization(db.pool, 'transient');
    const dataDir = await tempDir('rowgate-faults-');
    const child = runNode(['test/worker/fixtures/run-worker.ts'], { WORKER_URL: workerUrlFor(db), DATA_DIR: dataDir, WORKER_CONCURRENCY: '2' });
    await child.waitFor(/fixture worker running/);
    await drain(db.pool);

    const { taskIds, release } = await insertTasksBlockedAt(db.pool, org.id, 20, 5);
    const pid = await waitForBlockedJob(db.pool);
    // Another change is committed while the job runs.
    const [late] = await insertTasks(db.pool, org.id, 1);
    // The job's connection is cut (a failover, an idle-session killer): the job fails, once.
    await db.pool.query('select pg_terminate_backend($1)', [pid]);
    await release();
    await sleep(1_000);

    expect.soft(child.running, `the worker process died: ${child.running ? '' : JSON.stringify(await child.exited)}\n${child.stderr().slice(-1500)}`).toBe(true);
    if (!child.running) {
      const again = runNode(['test/worker/fixtures/run-worker.ts'], { WORKER_URL: workerUrlFor(db), DATA_DIR: dataDir, WORKER_CONCURRENCY: '2' });
      await again.waitFor(/fixture worker running/);
    }
    // graphile-worker retries a failed job after about e^attempts seconds.
    await waitForAuditedTasks(db.pool, org.id, 21, 60_000, 'every change once the failed job is retried');
    await drain(db.pool);
    await expectExactlyOnce(db.pool, org, [...taskIds, late]);
  }, LONG);
});

describe('a runner that cannot record a finished job', () => {
  // graphile-worker then shuts its pool down gracefully: its pool takes no more jobs, and the shutdown
  // waits for the jobs still running. With one of them stuck (here: on a lock), the shutdown never ends,
  // while the process lives on, and its lease used to be renewed all the same.
  test("while another of its jobs hangs, is replaced: later jobs are done, each change audited once, the process never stops", async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    const [hung, other] = [await seedOrganization(db.pool, 'stuck-runner-hung'), await seedOrganization(db.pool, 'stuck-runner-other')];
    const dataDir = await tempDir('rowgate-faults-');
    const child = runNode(['test/worker/fixtures/run-worker.ts'], { WORKER_URL: workerUrlFor(db), DATA_DIR: dataDir, WORKER_CONCURRENCY: '2' });
    await child.waitFor(/fixture worker running/);
    await drain(db.pool);

    // One job hangs on a lock; then completing another fails (as when no connection can be had).
    const { taskIds: held, release } = await insertTasksBlockedAt(db.pool, hung.id, 10, 5);
    await waitForBlockedJob(db.pool);
    await db.pool.query('revoke delete on graphile_worker._private_jobs from rowgate_worker');
    const first = await insertTasks(db.pool, other.id, 5);
    await waitFor(async () => /Failed to complete jobs/.test(child.stdout()), 30_000, 'the completion to fail');
    await db.pool.query('grant delete on graphile_worker._private_jobs to rowgate_worker');
    // The shutdown waits for the hung job: after SHUTDOWN_GRACE_MS and a heartbeat the runner is replaced,
    // and the new one does the other organization's jobs, the held one included, while the lock stays.
    const later = await insertTasks(db.pool, other.id, 5);
    await waitForAuditedTasks(db.pool, other.id, 10, 60_000, `the other organization's changes after the runner was replaced; worker output:\n${child.stdout().slice(-1500)}`);
    expect(child.stdout()).toMatch(/stopped making progress[^\n]*replacing it/);
    await release();
    await waitForAuditedTasks(db.pool, hung.id, 10, 60_000, 'the hung organization once its lock is gone');
    await drain(db.pool);
    await expectExactlyOnce(db.pool, other, [...first, ...later]);
    await expectExactlyOnce(db.pool, hung, held);
    expect(child.running).toBe(true);
  }, LONG);
});

describe('a change committed while its organization’s job is being taken', () => {
  test('is not lost: it gets its audit row once the worker is done', async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    const org = await seedOrganization(db.pool, 'taking');
    const [first] = await insertTasks(db.pool, org.id, 1);

    // A worker takes the pending job (as graphile-worker's get_job does: it sets locked_at/locked_by) in
    // a transaction that has not committed yet when the next change is made.
    const picker = await db.pool.connect();
    const writer = await db.pool.connect();
    try {
      await picker.query('begin');
      const taken = await picker.query(
        `update graphile_worker._private_jobs set locked_at = now(), locked_by = 'test-picker', attempts = attempts + 1 where locked_at is null returning id`,
      );
      expect(taken.rowCount).toBeGreaterThan(0);
      const { rows: pids } = await writer.query<{ pid: number }>('select pg_backend_pid() as pid');
      const late = insertTasks(writer as unknown as pg.Pool, org.id, 1);
      // The change either goes through at once or waits for the picker's row lock.
      await waitFor(
        async () => {
          const { rows } = await db.pool.query<{ state: string; wait_event_type: string | null }>(
            'select state, wait_event_type from pg_stat_activity where pid = $1',
            [pids[0].pid],
          );
          return rows[0]?.wait_event_type === 'Lock' || rows[0]?.state === 'idle';
        },
        10_000,
        'the late change to block or finish',
      );
      await picker.query('commit');
      const [lateId] = await late;

      // The worker that took the job finishes it (here: gives it back, and a real worker runs it).
      await db.pool.query(`update graphile_worker._private_jobs set locked_at = null, locked_by = null where locked_by = 'test-picker'`);
      const worker = await startTestWorker(db);
      cleanups.push(() => worker.stop());
      await drain(db.pool);
      await expectExactlyOnce(db.pool, org, [first, lateId]);
    } finally {
      await picker.query('rollback').catch(() => {});
      picker.release();
      writer.release();
    }
  }, LONG);
});

describe('PostgreSQL restarted while jobs are pending', () => {
  /** An embedded PostgreSQL of this test's own on a fixed port, which it can stop and start again. */
  async function restartableDatabase() {
    const dataDir = await tempDir('rowgate-restart-');
    const port = await freePort();
    const config = readDatabaseConfig({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port), EMBEDDED_PG_VERSION: process.env.EMBEDDED_PG_VERSION });
    const settings = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };
    let current: Database | undefined = await openDatabase(config, { mode: 'exclusive', embeddedSettings: settings });
    cleanups.push(async () => {
      await current?.close();
    });
    await applyMigrations(current);
    const workerUrl = current.workerUrl;
    const superUrl = withDatabase(current.adminUrl, current.databaseName);
    const pool = new pg.Pool({ connectionString: superUrl, max: 3 });
    pool.on('error', () => {}); // idle connections die with the restart
    cleanups.push(() => pool.end());
    return {
      dataDir,
      pool,
      workerUrl,
      superUrl,
      async stop() {
        await current!.close();
        current = undefined;
      },
      async start() {
        current = await openDatabase(config, { mode: 'exclusive', embeddedSettings: settings });
      },
    };
  }

  test(
    'an idle worker reconnects and delivers the changes that were pending across the restart, exactly once',
    async () => {
      const db = await restartableDatabase();
      const logs: string[] = [];
      const worker: RunningWorker = await startWorker(readWorkerConfig({ DATA_DIR: db.dataDir, WORKER_CONCURRENCY: '2' }), db.workerUrl, {
        log: (level, message) => logs.push(`${level}: ${message}`),
      });
      cleanups.push(() => worker.stop());
      const outcomes: string[] = [];
      worker.onJob((task, outcome) => outcomes.push(`${task}:${outcome}`));
      const org = await seedOrganization(db.pool, 'restart-idle');
      await drain(db.pool);

      // 100 changes committed and pending, none in flight: their jobs become due a few seconds later.
      const client = await db.pool.connect();
      let taskIds: string[];
      try {
        await client.query('begin');
        taskIds = await insertTasks(client, org.id, 100);
        await client.query(`update graphile_worker._private_jobs set run_at = now() + interval '4 seconds' where locked_at is null`);
        await client.query('commit');
      } finally {
        client.release();
      }
      await db.stop();
      await sleep(1_500); // the worker meets the dead database a few times
      await db.start();

      await waitForAuditedTasks(db.pool, org.id, 100, 60_000, `all rows after the restart; worker log:\n${logs.slice(-10).join('\n')}`);
      await drain(db.pool);
      await expectExactlyOnce(db.pool, org, taskIds);
      expect(outcomes.filter((outcome) => !outcome.endsWith(':ok'))).toEqual([]);
      expect((await worker.queue()).permanentlyFailed).toBe(0);
    },
    LONG,
  );

  test(
    'npm run start:worker with a job in flight survives the restart, and every pending row arrives exactly once',
    async () => {
      const db = await restartableDatabase();
      const org = await seedOrganization(db.pool, 'restart-busy');
      const child = runNode(['worker/main.ts'], { DATABASE_URL: db.superUrl, DATA_DIR: db.dataDir, WORKER_CONCURRENCY: '2' });
      await child.waitFor(/worker running/);
      await drain(db.pool);

      const { taskIds, release } = await insertTasksBlockedAt(db.pool, org.id, 100, 10);
      await waitForBlockedJob(db.pool);
      // PostgreSQL stops while the worker is inside a job (its 10th write waiting on the blocker).
      await db.stop();
      await release();
      await sleep(1_500);
      await db.start();
      await sleep(1_000);

      expect
        .soft(child.running, `the worker process died with the restart: ${JSON.stringify(child.running ? null : await child.exited)}\n${child.stderr().slice(-1500)}`)
        .toBe(true);
      if (!child.running) {
        // Not survivable: as the operator's supervisor would, start it again.
        const again = runNode(['worker/main.ts'], { DATABASE_URL: db.superUrl, DATA_DIR: db.dataDir, WORKER_CONCURRENCY: '2' });
        await again.waitFor(/worker running/);
      }
      await waitForAuditedTasks(db.pool, org.id, 100, 30_000, 'all rows after the restart');
      await drain(db.pool);
      await expectExactlyOnce(db.pool, org, taskIds);
    },
    LONG,
  );
});

describe('a job that always fails', () => {
  test('ends permanently failed, is counted in /metrics, and the other jobs keep flowing', async () => {
    const server = await startTestServer({}, { worker: true });
    cleanups.push(() => server.close());
    const ann = await register(server, 'Ann');
    const org = await gql(server, CreateOrganizationDocument, { name: 'Faults', slug: 'faults-poison' }, { token: ann.accessToken });
    const orgId = org.data!.createOrganization!.organization!.rowId;

    // Two poison jobs, one of them in a named queue (which runs its jobs one at a time).
    const { rows: poison } = await server.db.pool.query<{ id: string }>(
      `select id from graphile_worker.add_job('audit', payload := '{"organizationId":"not-a-uuid"}'::json, max_attempts := 1)
       union all
       select id from graphile_worker.add_job('audit', payload := '{"organizationId":"not-a-uuid"}'::json, max_attempts := 1, queue_name := $1)`,
      [`audit:${orgId}`],
    );
    const poisonIds = poison.map((r) => r.id).sort();
    // Everything else (the organization's own changes) is done; only the poison jobs stay, failed.
    const failed = await waitFor(
      async () => {
        const { rows } = await server.db.pool.query('select id, attempts, max_attempts, locked_at, last_error from graphile_worker.jobs order by id');
        return rows.length === 2 && rows.every((row) => row.attempts >= row.max_attempts && row.locked_at === null) ? rows : undefined;
      },
      30_000,
      'only the two poison jobs left, both failed',
    );
    expect(failed.map((job) => job.id).sort()).toEqual(poisonIds);
    for (const job of failed) {
      expect(job).toMatchObject({ attempts: 1, max_attempts: 1, last_error: expect.any(String) });
    }

    const metrics = await waitFor(
      async () => {
        const text = (await http(server, 'GET', '/metrics')).body as string;
        const failedCount = Number(/^rowgate_worker_jobs_total\{task="audit",outcome="failed"\} (\S+)$/m.exec(text)?.[1] ?? 0);
        return failedCount >= 2 ? text : undefined;
      },
      10_000,
      'rowgate_worker_jobs_total{task="audit",outcome="failed"} to count both',
    );
    expect(Number(/^rowgate_worker_jobs_permanently_failed (\S+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(2);
    expect(metrics).toMatch(/^rowgate_worker_jobs_total\{task="audit",outcome="ok"\} [1-9]/m);
    expect((await server.worker!.worker.queue()).permanentlyFailed).toBe(2);

    // A change committed afterwards, in the same organization, is audited within the contract's 2 seconds.
    const task = await gql(server, CreateTaskDocument, { task: { title: 'After the poison' } }, { token: ann.accessToken, organizationId: orgId });
    expect(task.errors).toBeUndefined();
    const taskId = task.data!.createTask!.task!.rowId;
    const row = await waitFor(
      async () => (await server.db.pool.query(`select action from app_public.audit_logs where resource_id = $1`, [taskId])).rows[0],
      2000,
      'audit row of the task created after the poison jobs',
    );
    expect(row).toEqual({ action: 'task.created' });
    // The poison jobs stay for an operator to look at; nothing else is stuck.
    await waitFor(
      async () => (await server.db.pool.query<{ id: string }>('select id from graphile_worker.jobs')).rows.map((r) => r.id).sort().join() === poisonIds.join(),
      10_000,
      'only the poison jobs left in the queue',
    );
  }, LONG);
});

describe('a change whose audit cannot be recorded as it is', () => {
  test('with request metadata that cannot be stored (a forged client address), it is recorded without it: nothing set aside', async () => {
    const server = await startTestServer({}, { worker: true });
    cleanups.push(() => server.close());
    const ann = await register(server, 'Ann');
    const org = await gql(server, CreateOrganizationDocument, { name: 'Forged', slug: 'faults-forged-address' }, { token: ann.accessToken });
    const orgId = org.data!.createOrganization!.organization!.rowId;
    // The client address is a setting the server fills in; one that is no address once made ::inet fail
    // every time, and the change was set aside, out of the log.
    const client = await server.db.pool.connect();
    let forged: string;
    try {
      await client.query('begin');
      await client.query(`select set_config('app.client_ip', 'not-an-address', true), set_config('app.request_id', 'forged', true)`);
      [forged] = await insertTasks(client, orgId, 1);
      await client.query('commit');
    } finally {
      client.release();
    }
    const row = await waitFor(
      async () => (await server.db.pool.query(`select action, ip, request_id from app_public.audit_logs where resource_id = $1`, [forged])).rows[0],
      10_000,
      'the change audited',
    );
    expect(row).toEqual({ action: 'task.created', ip: null, request_id: null });
    const { rows } = await server.db.pool.query('select count(*)::int as n from app_worker.audit_outbox where organization_id = $1', [orgId]);
    expect(rows).toEqual([{ n: 0 }]);
    const chain = await gql(server, AuditVerifyChainDocument, {}, { token: ann.accessToken, organizationId: orgId });
    expect(chain.data?.verifyAuditChain).toMatchObject({ ok: true, brokenSeq: null, setAside: 0 });
  }, LONG);

  test("one that can never be recorded is set aside on its own, later changes are still audited within 2 s, and verifyAuditChain says the log is not whole", async () => {
    const server = await startTestServer({}, { worker: true });
    cleanups.push(() => server.close());
    const ann = await register(server, 'Ann');
    const org = await gql(server, CreateOrganizationDocument, { name: 'Poisoned', slug: 'faults-poison-event' }, { token: ann.accessToken });
    const orgId = org.data!.createOrganization!.organization!.rowId;
    await waitFor(async () => (await pendingJobs(server.db.pool)) === 0, 30_000, 'the organization’s audit jobs');

    // An event nothing can record, its resource id no UUID (written by hand: the trigger never would).
    await server.db.pool.query(
      `insert into app_worker.audit_outbox (organization_id, event)
         values ($1::uuid, jsonb_build_object('eventKey', gen_random_uuid(), 'resourceType', 'task', 'operation', 'insert',
           'resourceId', 'poisoned', 'organizationId', $1::uuid, 'changes', '{}'::jsonb, 'occurredAt', now()))`,
      [orgId],
    );
    await server.db.pool.query(`select graphile_worker.add_job(identifier := 'audit', payload := json_build_object('organizationId', $1::uuid))`, [orgId]);
    // It is set aside in the outbox with its error; the job that met it succeeds.
    const setAside = await waitFor(
      async () => (await server.db.pool.query(`select last_error from app_worker.audit_outbox where failed_at is not null and event ->> 'resourceId' = 'poisoned'`)).rows[0],
      10_000,
      'the poisoned change set aside',
    );
    expect(setAside.last_error).toMatch(/^22P02: invalid input syntax for type uuid/);

    const task = await gql(server, CreateTaskDocument, { task: { title: 'After the poisoned change' } }, { token: ann.accessToken, organizationId: orgId });
    expect(task.errors).toBeUndefined();
    const taskId = task.data!.createTask!.task!.rowId;
    await waitFor(
      async () => (await server.db.pool.query(`select 1 from app_public.audit_logs where resource_id = $1`, [taskId])).rows[0],
      2000,
      'audit row of the change made after the poisoned one',
    );
    await waitFor(async () => (await pendingJobs(server.db.pool)) === 0, 10_000, 'no job left, none failed');
    expect((await server.worker!.worker.queue()).permanentlyFailed).toBe(0);
    const metrics = (await http(server, 'GET', '/metrics')).body as string;
    expect(metrics).toMatch(/^rowgate_audit_events_set_aside 1$/m);
    // The chain itself is intact, but the log is not whole: verifyAuditChain says so.
    const chain = await gql(server, AuditVerifyChainDocument, {}, { token: ann.accessToken, organizationId: orgId });
    expect(chain.data?.verifyAuditChain).toMatchObject({ ok: false, brokenSeq: null, setAside: 1 });
  }, LONG);
});

describe("one organization's burst", () => {
  test('20 tasks created through GraphQL at once: each gets exactly one audit row, all within 2 s of the last commit', async () => {
    const server = await startTestServer({}, { worker: true });
    cleanups.push(() => server.close());
    const ann = await register(server, 'Ann');
    const org = await gql(server, CreateOrganizationDocument, { name: 'Burst', slug: 'faults-burst' }, { token: ann.accessToken });
    const orgId = org.data!.createOrganization!.organization!.rowId;
    // Start from an idle queue: the organization's own changes are audited.
    await waitFor(async () => (await pendingJobs(server.db.pool)) === 0, 30_000, 'the organization’s audit jobs');

    // As a client importing tasks sends them: 20 requests at once.
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gql(server, CreateTaskDocument, { task: { title: `Burst ${i}` } }, { token: ann.accessToken, organizationId: orgId }),
      ),
    );
    const lastCommit = Date.now();
    for (const task of created) expect(task.errors).toBeUndefined();
    const ids = created.map((task) => task.data!.createTask!.task!.rowId);
    const count = async () =>
      (await server.db.pool.query<{ n: number }>('select count(*)::int as n from app_public.audit_logs where resource_id = any($1)', [ids])).rows[0].n;
    const inTime = await waitFor(async () => (await count()) === 20, 2000, 'all 20 audit rows within 2 s of the last commit').then(
      () => true,
      () => false,
    );
    const writtenInTime = await count();
    // Late or lost? Once no job is left, each change must have exactly one row.
    await waitFor(async () => (await pendingJobs(server.db.pool)) === 0, 60_000, 'the queue to drain');
    const { rows } = await server.db.pool.query<{ id: string; n: number }>(
      `select t.id, (select count(*)::int from app_public.audit_logs a where a.resource_id = t.id and a.action = 'task.created') as n
       from unnest($1::uuid[]) as t(id)`,
      [ids],
    );
    const notOnce = rows.filter((row) => row.n !== 1);
    expect.soft(inTime, `${writtenInTime} of 20 rows 2 s after the last commit (${Date.now() - lastCommit} ms ago now)`).toBe(true);
    expect(notOnce, `changes without exactly one audit row, with no job left to write them (${notOnce.length} of 20)`).toEqual([]);
  }, LONG);
});

describe('several start:worker processes on one backlog', () => {
  test('two processes drain eight organizations side by side: every change once, each chain in the order its changes were made', async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    const orgs = await Promise.all(Array.from({ length: 8 }, (_, i) => seedOrganization(db.pool, `backlog-${i}`)));
    const env = { DATABASE_URL: db.url, WORKER_CONCURRENCY: '2' };
    for (const name of ['first', 'second']) {
      const worker = runNode(['worker/main.ts'], { ...env, DATA_DIR: await tempDir(`rowgate-${name}-`) });
      await worker.waitFor(/worker running/);
    }
    // 60 changes in each organization, interleaved, numbered in the order they are made, in one commit.
    const { rows } = await db.pool.query<{ id: string; organization_id: string }>(
      `insert into app_public.tasks (organization_id, title)
       select o.id, 'Task ' || g from generate_series(1, 60) g cross join unnest($1::uuid[]) with ordinality o(id, k) order by g, o.k
       returning id, organization_id`,
      [orgs.map((org) => org.id)],
    );
    await drain(db.pool);
    for (const org of orgs) {
      await expectExactlyOnce(db.pool, org, rows.filter((row) => row.organization_id === org.id).map((row) => row.id));
      const { rows: chain } = await db.pool.query<{ title: string }>(
        `select details ->> 'title' as title from app_public.audit_logs where organization_id = $1 and action = 'task.created' order by seq`,
        [org.id],
      );
      expect(chain.map((entry) => entry.title)).toEqual(Array.from({ length: 60 }, (_, i) => `Task ${i + 1}`));
    }
  }, LONG);
});

describe('npm run start:worker', () => {
  test(
    'SIGTERM while a job runs: the job finishes, the process exits 0, nothing stays locked; the rest is done once later',
    async () => {
      const db = await createTestDatabase();
      cleanups.push(() => db.drop());
      const org = await seedOrganization(db.pool, 'sigterm');
      const dataDir = await tempDir('rowgate-start-worker-');
      const { taskIds, release } = await insertTasksBlockedAt(db.pool, org.id, 30, 10);

      // Only host, port and database of DATABASE_URL are used; it logs in as rowgate_worker.
      const child = runNode(['worker/main.ts'], { DATABASE_URL: db.url, DATA_DIR: dataDir, WORKER_CONCURRENCY: '2' });
      await child.waitFor(/worker running/);
      await waitForBlockedJob(db.pool);
      const writtenBefore = (await db.pool.query<{ n: number }>('select count(*)::int as n from app_public.audit_logs where organization_id = $1', [org.id])).rows[0].n;
      child.process.kill('SIGTERM');
      await sleep(300); // the signal is handled while the job still waits
      expect(child.running, 'a graceful stop waits for the running job').toBe(true);
      await release();
      expect(await child.exited, child.stderr()).toEqual({ code: 0, signal: null });
      expect(isRunning(child.process.pid!)).toBe(false);

      // The running job finished: the write it was waiting on is there.
      const writtenAfter = (await db.pool.query<{ n: number }>('select count(*)::int as n from app_public.audit_logs where organization_id = $1', [org.id])).rows[0].n;
      expect(writtenAfter).toBeGreaterThan(writtenBefore);
      expect(
        (await db.pool.query('select count(*)::int as n from app_public.audit_logs where resource_id = $1', [taskIds[9]])).rows[0].n,
      ).toBe(1);
      // ... and was recorded as done: nothing is left locked by a worker that is gone (graphile-worker
      // would keep such a job, and the organization's whole queue, locked for 4 hours).
      const locked = await lockedJobs(db.pool);
      expect.soft(locked, `left locked after a graceful stop; worker output:\n${child.stdout().split('\n').slice(-4).join('\n')}`).toEqual([]);
      if (locked.length > 0) {
        // What an operator would have to do, so that the rest of the test can check nothing was lost.
        const utils = await makeWorkerUtils({ connectionString: workerUrlFor(db) });
        await utils.forceUnlockWorkers([...new Set(locked.map((r) => r.locked_by))]).finally(() => utils.release());
      }

      const worker = await startTestWorker(db);
      cleanups.push(() => worker.stop());
      await drain(db.pool);
      await expectExactlyOnce(db.pool, org, taskIds);
    },
    LONG,
  );

  test('WORKER_CONCURRENCY and WORKER_LEASE_SECONDS out of range are refused, naming the variable', () => {
    expect(readWorkerConfig({}).leaseSeconds).toBe(20);
    expect(readWorkerConfig({ WORKER_LEASE_SECONDS: '6' }).leaseSeconds).toBe(6);
    expect(() => readWorkerConfig({ WORKER_LEASE_SECONDS: '1' })).toThrow('WORKER_LEASE_SECONDS: must be >= 2, got "1"');
    expect(() => readWorkerConfig({ WORKER_LEASE_SECONDS: '601' })).toThrow('WORKER_LEASE_SECONDS: must be <= 600, got "601"');
    for (const value of ['2.5', 'soon']) expect(() => readWorkerConfig({ WORKER_LEASE_SECONDS: value })).toThrow(`WORKER_LEASE_SECONDS: must be a whole number, got "${value}"`);
    expect(() => readWorkerConfig({ WORKER_CONCURRENCY: '0' })).toThrow('WORKER_CONCURRENCY: must be >= 1, got "0"');
  });

  test('without DATABASE_URL it exits non-zero, naming the variable', async () => {
    const dataDir = await tempDir('rowgate-start-worker-');
    const child = runNode(['worker/main.ts'], { DATABASE_URL: undefined, DATA_DIR: dataDir });
    const { code } = await child.exited;
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(child.stderr()).toContain('DATABASE_URL');
    expect(child.stdout()).not.toContain('worker running');
  });
});
