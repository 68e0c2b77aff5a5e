// Point-in-time restore of the embedded PostgreSQL. With DATA_DIR's lock held (so `npm start` is not
// running), a backup is checked against its manifest and copied into a new cluster beside the current one;
// PostgreSQL replays the archived WAL into it (then the current cluster's WAL not yet archived, as the
// documentation's recovery procedure does) up to the chosen moment, or to the end, and starts a new
// timeline. The result is checked; only then is the current cluster moved aside, kept, and the new one
// put in its place. Whatever fails before the swap leaves the current cluster as it was.
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { backupFolder, listBackups, verifyBackup, type BackupManifest } from './backup-store.ts';
import { withDatabase } from './bootstrap.ts';
import type { DatabaseConfig } from './config.ts';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.ts';
import { backupDirOf, clearStaleServer, clusterDirOf, startCluster, type StandaloneCluster } from './embedded.ts';
import { postgresIds } from './postgres-user.ts';
import { archiveSettings, restoreCommand, walDirOf } from './wal-archive.ts';
import { exists } from './files.ts';

export interface RestoreOptions {
  /** The moment to restore to; unset: as late as the WAL goes. */
  to?: Date;
  /** Which backup to start from; unset: the newest that ends before `to`. */
  backupId?: string;
  report?: (message: string) => void;
}

export interface RestoreResult {
  backup: string;
  /** Where the cluster that was replaced is kept. */
  keptAside: string | undefined;
  /** The last transaction the restored cluster holds, as PostgreSQL recorded its commit. */
  lastCommit: Date | undefined;
}

export const EXTERNAL_SERVER =
  'DATABASE_URL is set: rowgate backs up and restores only its embedded PostgreSQL. Back up your own server with ' +
  'pgBackRest or your provider\'s snapshots; README, "Backups of your own PostgreSQL server", says what rowgate needs of them.';

const RECOVERY_WAIT_MS = 60 * 60_000;

export async function restoreBackup(config: DatabaseConfig, options: RestoreOptions = {}): Promise<RestoreResult> {
  if (config.adminUrl) throw new Error(EXTERNAL_SERVER);
  const report = options.report ?? (() => {});
  const dataDir = path.resolve(config.dataDir);
  // A DATA_DIR lost with its disk is made again; the backup brings the cluster and its password back.
  await fs.mkdir(dataDir, { recursive: true });
  const lock = await lockDataDir(dataDir).catch((error: Error) => {
    throw error instanceof DataDirInUseError ? new Error(`db:restore replaces the database, so it must be stopped first: ${error.message}`) : error;
  });
  try {
    const clusterDir = await clusterDirOf(dataDir);
    const backupDir = backupDirOf(dataDir, clusterDir, config.backup.dir);
    // A PostgreSQL left running by a crashed npm start would go on writing to the cluster being replaced.
    await clearStaleServer(clusterDir);
    const backup = await chooseBackup(backupDir, options);
    report(`checking backup ${backup.id} (${(backup.bytes / 1e6).toFixed(0)} MB, completed ${backup.completedAt})`);
    await verifyBackup(backupDir, backup);

    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const staging = `${clusterDir}.restoring-${stamp}`;
    const recovery = { config, backup, backupDir, clusterDir, staging };
    report(`replaying WAL ${options.to ? `to ${options.to.toISOString()}` : 'to its end'} in ${staging}`);
    let server = await recover({ ...recovery, to: options.to }).catch(async (error: Error) => {
      if (!(error instanceof TargetNotReached)) throw error;
      // Nothing was committed between the WAL's end and the target: its end is that moment.
      report(`nothing was written after the WAL's end, before ${options.to!.toISOString()}: restoring to the end`);
      return recover({ ...recovery, to: undefined });
    });
    let lastCommit: Date | undefined;
    try {
      lastCommit = await verifyRestored(server.adminUrl, config.databaseName, report);
    } catch (error) {
      throw new Error(`the restored cluster failed its checks, so it was not swapped in (it is kept in ${staging}; the current cluster is untouched): ${(error as Error).message}`);
    } finally {
      await server.stop();
    }

    const keptAside = await swapIn(clusterDir, staging, stamp);
    await fs.writeFile(path.join(dataDir, 'superuser-password'), await fs.readFile(path.join(backupFolder(backupDir, backup.id), 'superuser-password')), { mode: 0o600 });
    return { backup: backup.id, keptAside, lastCommit };
  } finally {
    await lock.release();
  }
}

