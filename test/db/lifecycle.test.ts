// The database lifecycle as an operator meets it: `npm start` (node server/main.ts) and the db:* tools run as
// real child processes against real embedded PostgreSQL servers, each in a data directory of its own.
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { calculateHash } from 'graphile-migrate/dist/hash.js';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { withDatabase } from '../../db/bootstrap.ts';
import { readDatabaseConfig } from '../../db/config.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import { freePort, startEmbedded, type EmbeddedServer } from '../../db/embedded.ts';
import { migrationSettings, PROJECT_ROOT, releaseMigrationPools, runMigrations } from '../../db/migrate.ts';
import { isRunning, refusesConnections, spawnNode, type Child } from '../support/processes.ts';

const COMMITTED_MIGRATIONS = path.join(PROJECT_ROOT, 'migrations', 'committed');
/** Servers started in-process use the same PostgreSQL major as the child processes (EMBEDDED_PG_VERSION). */
const EMBEDDED_PACKAGE = readDatabaseConfig({ EMBEDDED_PG_VERSION: process.env.EMBEDDED_PG_VERSION }).embeddedPackage;

// ---------------------------------------------------------------------------------------------------------
// Everything a test starts is registered here and torn down after it, whether it passed or not.

const children = new Set<Child>();
const dataDirs = new Set<string>();
const servers = new Set<{ stop(): Promise<void> }>();
const tcpServers = new Set<{ server: net.Server; sockets: Set<net.Socket> }>();

afterEach(async () => {
  for (const child of children) {
    if (child.running) child.process.kill('SIGKILL');
    await child.exited;
  }
  children.clear();
  for (const server of servers) await server.stop().catch(() => {});
  servers.clear();
  releaseMigrationPools();
  for (const { server, sockets } of tcpServers) {
    // Sockets nobody reads never notice the peer is gone; close() would wait for them forever.
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
  tcpServers.clear();
  for (const dir of dataDirs) {
    // A killed `npm start` leaves its PostgreSQL running (pg_ctl detaches it): stop it by its pid.
    await stopOrphan(dir);
    await fs.rm(dir, { recursive: true, force: true });
  }
  dataDirs.clear();
});

afterAll(() => releaseMigrationPools());

async function makeDataDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rowgate-lifecycle-'));
  // PostgreSQL runs as the `postgres` OS user when we are root; it must be able to reach DATA_DIR/pg.
  await fs.chmod(dir, 0o755);
  dataDirs.add(dir);
  return dir;
}

async function stopOrphan(dataDir: string): Promise<void> {
  const pid = await postmasterPid(dataDir);
  if (!pid || !isRunning(pid) || (await processName(pid)) !== 'postgres') return;
  process.kill(pid, 'SIGQUIT');
  for (let i = 0; i < 100 && isRunning(pid); i++) await sleep(100);
}

// ---------------------------------------------------------------------------------------------------------
// Child processes


interface RunEnv {
  DATA_DIR: string;
  DATABASE_URL?: string;
  NODE_ENV?: string;
}

function childEnv(env: RunEnv): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_PG_PORT: '0', PORT: '0', NODE_ENV: 'development', ...env };
  if (!env.DATABASE_URL) delete result.DATABASE_URL;
  return result;
}

/** `node <script> ...args` from the project root, tracked for cleanup. */
function runNode(args: string[], env: RunEnv): Child {
  const child = spawnNode(args, childEnv(env));
  children.add(child);
  return child;
}

/** Runs to completion. */
async function runToEnd(args: string[], env: RunEnv) {
  const child = runNode(args, env);
  const { code, signal } = await child.exited;
  return { code, signal, stdout: child.stdout(), stderr: child.stderr() };
}

/** `npm start` on dataDir, resolved once it reports the database ready. */
async function startRowgate(dataDir: string): Promise<{ child: Child; readyLine: string; pid: number; port: number }> {
  const child = runNode(['server/main.ts'], { DATA_DIR: dataDir });
  const readyLine = await child.waitFor(/database ready at/);
  const pid = (await postmasterPid(dataDir))!;
  const port = await postmasterPort(dataDir);
  return { child, readyLine, pid, port };
}

// ---------------------------------------------------------------------------------------------------------
// The embedded server as seen from outside: DATA_DIR/superuser-password and DATA_DIR/pg/postmaster.pid

async function readPostmasterPid(dataDir: string): Promise<string[] | undefined> {
  const text = await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').catch(() => undefined);
  return text?.split('\n');
}

