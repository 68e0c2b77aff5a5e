// PostgreSQL restarting under load (API.md §8): the production layout (`start:server` and `start:worker`
// against a PostgreSQL of this test's own) while a writer, a reader and a subscriber work, PostgreSQL
// stopped fast and killed with SIGKILL several times in a row. The server never exits; while PostgreSQL
// is down every answer is a 503 DATABASE_UNAVAILABLE with Retry-After (never a 500, never a 401 that would
// sign a console user out); subscribers are closed 1012 and may reconnect at once; no acknowledged write
// is lost, and every change has its audit row exactly once. Then `npm start`, whose embedded PostgreSQL is
// killed: it is started again by the watchdog, and given up on (exit 1) when it keeps dying.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, test } from 'vitest';
import * as D from '../generated/graphql.ts';
import { withDatabase } from '../../db/bootstrap.ts';
import { readDatabaseConfig } from '../../db/config.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import { clusterDirOf } from '../../db/embedded.ts';
import { freePort } from '../../db/ports.ts';
import { applyMigrations, releaseMigrationPools } from '../../db/migrate.ts';
import { logEntries, spawnNode, type Child } from '../support/processes.ts';
import { subscriber, type Subscriber } from '../support/realtime.ts';
import { gql, http, register, type Session } from '../support/server.ts';
import { waitFor } from '../support/worker.ts';

const LONG = 240_000;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  releaseMigrationPools();
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  await fs.chmod(dir, 0o755); // reachable by the `postgres` OS user (we may be root)
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

function node(args: string[], env: Record<string, string>): Child {
  const child = spawnNode(args, { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env });
  cleanups.push(async () => {
    if (child.running) child.process.kill('SIGKILL');
    await child.exited;
  });
  return child;
}

