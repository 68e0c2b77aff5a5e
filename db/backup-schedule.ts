// npm start's own backups of its embedded PostgreSQL: when the newest backup is BACKUP_INTERVAL_HOURS old,
// or there is none, one is taken and BACKUP_KEEP applied. Without them the WAL archive would only grow.
// Checked a minute after start (a short-lived start takes none) and every 10 minutes; a failure is reported
// and tried again at the next check, and never stops npm start.
import { takeBackup, type BackupTarget } from './backup.ts';
import { newestBackup, pruneBackups } from './backup-store.ts';
import type { BackupConfig } from './config.ts';
import type { Logger } from './log.ts';

const FIRST_CHECK_MS = 60_000;
const CHECK_MS = 10 * 60_000;

/** Starts the schedule; returns the stop, which abandons a backup under way (it is then removed). */
export function scheduleBackups(target: BackupTarget, config: BackupConfig, log: Pick<Logger, 'info' | 'error'>): () => Promise<void> {
  const abort = new AbortController();
  let running: Promise<void> | undefined;
  const check = async () => {
    const newest = await newestBackup(target.backupDir);
    if (newest && newest.completedAt.getTime() > Date.now() - config.intervalHours * 3600_000) return;
    const manifest = await takeBackup(target, abort.signal);
    const pruned = await pruneBackups(target.backupDir, config.keep);
    log.info(`backup ${manifest.id} taken (${(manifest.bytes / 1e6).toFixed(1)} MB)${pruned.removedBackups.length ? `; pruned ${pruned.removedBackups.join(', ')}` : ''}`);
  };
  const tick = () => {
    running ??= check()
      .catch((error: Error) => {
        if (!abort.signal.aborted) log.error(`scheduled backup failed: ${error.message}`);
      })
      .finally(() => (running = undefined));
  };
  const first = setTimeout(tick, FIRST_CHECK_MS);
  const timer = setInterval(tick, CHECK_MS);
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    abort.abort();
    await running;
  };
}
