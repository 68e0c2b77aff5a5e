// An online base backup of the embedded PostgreSQL with the server's own low-level API: pg_backup_start on
// a session kept open, the cluster's files copied (each checksummed as it is written), pg_backup_stop,
// which waits until the WAL the copy needs is archived, and its backup_label written into the copy. The
// files may change while they are copied: replaying the WAL from the backup's start (PostgreSQL writes
// full pages meanwhile) makes the copy consistent, which is why continuous archiving is on.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { backupFolder, PARTIAL, writeManifest, type BackupManifest } from './backup-store.ts';
import { archiveCommand, walDirOf } from './wal-archive.ts';
import { exists } from './files.ts';

export interface BackupTarget {
  /** Superuser URL of the running embedded server. */
  adminUrl: string;
  clusterDir: string;
  backupDir: string;
}

/** What PostgreSQL's documentation says to leave out of a base backup, and our own server.log. */
const SKIPPED_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'current_logfiles', 'server.log', 'recovery.signal', 'standby.signal']);
/** Folders copied empty: recreated at start, or (pg_wal) filled from the archive. */
const EMPTIED_FOLDERS = new Set(['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']);
const COPIES_AT_ONCE = 8;
/** pg_backup_stop waits for the archiver; a failing archive_command would make it wait for ever. */
const ARCHIVE_WAIT = '10min';

export async function takeBackup(target: BackupTarget, signal?: AbortSignal): Promise<BackupManifest> {
  const client = new pg.Client({ connectionString: target.adminUrl, application_name: 'rowgate backup' });
  client.on('error', () => {});
  await client.connect();
  let folder: string | undefined;
  try {
    const server = await archivingServer(client, target.backupDir);
    const id = await freeId(target.backupDir);
    folder = backupFolder(target.backupDir, `${id}${PARTIAL}`);
    await fs.mkdir(path.join(folder, 'data'), { recursive: true, mode: 0o700 });
    const label = `rowgate ${id}`;
    const { rows: [start] } = await client.query<{ at: Date }>('select pg_backup_start($1, fast => true), clock_timestamp() as at', [label]);

    const files = await copyCluster(target.clusterDir, path.join(folder, 'data'), signal);
    // Kept with the backup: a cluster restored where DATA_DIR is lost still needs its superuser's password.
    files.push(await writeFile(folder, 'superuser-password', decodeURIComponent(new URL(target.adminUrl).password)));

    await client.query(`set statement_timeout = '${ARCHIVE_WAIT}'`);
    const { rows: [stop] } = await client.query<{ lsn: string; labelfile: string; spcmapfile: string; wal: string; at: Date }>(
      'select lsn::text, labelfile, spcmapfile, pg_walfile_name(lsn) as wal, clock_timestamp() as at from pg_backup_stop(wait_for_archive => true)',
    ).catch((error: Error) => {
      throw new Error(`the WAL this backup needs was not archived into ${walDirOf(target.backupDir)} (${error.message}); see the server's log`);
    });
    files.push(await writeFile(folder, 'data/backup_label', stop.labelfile));
    if (stop.spcmapfile) files.push(await writeFile(folder, 'data/tablespace_map', stop.spcmapfile));

    const manifest: BackupManifest = {
      id,
      label,
      postgresVersion: server.version,
      systemIdentifier: server.systemIdentifier,
      startedAt: start.at.toISOString(),
      completedAt: stop.at.toISOString(),
      timeline: Number(/START TIMELINE: (\d+)/.exec(stop.labelfile)![1]),
      startLsn: /START WAL LOCATION: (\S+)/.exec(stop.labelfile)![1],
      stopLsn: stop.lsn,
      startWal: /START WAL LOCATION: \S+ \(file (\w+)\)/.exec(stop.labelfile)![1],
      stopWal: stop.wal,
      walSegmentBytes: server.walSegmentBytes,
      bytes: files.reduce((sum, file) => sum + file.bytes, 0),
      files: files.sort((a, b) => a.path.localeCompare(b.path)),
    };
    await writeManifest(folder, manifest);
    await fs.rename(folder, backupFolder(target.backupDir, id));
    return manifest;
  } catch (error) {
    if (folder) await fs.rm(folder, { recursive: true, force: true });
    throw error;
  } finally {
    // A session that ends within a backup aborts it.
    await client.end().catch(() => {});
  }
}