async function postmasterPid(dataDir: string): Promise<number | undefined> {
  const lines = await readPostmasterPid(dataDir);
  return lines ? Number(lines[0]) || undefined : undefined;
}

async function postmasterPort(dataDir: string): Promise<number> {
  const lines = await readPostmasterPid(dataDir);
  if (!lines) throw new Error(`no postmaster.pid in ${dataDir}`);
  return Number(lines[3]);
}

async function superuserUrl(dataDir: string, database = 'rowgate'): Promise<string> {
  const password = (await fs.readFile(path.join(dataDir, 'superuser-password'), 'utf8')).trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${await postmasterPort(dataDir)}/${database}`;
}

async function query<R extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function processName(pid: number): Promise<string> {
  return (await fs.readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')).trim();
}

/** PostgreSQL that was running as `pid` on `port` for `dataDir` is gone entirely. */
async function expectServerGone(dataDir: string, pid: number, port: number) {
  expect(await readPostmasterPid(dataDir)).toBeUndefined();
  expect(isRunning(pid)).toBe(false);
  expect(await refusesConnections(port)).toBe(true);
}

async function deadPid(): Promise<number> {
  const child = spawnNode(['-e', ''], process.env);
  await child.exited;
  return child.process.pid!;
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------------------------

describe('npm start', () => {
  test.each(['SIGINT', 'SIGTERM'] as const)('reports the database ready, stops it on %s with exit 0, and keeps data across restarts', async (signal) => {
    const dataDir = await makeDataDir();

    const first = await startRowgate(dataDir);
    expect(first.readyLine).toMatch(/database ready at postgres:\/\/\S+@127\.0\.0\.1:\d+\/rowgate/);
    expect(first.readyLine).toContain(`:${first.port}/`);
    expect(first.readyLine).not.toContain((await fs.readFile(path.join(dataDir, 'superuser-password'), 'utf8')).trim());
    await query(await superuserUrl(dataDir), `insert into app_public.users (email, name) values ('kept@lifecycle.test', 'Kept')`);

    first.child.process.kill(signal);
    expect(await first.child.exited).toEqual({ code: 0, signal: null });
    await expectServerGone(dataDir, first.pid, first.port);

    const second = await startRowgate(dataDir);
    const rows = await query<{ name: string }>(await superuserUrl(dataDir), `select name from app_public.users where email = 'kept@lifecycle.test'`);
    expect(rows).toEqual([{ name: 'Kept' }]);

    second.child.process.kill(signal);
    expect(await second.child.exited).toEqual({ code: 0, signal: null });
    await expectServerGone(dataDir, second.pid, second.port);
  });

  test('refuses a second start on a DATA_DIR in use, naming it and the process, and the first keeps running', async () => {
    const dataDir = await makeDataDir();
    const first = await startRowgate(dataDir);

    const second = await runToEnd(['server/main.ts'], { DATA_DIR: dataDir });
    expect(second.code).not.toBe(0);
    expect(second.code).not.toBeNull();
    expect(second.stderr).toContain(dataDir);
    expect(second.stderr).toContain(`process ${first.child.process.pid}`);
    expect(second.stdout).not.toContain('database ready');

    expect(first.child.running).toBe(true);
    expect(await postmasterPid(dataDir)).toBe(first.pid);
    expect(await query(await superuserUrl(dataDir), 'select 1 as ok')).toEqual([{ ok: 1 }]);

    first.child.process.kill('SIGINT');
    expect(await first.child.exited).toEqual({ code: 0, signal: null });
    await expectServerGone(dataDir, first.pid, first.port);
  });

  test('recovers from a killed run: stops the orphaned PostgreSQL, ignores a postmaster.pid naming a dead process, keeps the data', async () => {
    const dataDir = await makeDataDir();
    const crashed = await startRowgate(dataDir);
    await query(await superuserUrl(dataDir), `insert into app_public.users (email, name) values ('survivor@lifecycle.test', 'Survivor')`);

    crashed.child.process.kill('SIGKILL');
    expect((await crashed.child.exited).signal).toBe('SIGKILL');
    // pg_ctl detached PostgreSQL, so it outlives its rowgate process.
    expect(isRunning(crashed.pid)).toBe(true);

    const recovered = await startRowgate(dataDir);
    expect(isRunning(crashed.pid)).toBe(false);
    expect(recovered.pid).not.toBe(crashed.pid);
    const url = await superuserUrl(dataDir);
    expect(await query(url, `select name from app_public.users where email = 'survivor@lifecycle.test'`)).toEqual([{ name: 'Survivor' }]);
    recovered.child.process.kill('SIGINT');
    expect(await recovered.child.exited).toEqual({ code: 0, signal: null });
    await expectServerGone(dataDir, recovered.pid, recovered.port);

    // A postmaster.pid left behind by a PostgreSQL that died without cleaning up.
    const dead = await deadPid();
    const pgdata = path.join(dataDir, 'pg');
    await fs.writeFile(
      path.join(pgdata, 'postmaster.pid'),
      [dead, pgdata, Math.floor(Date.now() / 1000), recovered.port, '', '127.0.0.1', '  1234567  7', 'ready   ', ''].join('\n'),
      { mode: 0o600 },
    );
    const afterStale = await startRowgate(dataDir);
    expect(afterStale.pid).not.toBe(dead);
    expect(await query(await superuserUrl(dataDir), `select name from app_public.users where email = 'survivor@lifecycle.test'`)).toEqual([
      { name: 'Survivor' },
    ]);
    afterStale.child.process.kill('SIGTERM');
    expect(await afterStale.child.exited).toEqual({ code: 0, signal: null });
    await expectServerGone(dataDir, afterStale.pid, afterStale.port);
  });
});

describe('npm start with DATABASE_URL', () => {
  test('fails with host and port when nothing listens there', async () => {
    const dataDir = await makeDataDir();
    const port = await freePort();
    const result = await runToEnd(['server/main.ts'], { DATA_DIR: dataDir, DATABASE_URL: `postgres://postgres:secret-pw@127.0.0.1:${port}/rowgate` });
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toContain(`127.0.0.1:${port}`);
    expect(result.stderr).not.toContain('secret-pw');
    // An external server is used; DATA_DIR stays untouched.
    expect(await fs.readdir(dataDir)).toEqual([]);
  });

  test('fails within 10 seconds with host and port when the server accepts and never answers', async () => {
    const dataDir = await makeDataDir();
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    tcpServers.add({ server: silent, sockets });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;

    const startedAt = performance.now();
    const result = await runToEnd(['server/main.ts'], { DATA_DIR: dataDir, DATABASE_URL: `postgres://postgres:secret-pw@127.0.0.1:${port}/rowgate` });
    const elapsed = performance.now() - startedAt;
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toContain(`127.0.0.1:${port}`);
    expect(elapsed).toBeLessThan(10_000);
    expect(await fs.readdir(dataDir)).toEqual([]);
  });
});

