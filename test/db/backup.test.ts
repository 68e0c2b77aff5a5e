// Backups and point-in-time restore of the embedded PostgreSQL (API.md §8), on a cluster of this file's
// own with the worker recording the audit log: a base backup taken while a member writes tasks; restores to
// "now", to a moment between two writes (every write acknowledged before it is there, none after) and to
// just before a destructive migration, each swapped in with the old cluster kept aside and the audit chain
// whole; a damaged backup and a running server refused with the current cluster untouched; retention; and
// backups taken on the new timelines, restored in turn to a moment after the last commit.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { takeBackup } from '../../db/backup.ts';
import { listBackups, newestBackup, pruneBackups, verifyBackup, type BackupManifest } from '../../db/backup-store.ts';
import { withDatabase } from '../../db/bootstrap.ts';
import { readDatabaseConfig } from '../../db/config.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import { applyMigrations, releaseMigrationPools } from '../../db/migrate.ts';
import { restoreBackup, type RestoreOptions } from '../../db/restore.ts';
import { addMember, createOrganization, createSession, createUser } from '../../db/tenant-data.ts';
import { walDirOf } from '../../db/wal-archive.ts';
import { readWorkerConfig } from '../../worker/config.ts';
import { startWorker, type RunningWorker } from '../../worker/runner.ts';
import { asActor, becomeActor, type Actor } from '../support/database.ts';
import { spawnNode } from '../support/processes.ts';
import { waitFor } from '../support/worker.ts';

const LONG = 120_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let dataDir: string;
let config: ReturnType<typeof readDatabaseConfig>;
let db: Database;
let pool: pg.Pool;
let worker: RunningWorker;
let member: Actor;
/** Every write the database acknowledged, in order, with the database's clock read after its commit. */
const acknowledged: { id: string; title: string }[] = [];

/** Starts the cluster (its WAL archived, as npm start does) with the worker; fsync off: no crash here. */
async function open(): Promise<void> {
  db = await openDatabase(config, { mode: 'exclusive', embeddedSettings: { fsync: 'off' } });
  pool = new pg.Pool({ connectionString: withDatabase(db.adminUrl, db.databaseName), max: 4 });
  pool.on('error', () => {});
  worker = await startWorker(readWorkerConfig({ DATA_DIR: dataDir }), db.workerUrl, { log: () => {} });
}

async function close(): Promise<void> {
  await worker.stop();
  await pool.end();
  releaseMigrationPools();
  await db.close();
}

/** A task created by the member, committed: what a createTask mutation does. */
async function write(title: string): Promise<{ id: string; title: string }> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await becomeActor(client, member);
    const { rows } = await client.query<{ id: string }>('insert into app_public.tasks (title) values ($1) returning id', [title]);
    await client.query('commit');
    const task = { id: rows[0].id, title };
    acknowledged.push(task);
    return task;
  } finally {
    client.release();
  }
}

async function databaseNow(): Promise<Date> {
  return (await pool.query<{ now: Date }>('select clock_timestamp() as now')).rows[0].now;
}

async function titles(): Promise<Set<string>> {
  return new Set((await pool.query<{ title: string }>('select title from app_public.tasks')).rows.map((row) => row.title));
}

/** The member's organization's audit chain, once the worker has recorded every pending change. */
async function auditChain() {
  await waitFor(async () => (await pool.query('select count(*)::int as n from app_worker.audit_outbox')).rows[0].n === 0, 30_000, 'the audit log caught up');
  return asActor(pool, member, async (client) => (await client.query('select (app_public.verify_audit_chain()).*')).rows[0]);
}