async function chooseBackup(backupDir: string, { to, backupId }: RestoreOptions): Promise<BackupManifest> {
  const backups = await listBackups(backupDir);
  if (!backups.length) throw new Error(`there is no backup in ${backupDir} (npm run db:backup takes one)`);
  if (to && to.getTime() > Date.now()) throw new Error(`--to ${to.toISOString()} is in the future`);
  if (backupId) {
    const chosen = backups.find((backup) => backup.id === backupId);
    if (!chosen) throw new Error(`there is no backup ${backupId} in ${backupDir}; there are: ${backups.map((backup) => backup.id).join(', ')}`);
    if (to && to < new Date(chosen.completedAt)) {
      throw new Error(`--to ${to.toISOString()} is before backup ${chosen.id} was complete (${chosen.completedAt}): choose an older backup, or a later moment`);
    }
    return chosen;
  }
  const candidates = to ? backups.filter((backup) => new Date(backup.completedAt) <= to) : backups;
  if (!candidates.length) {
    throw new Error(`--to ${to!.toISOString()} is before the oldest backup was complete (${backups[0].completedAt} ${backups[0].id}): no backup can be restored to it`);
  }
  return candidates.at(-1)!;
}

class TargetNotReached extends Error {}

interface Recovery {
  config: DatabaseConfig;
  backup: BackupManifest;
  backupDir: string;
  clusterDir: string;
  staging: string;
  to: Date | undefined;
}