describe('db:* against an external server (DATABASE_URL)', () => {
  test('migrate applies everything, status then reports all applied and current.sql empty', async () => {
    const serverDir = await makeDataDir();
    const server: EmbeddedServer = await startEmbedded({ dataDir: serverDir, port: 0, packageName: EMBEDDED_PACKAGE });
    servers.add(server);
    const unusedDataDir = await makeDataDir();

    // The admin URL names PostgreSQL's maintenance database: rowgate must not adopt (and lock down) that one.
    const refused = await runToEnd(['db/cli.ts', 'migrate'], { DATA_DIR: unusedDataDir, DATABASE_URL: server.adminUrl });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('"postgres"');
    expect(refused.stderr).toContain('DATABASE_URL');
    expect(await query(server.adminUrl, `select datacl from pg_database where datname = 'postgres'`)).toEqual([{ datacl: null }]);

    const databaseUrl = withDatabase(server.adminUrl, 'rowgate_external');
    const migrated = await runToEnd(['db/cli.ts', 'migrate'], { DATA_DIR: unusedDataDir, DATABASE_URL: databaseUrl });
    expect(migrated, migrated.stderr).toMatchObject({ code: 0 });
    const applied = await query<{ filename: string }>(databaseUrl, 'select filename from graphile_migrate.migrations order by filename');
    const committed = (await fs.readdir(COMMITTED_MIGRATIONS)).filter((f) => f.endsWith('.sql'));
    expect(applied.map((r) => r.filename)).toEqual(committed.map((f) => `${f.slice(0, 6)}.sql`).sort());
    // The production path (docker-compose runs `npm run migrate`, then the server): graphile-worker's schema
    // is there, so an audited write enqueues its job instead of failing.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query('begin');
      // One organization and the three system roles its trigger creates: four audited rows.
      await client.query(`insert into app_public.organizations (name, slug) values ('Migrated', 'migrated')`);
      const { rows } = await client.query(`select count(*)::int as jobs from graphile_worker.jobs where task_identifier = 'audit'`);
      expect(rows).toEqual([{ jobs: 4 }]);
    } finally {
      await client.query('rollback').catch(() => {});
      await client.end();
    }

    const status = await runToEnd(['db/cli.ts', 'status'], { DATA_DIR: unusedDataDir, DATABASE_URL: databaseUrl });
    expect(status, status.stderr).toMatchObject({ code: 0 });
    expect(status.stdout).toContain('All committed migrations are applied.');
    expect(status.stdout).toContain('migrations/current.sql is empty.');

    // Nothing was started on DATA_DIR.
    expect(await fs.readdir(unusedDataDir)).toEqual([]);
  });
});