/** Ends the server as a crash would: the WAL of the last writes is in the cluster only, not archived. */
async function crash(): Promise<void> {
  await worker.stop();
  await pool.end();
  const pid = Number((await fs.readFile(path.join(db.clusterDir!, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  process.kill(pid, 'SIGKILL');
  await db.close().catch(() => {}); // nothing left to stop; DATA_DIR's lock is released
}

/** Stops the server (or crashes it), restores, starts it again; checks the old cluster was kept aside. */
async function restore(options: RestoreOptions & { crashed?: boolean } = {}) {
  if (options.crashed) await crash();
  else await close();
  const result = await restoreBackup(config, options);
  expect(await fs.readFile(path.join(result.keptAside!, 'PG_VERSION'), 'utf8')).toMatch(/^\d+/);
  await open();
  return result;
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rowgate-backup-'));
  await fs.chmod(dataDir, 0o755); // reachable by the `postgres` OS user (we may be root)
  config = readDatabaseConfig({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: '0', EMBEDDED_PG_VERSION: process.env.EMBEDDED_PG_VERSION, BACKUP_KEEP: '2' });
  await open();
  await applyMigrations(db);
  const client = await pool.connect();
  try {
    const org = await createOrganization(client, 'Backed up', 'backed-up');
    const user = await createUser(client, 'admin@backed-up.test', 'Admin');
    await addMember(client, org.id, user, org.roles.Admin);
    member = { role: 'app_user', userId: user, sessionId: await createSession(client, user), organizationId: org.id };
  } finally {
    client.release();
  }
}, LONG);

afterAll(async () => {
  await close().catch(() => {});
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('db:backup and db:restore on the embedded PostgreSQL', () => {
  let first: BackupManifest;

  test('a base backup taken while a member writes is whole, checksummed and its WAL archived', async () => {
    let writing = true;
    let during = 0;
    const writer = (async () => {
      while (writing) {
        await write(`before backup ${acknowledged.length}`);
        during++;
      }
    })();
    await waitFor(async () => during >= 5, 10_000, 'writes under way');
    during = 0;
    first = await takeBackup({ adminUrl: db.adminUrl, clusterDir: db.clusterDir!, backupDir: db.backupDir! });
    writing = false;
    await writer;
    expect(during).toBeGreaterThan(0);

    expect(first).toMatchObject({ id: expect.stringMatching(/^\d{8}T\d{6}Z$/), timeline: 1, postgresVersion: expect.stringMatching(process.env.EMBEDDED_PG_VERSION === '15' ? /^15\./ : /^18\./) });
    const paths = first.files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['data/backup_label', 'data/global/pg_control', 'data/PG_VERSION', 'superuser-password']));
    expect(paths.filter((file) => /^data\/(pg_wal|pg_replslot|pg_stat_tmp)\/|postmaster\.pid|server\.log/.test(file))).toEqual([]);
    await verifyBackup(db.backupDir!, first);
    expect(await newestBackup(db.backupDir!)).toEqual({ id: first.id, completedAt: new Date(first.completedAt) });
  }, LONG);

  test('restored to now after a crash: every acknowledged write is there, the audit chain verifies, the old cluster is kept aside', async () => {
    for (let i = 0; i < 5; i++) await write(`after backup ${i}`);
    const result = await restore({ crashed: true });
    expect(result.backup).toBe(first.id);
    const restored = await titles();
    expect(acknowledged.filter((task) => !restored.has(task.title))).toEqual([]);
    expect(await auditChain()).toMatchObject({ ok: true, set_aside: 0 });
  }, LONG);

  test('restored (by npm run db:restore) to a moment between two writes: exactly the writes before it', async () => {
    const before = [await write('just before the moment 1'), await write('just before the moment 2')];
    await sleep(50);
    const moment = await databaseNow();
    await sleep(50);
    const after = [await write('just after the moment 1'), await write('just after the moment 2')];
    await close();
    const cli = spawnNode(['db/backup-cli.ts', 'restore', '--to', moment.toISOString()], {
      ...process.env,
      DATA_DIR: dataDir,
      EMBEDDED_PG_VERSION: process.env.EMBEDDED_PG_VERSION ?? '',
      BACKUP_DIR: '',
    });
    expect(await cli.exited, cli.stderr()).toEqual({ code: 0, signal: null });
    expect(cli.stdout()).toMatch(/restored from backup \S+, up to the transaction committed at .*The previous cluster is kept in \S+before-restore-/);
    // Checked before it was swapped in, with the check verifyAuditChain runs.
    expect(cli.stdout()).toMatch(/audit chains: [1-9]\d* whole/);
    await open();

    const restored = await titles();
    const expected = acknowledged.slice(0, acknowledged.indexOf(before[1]) + 1);
    expect(expected.filter((task) => !restored.has(task.title))).toEqual([]);
    expect(after.filter((task) => restored.has(task.title))).toEqual([]);
    acknowledged.splice(acknowledged.indexOf(after[0]));
    expect(await auditChain()).toMatchObject({ ok: true, set_aside: 0 });
  }, LONG);

  test('restored to just before a destructive migration: the data and the table are back', async () => {
    await write('written before the release');
    const count = (await pool.query('select count(*)::int as n from app_public.tasks')).rows[0].n;
    await sleep(50);
    const beforeRelease = await databaseNow();
    await sleep(50);
    // A release whose migration loses data.
    await pool.query('delete from app_public.tasks; drop table app_public.task_histories cascade');

    await restore({ to: beforeRelease });
    expect((await pool.query('select count(*)::int as n from app_public.tasks')).rows[0].n).toBe(count);
    expect((await pool.query(`select to_regclass('app_public.task_histories') is not null as ok`)).rows[0].ok).toBe(true);
    expect(await auditChain()).toMatchObject({ ok: true, set_aside: 0 });
  }, LONG);

  test('refused while the server runs, for a damaged backup, and for a moment the backup cannot reach; the current cluster untouched', async () => {
    await expect(restoreBackup(config)).rejects.toThrow(/must be stopped first: DATA_DIR \S+ is in use by process \d+/);
    await close();
    const untouched = await clusterState();
    const victim = first.files.find((file) => file.path.startsWith('data/base/') && file.bytes > 8192)!;
    const file = path.join(db.backupDir!, first.id, victim.path);
    const bytes = await fs.readFile(file);
    bytes[4096] ^= 0xff;
    await fs.writeFile(file, bytes);
    await expect(restoreBackup(config, { backupId: first.id })).rejects.toThrow(`backup ${first.id} is damaged: ${victim.path} does not match its checksum`);
    await expect(restoreBackup(config, { to: new Date(Date.parse(first.startedAt) - 60_000) })).rejects.toThrow(/is before the oldest backup was complete/);
    await expect(restoreBackup(config, { backupId: first.id, to: new Date(first.startedAt) })).rejects.toThrow(/is before backup \S+ was complete/);
    await expect(restoreBackup({ ...config, adminUrl: 'postgres://elsewhere/rowgate' })).rejects.toThrow(/DATABASE_URL is set.*pgBackRest/);
    expect(await clusterState()).toEqual(untouched);
    await open();
  }, LONG);

  test('backups go on after restores (new timelines); retention keeps BACKUP_KEEP of them and the WAL they need; the newest restores', async () => {
    const second = await takeBackup({ adminUrl: db.adminUrl, clusterDir: db.clusterDir!, backupDir: db.backupDir! });
    await write('between the second and third backups');
    const third = await takeBackup({ adminUrl: db.adminUrl, clusterDir: db.clusterDir!, backupDir: db.backupDir! });
    expect(third.timeline).toBeGreaterThan(1);
    const pruned = await pruneBackups(db.backupDir!, config.backup.keep);
    expect(pruned.removedBackups).toEqual([first.id]);
    expect(pruned.removedWalFiles).toBeGreaterThan(0);
    expect((await listBackups(db.backupDir!)).map((backup) => backup.id)).toEqual([second.id, third.id]);
    const segment = (name: string) => name.slice(8, 24);
    const wal = await fs.readdir(walDirOf(db.backupDir!));
    expect(wal.filter((name) => !name.endsWith('.history') && segment(name) < segment(second.startWal))).toEqual([]);
    expect(wal).toContain(second.startWal);

    // To a moment after the last commit: PostgreSQL cannot know nothing follows it, so the restore does.
    await write('after the third backup');
    await close();
    const reports: string[] = [];
    const result = await restoreBackup(config, { to: new Date(), report: (message) => reports.push(message) });
    expect(reports.join('\n')).toMatch(/nothing was written after the WAL's end, before \S+: restoring to the end/);
    await open();
    expect(result.backup).toBe(third.id);
    const restored = await titles();
    expect(acknowledged.filter((task) => !restored.has(task.title))).toEqual([]);
    expect(await auditChain()).toMatchObject({ ok: true, set_aside: 0 });
  }, LONG);
});

/** What a failed restore must not change: DATA_DIR's entries and the cluster's control file. */
async function clusterState() {
  return {
    entries: (await fs.readdir(dataDir)).sort(),
    control: await fs.readFile(path.join(db.clusterDir!, 'global', 'pg_control')),
  };
}