/** Builds the staging cluster from the backup and runs it until recovery has ended (it is then promoted). */
async function recover(recovery: Recovery): Promise<StandaloneCluster> {
  const { backup, backupDir, clusterDir, staging, to } = recovery;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(path.dirname(staging), { recursive: true });
  await fs.cp(path.join(backupFolder(backupDir, backup.id), 'data'), staging, { recursive: true });
  await fs.chmod(staging, 0o700);
  await fs.mkdir(path.join(staging, 'pg_wal', 'archive_status'), { recursive: true });
  await copyUnarchivedWal(path.join(clusterDir, 'pg_wal'), path.join(staging, 'pg_wal'), walDirOf(backupDir));
  await fs.writeFile(path.join(staging, 'recovery.signal'), '');
  const ids = await postgresIds();
  if (ids) await chownTree(staging, ids);

  const server = await startCluster({
    packageName: recovery.config.embeddedPackage,
    clusterDir: staging,
    password: (await fs.readFile(path.join(backupFolder(backupDir, backup.id), 'superuser-password'), 'utf8')).trim(),
    settings: {
      // Archiving already: the new timeline's history file is archived only when it is made, and a later
      // restore that did not find it would make a second, conflicting, timeline of the same number.
      ...archiveSettings(backupDir),
      restore_command: restoreCommand(backupDir),
      recovery_target_action: 'promote',
      // The current cluster's history, not the newest timeline in the archive: that may be a restore that
      // failed its checks, or a cluster set aside.
      recovery_target_timeline: (await currentTimeline(clusterDir)) ?? 'latest',
      // Its check refuses the ISO form's "Z" that timestamptz input accepts; "+00:00" passes.
      ...(to ? { recovery_target_time: to.toISOString().replace(/Z$/, '+00:00') } : {}),
    },
  }).catch(async (error: Error) => {
    throw (await recoveryFailure(staging)) ?? error;
  });
  const client = new pg.Client({ connectionString: server.adminUrl });
  client.on('error', () => {});
  try {
    const deadline = Date.now() + RECOVERY_WAIT_MS;
    await client.connect();
    for (;;) {
      const { rows } = await client.query<{ recovering: boolean }>('select pg_is_in_recovery() as recovering');
      if (!rows[0].recovering) return server;
      if (Date.now() > deadline) throw new Error(`recovery did not end within ${RECOVERY_WAIT_MS / 60_000} minutes`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } catch (error) {
    await server.stop().catch(() => {});
    throw (await recoveryFailure(staging)) ?? error;
  } finally {
    await client.end().catch(() => {});
  }
}

/** What PostgreSQL said when recovery failed, from its log. */
async function recoveryFailure(staging: string): Promise<Error | undefined> {
  const log = await fs.readFile(path.join(staging, 'server.log'), 'utf8').catch(() => '');
  if (/recovery ended before configured recovery target was reached/.test(log)) return new TargetNotReached('recovery target not reached');
  const fatal = log.split('\n').filter((line) => /FATAL|PANIC/.test(line)).at(-1);
  return fatal ? new Error(`PostgreSQL could not recover the backup: ${fatal.trim()} (log: ${path.join(staging, 'server.log')})`) : undefined;
}

/**
 * The current cluster's WAL segments (and timeline histories) not in the archive: the archiver had not
 * copied them yet, and without them a restore "to now" would stop at the last archived segment.
 */
async function copyUnarchivedWal(from: string, into: string, archive: string): Promise<void> {
  const names = await fs.readdir(from).catch(() => [] as string[]);
  const archived = new Set(await fs.readdir(archive).catch(() => [] as string[]));
  for (const name of names) {
    if (/^[0-9A-F]{24}$|^[0-9A-F]{8}\.history$/.test(name) && !archived.has(name)) await fs.copyFile(path.join(from, name), path.join(into, name));
  }
}

/** The timeline the current cluster is on: the newest of its WAL files' (undefined if it has none). */
async function currentTimeline(clusterDir: string): Promise<string | undefined> {
  const names = await fs.readdir(path.join(clusterDir, 'pg_wal')).catch(() => [] as string[]);
  const timelines = names.filter((name) => /^[0-9A-F]{24}$|^[0-9A-F]{8}\.history$/.test(name)).map((name) => parseInt(name.slice(0, 8), 16));
  return timelines.length ? String(Math.max(...timelines)) : undefined;
}

async function chownTree(dir: string, ids: { uid: number; gid: number }): Promise<void> {
  await fs.chown(dir, ids.uid, ids.gid);
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    await fs.chown(path.join(entry.parentPath, entry.name), ids.uid, ids.gid);
  }
}

/**
 * The restored cluster answers out of recovery, holds the application database with its migrations, every
 * table of rowgate's schemas reads through, and every organization's audit chain is whole. Returns the
 * time of its last commit.
 */
async function verifyRestored(adminUrl: string, databaseName: string, report: (message: string) => void): Promise<Date | undefined> {
  const client = new pg.Client({ connectionString: withDatabase(adminUrl, databaseName) });
  client.on('error', () => {});
  await client.connect().catch((error: Error) => {
    throw new Error(`the database ${databaseName} cannot be opened: ${error.message}`);
  });
  try {
    const { rows: [migrated] } = await client.query<{ ok: boolean }>(`select to_regclass('graphile_migrate.migrations') is not null as ok`);
    const { rows: [migrations] } = migrated.ok
      ? await client.query<{ count: number; last: string | null }>(`select count(*)::integer as count, max(filename) as last from graphile_migrate.migrations`)
      : { rows: [{ count: 0, last: null }] };
    const { rows: tables } = await client.query<{ name: string }>(
      `select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname in ('app_public', 'app_private', 'app_worker', 'graphile_worker')`,
    );
    for (const table of tables) await client.query(`select count(*) from ${table.name}`);
    const chains = await auditChains(client);
    // After promotion it stays at the last transaction recovery replayed.
    const { rows: [last] } = await client.query<{ at: Date | null }>('select pg_last_xact_replay_timestamp() as at');
    report(`checked: ${migrations.count} migrations (last ${migrations.last ?? 'none'}), ${tables.length} tables read, audit chains: ${chains}`);
    return last.at ?? undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Checks every organization's audit chain with the check verify_audit_chain runs (audit_chain_check,
 * migration 000025). A broken one is reported, not refused: it was broken at that moment, and the log
 * itself says so.
 */
async function auditChains(client: pg.Client): Promise<string> {
  const { rows: [exists] } = await client.query<{ ok: boolean }>(`select to_regprocedure('app_public.audit_chain_check(uuid)') is not null as ok`);
  if (!exists.ok) return 'not checked (a backup from before migration 000025)';
  const { rows } = await client.query<{ organization_id: string; ok: boolean }>(
    `select o.organization_id, (app_public.audit_chain_check(o.organization_id)).ok
     from (select organization_id from app_public.audit_logs union select organization_id from app_public.audit_chain_heads) o`,
  );
  const broken = rows.filter((row) => !row.ok).map((row) => row.organization_id);
  return broken.length ? `${rows.length - broken.length} whole, BROKEN in organization ${broken.join(', ')}` : `${rows.length} whole`;
}

/** The current cluster moves aside (kept, named with the time), the restored one takes its place. */
async function swapIn(clusterDir: string, staging: string, stamp: string): Promise<string | undefined> {
  await fs.rm(path.join(staging, 'server.log'), { force: true });
  const aside = `${clusterDir}.before-restore-${stamp}`;
  const current = await exists(clusterDir);
  if (current) await fs.rename(clusterDir, aside);
  await fs.rename(staging, clusterDir);
  return current ? aside : undefined;
}