/** The postmaster's pid, from the cluster's postmaster.pid. */
async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await fs.readFile(path.join(await clusterDirOf(dataDir), 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('start:server and start:worker while PostgreSQL restarts', () => {
  test('fast shutdowns and SIGKILLs under writes, reads and a subscription: never down, 503 meanwhile, nothing lost, audited once', async () => {
    const dataDir = await tempDir('rowgate-db-restart-');
    const port = await freePort();
    // Durable, as in production: what a commit acknowledged survives a killed postmaster.
    const config = readDatabaseConfig({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port), EMBEDDED_PG_VERSION: process.env.EMBEDDED_PG_VERSION });
    let database: Database | undefined = await openDatabase(config, { mode: 'exclusive' });
    cleanups.push(async () => database?.close());
    await applyMigrations(database);
    const superUrl = withDatabase(database.adminUrl, database.databaseName);
    const admin = new pg.Pool({ connectionString: superUrl, max: 2 });
    admin.on('error', () => {});
    cleanups.push(() => admin.end());

    const env = { DATABASE_URL: superUrl, DATA_DIR: dataDir };
    const server = node(['server/serve.ts'], { ...env, PORT: '0', RATE_LIMIT_GRAPHQL_PER_MINUTE: '100000', RATE_LIMIT_AUTH_PER_MINUTE: '10000' });
    const worker = node(['worker/main.ts'], { ...env, WORKER_CONCURRENCY: '2', METRICS_PORT: '0' });
    const url = (await server.waitFor(/GraphQL at (\S+)\/graphql/)).replace(/^.*GraphQL at (\S+)\/graphql.*$/s, '$1');
    const workerMonitoring = { url: (await worker.waitFor(/worker metrics at (\S+)\/metrics/)).replace(/^.*worker metrics at (\S+)\/metrics.*$/s, '$1') };
    await worker.waitFor(/worker running/);
    const workerHealth = async () => (await http(workerMonitoring, 'GET', '/healthz')).status;
    const target = { url };
    const ann: Session = await register(target, 'Ann');
    const created = await gql(target, D.CreateOrganizationDocument, { name: 'Restart', slug: 'db-restart' }, { token: ann.accessToken });
    const caller = { token: ann.accessToken, organizationId: created.data!.createOrganization!.organization!.rowId };

    // The load: a writer and a reader, one request after another, each answer classified.
    const acknowledged: string[] = [];
    const answers = new Map<string, number>();
    const count = (what: string) => answers.set(what, (answers.get(what) ?? 0) + 1);
    let loading = true;
    const classify = (status: number, body: { errors?: { extensions?: { code?: string } }[]; error?: { code?: string } }, retryAfter: string | null) => {
      const code = body?.error?.code ?? body?.errors?.[0]?.extensions?.code;
      if (status === 200 && !code) return count('ok');
      count(status === 503 && code === 'DATABASE_UNAVAILABLE' && retryAfter ? '503 DATABASE_UNAVAILABLE' : `${status} ${code}`);
    };
    const headers = { authorization: `Bearer ${caller.token}`, 'x-organization-id': caller.organizationId };
    let written = 0;
    const writer = (async () => {
      while (loading) {
        const title = `Restart write ${++written}`;
        const response = await http(target, 'POST', '/graphql', { body: { query: String(D.CreateTaskDocument), variables: { task: { title } } }, headers }).catch(() => undefined);
        if (!response) {
          count('no answer');
          continue;
        }
        classify(response.status, response.body, response.headers.get('retry-after'));
        if (response.status === 200 && response.body.data?.createTask?.task) acknowledged.push(response.body.data.createTask.task.rowId);
        if (response.status !== 200) await sleep(100);
      }
    })();
    const reader = (async () => {
      while (loading) {
        const response = await http(target, 'POST', '/graphql', { body: { query: String(D.TasksPageDocument), variables: { first: 5 } }, headers }).catch(() => undefined);
        if (!response) count('no answer');
        else classify(response.status, response.body, response.headers.get('retry-after'));
        await sleep(response?.status === 200 ? 20 : 100);
      }
    })();

    const closes: number[] = [];
    const subscribers: Subscriber[] = [];
    const subscribe = async () => {
      const s = await subscriber(url, caller.token, caller.organizationId);
      subscribers.push(s);
      void s.closed.then(({ code }) => closes.push(code));
      return s;
    };
    cleanups.push(() => Promise.all(subscribers.map((s) => s.dispose())));
    await subscribe();

    const restarts: ('fast' | 'kill')[] = ['fast', 'kill', 'fast', 'kill', 'kill', 'fast'];
    for (const [i, how] of restarts.entries()) {
      await sleep(1_000);
      if (how === 'kill') {
        process.kill(await postmasterPid(dataDir), 'SIGKILL');
        await database.close().catch(() => {}); // nothing to stop; the data folder's lock is released
      } else {
        await database.close();
      }
      database = undefined;
      await sleep(1_500);
      expect(server.running, `the server exited: ${server.stderr().slice(-1500)}`).toBe(true);
      expect((await http(target, 'GET', '/healthz')).status).toBe(200);
      const ready = await http(target, 'GET', '/readyz');
      expect(ready.status).toBe(503);
      // The worker says so too (the first time), at its next lease renewal (every 5 s): /healthz 503 and
      // rowgate_database_up 0; and 200 again once PostgreSQL answers (every time).
      if (i === 0) {
        await waitFor(async () => (await workerHealth()) === 503, 15_000, "the worker's health down");
        expect((await http<string>(workerMonitoring, 'GET', '/metrics')).body).toMatch(/^rowgate_database_up 0$/m);
        // The server's: its LISTEN connection is lost.
        expect((await http<string>(target, 'GET', '/metrics')).body).toMatch(/^rowgate_database_up 0$/m);
      }
      database = await openDatabase(config, { mode: 'exclusive' });
      // Served again within seconds, without a restart of anything but PostgreSQL; a subscriber reconnects.
      await waitFor(async () => (await http(target, 'GET', '/readyz')).status === 200, 30_000, 'ready again');
      await waitFor(async () => (await gql(target, D.CurrentUserDocument, {}, caller)).data?.currentUser?.rowId === ann.user.id, 30_000, 'served again');
      await waitFor(async () => (await subscribe()).close === undefined, 30_000, 'a subscription again');
      await waitFor(async () => (await workerHealth()) === 200, 30_000, "the worker's health back");
    }
    loading = false;
    await Promise.all([writer, reader]);

    expect(server.running).toBe(true);
    expect(worker.running).toBe(true);
    // Every request was answered, with a success or the documented 503: no 500, no 401, no raw error.
    expect([...answers.keys()].filter((what) => what !== 'ok' && what !== '503 DATABASE_UNAVAILABLE'), JSON.stringify([...answers])).toEqual([]);
    expect(answers.get('503 DATABASE_UNAVAILABLE') ?? 0).toBeGreaterThan(0);
    // Subscribers were told to come back (1012), never that they were refused or that it failed for good.
    expect(closes.filter((code) => code !== 1012 && code !== 1000), JSON.stringify(closes)).toEqual([]);
    expect(closes.filter((code) => code === 1012).length).toBeGreaterThanOrEqual(restarts.length - 1);

    // Nothing acknowledged was lost; every change was audited exactly once.
    const { rows: kept } = await admin.query<{ id: string }>('select id from app_public.tasks where id = any($1::uuid[])', [acknowledged]);
    expect(kept.length).toBe(acknowledged.length);
    const { rows: all } = await admin.query<{ id: string }>(`select id from app_public.tasks where title like 'Restart write %'`);
    // Caught up: nothing left in the outbox, no job due or running. A job that failed while PostgreSQL was
    // down may wait for its retry (graphile-worker backs off exponentially: a job that met four restarts
    // waits 55 s more); later writes' jobs drained its organization, so it has nothing left to do.
    const backlog = `select (select count(*) from app_worker.audit_outbox)::int as outbox,
      (select count(*) from graphile_worker.jobs where run_at <= now() or locked_at is not null)::int as due`;
    await waitFor(
      async () => {
        const { rows } = await admin.query<{ outbox: number; due: number }>(backlog);
        return rows[0].outbox === 0 && rows[0].due === 0;
      },
      60_000,
      'the audit log caught up',
    ).catch(async (error) => {
      const jobs = await admin.query(`select task_identifier, attempts, run_at - now() as due_in, locked_at, locked_by, left(last_error, 200) as last_error from graphile_worker.jobs`);
      const outbox = await admin.query(`select count(*)::int as n, count(failed_at)::int as set_aside from app_worker.audit_outbox`);
      throw new Error(`${(error as Error).message}\njobs: ${JSON.stringify(jobs.rows)}\noutbox: ${JSON.stringify(outbox.rows)}\nworker: ${worker.stdout().split("\n").filter((l) => !l.includes("Completed task") && !l.includes("with success")).join("\n").slice(-6000)}${worker.stderr().slice(-1000)}`);
    });
    const { rows: audited } = await admin.query<{ resource_id: string; n: number }>(
      `select resource_id, count(*)::int as n from app_public.audit_logs where action = 'task.created' and resource_id = any($1::uuid[]) group by resource_id`,
      [all.map((r) => r.id)],
    );
    expect(audited.length).toBe(all.length);
    expect(audited.filter((row) => row.n !== 1)).toEqual([]);
    const chain = await gql(target, D.AuditVerifyChainDocument, {}, caller);
    expect(chain.data?.verifyAuditChain).toMatchObject({ ok: true, setAside: 0 });
  }, LONG);
});

describe('npm start while its embedded PostgreSQL dies', () => {
  test('killed, it is started again by itself and the signed-in user goes on (never a 401); killed again and again, npm start gives up with exit 1', async () => {
    const dataDir = await tempDir('rowgate-watchdog-');
    const child = node(['server/main.ts'], { DATA_DIR: dataDir, EMBEDDED_PG_PORT: '0', PORT: '0' });
    const url = (await child.waitFor(/GraphQL at (\S+)\/graphql/)).replace(/^.*GraphQL at (\S+)\/graphql.*$/s, '$1');
    const target = { url };
    const ann = await register(target, 'Ann');
    const created = await gql(target, D.CreateOrganizationDocument, { name: 'Watched', slug: 'watched' }, { token: ann.accessToken });
    const caller = { token: ann.accessToken, organizationId: created.data!.createOrganization!.organization!.rowId };

    process.kill(await postmasterPid(dataDir), 'SIGKILL');
    await child.waitFor(/PostgreSQL is running again/);
    const after = await waitFor(
      async () => {
        const result = await gql(target, D.CreateTaskDocument, { task: { title: 'After the kill' } }, caller);
        expect(result.status, JSON.stringify(result)).not.toBe(401);
        return result.status === 200 ? result : undefined;
      },
      30_000,
      'a write after the restart',
    );
    expect(after.data?.createTask?.task?.rowId).toBeDefined();
    expect(child.running).toBe(true);

    // It keeps dying: after five deaths in ten minutes the sixth is given up on.
    const restarted = () => child.stdout().match(/PostgreSQL is running again/g)?.length ?? 0;
    for (let death = 2; death <= 6; death++) {
      process.kill(await postmasterPid(dataDir), 'SIGKILL');
      if (death < 6) await waitFor(async () => restarted() >= death, 30_000, `started again after death ${death}`);
    }
    expect(await child.exited).toEqual({ code: 1, signal: null });
    // Given up on, it says so as an error (stderr), as it said each of the five deaths before.
    const errors = logEntries(child.stderr()).filter((entry) => entry.level === 50).map((entry) => entry.msg);
    expect(errors).toContain('PostgreSQL died 6 times in 10 minutes; not starting it again; stopping');
    expect(errors.filter((msg) => msg === 'PostgreSQL stopped unexpectedly; starting it again')).toHaveLength(5);
  }, LONG);
});