/** The server's identity, once it is known to archive where this backup's WAL must be. */
async function archivingServer(client: pg.Client, backupDir: string) {
  const { rows: [server] } = await client.query<{ mode: string; command: string; version: string; systemIdentifier: string; walSegmentBytes: number }>(
    `select current_setting('archive_mode') as mode, current_setting('archive_command') as command, current_setting('server_version') as version,
            (select system_identifier::text from pg_control_system()) as "systemIdentifier",
            (select setting::integer from pg_settings where name = 'wal_segment_size') as "walSegmentBytes"`,
  );
  if (server.mode === 'off' || server.command !== archiveCommand(backupDir)) {
    throw new Error(
      `the running PostgreSQL does not archive its WAL into ${walDirOf(backupDir)}, so a backup there could not be restored: ` +
        'run db:backup with the BACKUP_DIR npm start runs with, or restart npm start',
    );
  }
  return server;
}

/** A sortable id from the time, e.g. 20250601T102030Z, made unique in the folder. */
async function freeId(backupDir: string): Promise<string> {
  const base = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    const taken = await Promise.all([id, `${id}${PARTIAL}`].map((name) => exists(path.join(backupDir, name))));
    if (!taken.includes(true)) return id;
  }
}

type CopiedFile = BackupManifest['files'][number];

/** Copies the cluster's files (pg_control last, as pg_basebackup does), a few at once. */
async function copyCluster(clusterDir: string, into: string, signal: AbortSignal | undefined): Promise<CopiedFile[]> {
  const paths = await clusterFiles(clusterDir, '', into);
  const control = path.join('global', 'pg_control');
  const queue = paths.filter((file) => file !== control);
  const copied: CopiedFile[] = [];
  const copyNext = async (): Promise<void> => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      signal?.throwIfAborted();
      const result = await copyFile(path.join(clusterDir, file), path.join(into, file));
      if (result) copied.push({ path: path.join('data', file), ...result });
    }
  };
  await Promise.all(Array.from({ length: COPIES_AT_ONCE }, copyNext));
  const result = await copyFile(path.join(clusterDir, control), path.join(into, control));
  copied.push({ path: path.join('data', control), ...result! });
  return copied;
}

/** The files to copy under `relative`; folders are created in the copy as they are found (empty ones too). */
async function clusterFiles(clusterDir: string, relative: string, into: string): Promise<string[]> {
  const entries = await fs.readdir(path.join(clusterDir, relative), { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []; // a database dropped meanwhile
    throw error;
  });
  const files: string[] = [];
  for (const entry of entries) {
    const name = path.join(relative, entry.name);
    if (entry.name.startsWith('pgsql_tmp') || entry.name === 'pg_internal.init') continue;
    if (entry.isSymbolicLink()) {
      throw new Error(`${name} in the cluster is a symbolic link (a tablespace or a moved pg_wal), which db:backup does not copy`);
    }
    if (entry.isDirectory()) {
      await fs.mkdir(path.join(into, name), { mode: 0o700 });
      if (!(relative === '' && EMPTIED_FOLDERS.has(entry.name))) files.push(...(await clusterFiles(clusterDir, name, into)));
    } else if (entry.isFile() && !(relative === '' && SKIPPED_FILES.has(entry.name))) {
      files.push(name);
    }
  }
  return files;
}

/** Copies and flushes one file, hashing what is written; undefined if it vanished (a dropped relation). */
async function copyFile(from: string, to: string): Promise<Omit<CopiedFile, 'path'> | undefined> {
  const hash = createHash('sha256');
  let bytes = 0;
  const out = await fs.open(to, 'wx', 0o600);
  try {
    for await (const chunk of createReadStream(from, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
      await out.write(chunk);
    }
    await out.sync();
  } catch (error) {
    await out.close();
    await fs.rm(to, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  await out.close();
  return { bytes, sha256: hash.digest('hex') };
}

async function writeFile(folder: string, relative: string, content: string): Promise<CopiedFile> {
  const file = await fs.open(path.join(folder, relative), 'wx', 0o600);
  try {
    await file.writeFile(content);
    await file.sync();
  } finally {
    await file.close();
  }
  return { path: relative, bytes: Buffer.byteLength(content), sha256: createHash('sha256').update(content).digest('hex') };
}