describe('db:seed', () => {
  test('refuses NODE_ENV=production without touching anything', async () => {
    const parent = await makeDataDir();
    const dataDir = path.join(parent, 'data');
    const result = await runToEnd(['db/seed.ts'], { DATA_DIR: dataDir, NODE_ENV: 'production' });
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toContain('NODE_ENV=production');
    await expect(fs.access(dataDir)).rejects.toThrow();
  });

  test('is idempotent: a second run adds nothing, whether it starts PostgreSQL itself or attaches to a running one', async () => {
    const dataDir = await makeDataDir();
    const counts = async (url: string) =>
      (
        await query<{ organizations: number; users: number; tasks: number }>(
          url,
          `select (select count(*)::int from app_public.organizations) as organizations,
                  (select count(*)::int from app_public.users) as users,
                  (select count(*)::int from app_public.tasks) as tasks`,
        )
      )[0];

    // First run on a fresh DATA_DIR: starts the embedded server itself, and stops it again.
    const first = await runToEnd(['db/seed.ts'], { DATA_DIR: dataDir });
    expect(first, first.stderr).toMatchObject({ code: 0 });
    expect(await readPostmasterPid(dataDir)).toBeUndefined();

    // Second run while the server is up (as under `npm start`): attaches to it.
    const server = await startEmbedded({ dataDir, port: 0, packageName: EMBEDDED_PACKAGE });
    servers.add(server);
    const url = withDatabase(server.adminUrl, 'rowgate');
    const afterFirst = await counts(url);
    expect(afterFirst).toEqual({ organizations: 2, users: 6, tasks: 20 });

    const second = await runToEnd(['db/seed.ts'], { DATA_DIR: dataDir });
    expect(second, second.stderr).toMatchObject({ code: 0 });
    expect(second.stdout).toContain('acme exists');
    expect(await counts(url)).toEqual(afterFirst);
  });
});

describe('a failing migration', () => {
  test('is named and leaves the database as the previous migration left it', async () => {
    const dataDir = await makeDataDir();
    const db: Database = await openDatabase(readDatabaseConfig({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: '0', EMBEDDED_PG_VERSION: process.env.EMBEDDED_PG_VERSION }), { mode: 'exclusive' });
    servers.add({ stop: () => db.close() });

    // The project's committed migrations plus a correctly chained and hashed one that fails halfway.
    const migrationsFolder = path.join(dataDir, 'migrations');
    await fs.mkdir(path.join(migrationsFolder, 'committed'), { recursive: true });
    const committed = (await fs.readdir(COMMITTED_MIGRATIONS)).filter((f) => f.endsWith('.sql')).sort();
    for (const file of committed) await fs.copyFile(path.join(COMMITTED_MIGRATIONS, file), path.join(migrationsFolder, 'committed', file));
    const last = await fs.readFile(path.join(COMMITTED_MIGRATIONS, committed.at(-1)!), 'utf8');
    const previousHash = /^--! Hash: (\S+)$/m.exec(last)![1];
    const body = 'create table app_public.half_done(id int);\nselect 1/0;\n';
    const brokenNumber = String(committed.length + 1).padStart(6, '0');
    await fs.writeFile(
      path.join(migrationsFolder, 'committed', `${brokenNumber}-broken.sql`),
      `--! Previous: ${previousHash}\n--! Hash: ${calculateHash(body, previousHash)}\n--! Message: broken\n\n${body}`,
    );

    const settings = { ...(await migrationSettings(db)), migrationsFolder };
    const failure = await runMigrations(settings).then(
      () => undefined,
      (error: Error) => error,
    );

    expect(failure).toBeInstanceOf(Error);
    expect(failure!.message).toContain(`Migration ${brokenNumber}`);
    expect(failure!.message).toContain('division by zero');

    const url = withDatabase(db.adminUrl, db.databaseName);
    expect(await query(url, `select to_regclass('app_public.half_done') as half_done`)).toEqual([{ half_done: null }]);
    expect(await query(url, 'select count(*)::int as applied from graphile_migrate.migrations')).toEqual([{ applied: committed.length }]);
  });
});
