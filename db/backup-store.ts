// The backup folder (BACKUP_DIR): one folder per base backup, `<id>/manifest.json` beside `<id>/data/`,
// and the continuous WAL archive in `wal/`. A backup being taken is `<id>.partial` until it is whole, so
// every folder with a manifest is a complete backup. Reading, checking and pruning it.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { walDirOf } from './wal-archive.ts';
import { exists } from './files.ts';

export interface BackupManifest {
  id: string;
  label: string;
  postgresVersion: string;
  /** pg_control's system identifier: a backup restores only onto the WAL of the same cluster. */
  systemIdentifier: string;
  startedAt: string;
  /** When pg_backup_stop returned: the earliest moment the backup can be restored to. */
  completedAt: string;
  timeline: number;
  startLsn: string;
  stopLsn: string;
  /** The WAL segments from startWal to stopWal (in wal/) are needed to make the copy consistent. */
  startWal: string;
  stopWal: string;
  walSegmentBytes: number;
  bytes: number;
  /** Every file of the backup but the manifest, relative to the backup's folder, with its SHA-256. */
  files: { path: string; bytes: number; sha256: string }[];
}

export const PARTIAL = '.partial';
const MANIFEST = 'manifest.json';

export const backupFolder = (backupDir: string, id: string) => path.join(backupDir, id);

/** Complete backups, oldest first. */
export async function listBackups(backupDir: string): Promise<BackupManifest[]> {
  const entries = await fs.readdir(backupDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const manifests: BackupManifest[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name === 'wal' || entry.name.endsWith(PARTIAL)) continue;
    const text = await fs.readFile(path.join(backupDir, entry.name, MANIFEST), 'utf8').catch(() => undefined);
    if (text) manifests.push(JSON.parse(text) as BackupManifest);
  }
  return manifests.sort((a, b) => Date.parse(a.completedAt) - Date.parse(b.completedAt));
}

/** The newest complete backup's id and completion time (for metrics and npm start's schedule). */
export async function newestBackup(backupDir: string): Promise<{ id: string; completedAt: Date } | undefined> {
  const newest = (await listBackups(backupDir)).at(-1);
  return newest && { id: newest.id, completedAt: new Date(newest.completedAt) };
}

export async function writeManifest(folder: string, manifest: BackupManifest): Promise<void> {
  const file = await fs.open(path.join(folder, MANIFEST), 'wx', 0o600);
  try {
    await file.writeFile(`${JSON.stringify(manifest, null, 2)}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
}

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Refuses a backup that cannot be restored: a file missing or not matching its checksum, or a WAL segment
 * it needs missing from the archive. The message names the first problem.
 */
export async function verifyBackup(backupDir: string, manifest: BackupManifest): Promise<void> {
  const folder = backupFolder(backupDir, manifest.id);
  for (const file of manifest.files) {
    const actual = await sha256Of(path.join(folder, file.path)).catch((error: NodeJS.ErrnoException) => error.code ?? 'unreadable');
    if (actual !== file.sha256) {
      throw new Error(`backup ${manifest.id} is damaged: ${file.path} ${actual.length === 64 ? 'does not match its checksum' : `cannot be read (${actual})`}. Choose another backup with --backup <id>`);
    }
  }
  for (const segment of walRange(manifest)) {
    if (!(await exists(path.join(walDirOf(backupDir), segment)))) {
      throw new Error(`backup ${manifest.id} needs WAL segment ${segment}, which is missing from ${walDirOf(backupDir)}. Choose another backup with --backup <id>`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// WAL segment names: 8 hex digits of timeline, then the segment number as two 8-digit halves (a "log" of
// 4 GiB, and the segment within it).

const SEGMENT = /^([0-9A-F]{8})([0-9A-F]{8})([0-9A-F]{8})/;

function segmentNumber(name: string, segmentBytes: number): bigint | undefined {
  const match = SEGMENT.exec(name);
  if (!match) return undefined;
  return BigInt(`0x${match[2]}`) * (0x100000000n / BigInt(segmentBytes)) + BigInt(`0x${match[3]}`);
}

function walRange(manifest: BackupManifest): string[] {
  const first = segmentNumber(manifest.startWal, manifest.walSegmentBytes)!;
  const last = segmentNumber(manifest.stopWal, manifest.walSegmentBytes)!;
  const perLog = 0x100000000n / BigInt(manifest.walSegmentBytes);
  const hex = (n: bigint) => n.toString(16).toUpperCase().padStart(8, '0');
  const timeline = manifest.stopWal.slice(0, 8);
  const names: string[] = [];
  for (let n = first; n <= last; n++) names.push(`${timeline}${hex(n / perLog)}${hex(n % perLog)}`);
  return names;
}

/**
 * Keeps the newest `keep` backups and the WAL from the oldest kept one's start on (every timeline's, and
 * all timeline history files, which are small and name where timelines branched). Partial backups left
 * by a process that died are removed after a day.
 */
export async function pruneBackups(backupDir: string, keep: number): Promise<{ removedBackups: string[]; removedWalFiles: number }> {
  const backups = await listBackups(backupDir);
  const removed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const backup of removed) await fs.rm(backupFolder(backupDir, backup.id), { recursive: true, force: true });
  for (const entry of await fs.readdir(backupDir)) {
    const stat = entry.endsWith(PARTIAL) ? await fs.stat(path.join(backupDir, entry)).catch(() => undefined) : undefined;
    if (stat && stat.mtimeMs < Date.now() - 24 * 3600_000) await fs.rm(path.join(backupDir, entry), { recursive: true, force: true });
  }
  const oldest = backups.at(-keep) ?? backups[0];
  let removedWalFiles = 0;
  if (oldest) {
    const keepFrom = segmentNumber(oldest.startWal, oldest.walSegmentBytes)!;
    const walDir = walDirOf(backupDir);
    for (const name of await fs.readdir(walDir).catch(() => [] as string[])) {
      const segment = name.endsWith('.history') ? undefined : segmentNumber(name, oldest.walSegmentBytes);
      if (segment !== undefined && segment < keepFrom) {
        await fs.rm(path.join(walDir, name), { force: true });
        removedWalFiles++;
      }
    }
  }
  return { removedBackups: removed.map((backup) => backup.id), removedWalFiles };
}
