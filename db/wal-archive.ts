// Continuous WAL archiving of the embedded PostgreSQL: the settings that make it copy every finished WAL
// segment into BACKUP_DIR/wal, and the command a restore fetches them back with. Both are shell commands
// PostgreSQL runs (as the `postgres` OS user when rowgate runs as root), so paths are quoted for sh and
// PostgreSQL's own `%` placeholders.
import path from 'node:path';

/**
 * A WAL segment is archived when full or, under a trickle of writes, after this many seconds. It bounds
 * what is lost with the cluster's disk (a restore otherwise takes the unarchived tail from the old cluster);
 * every switch archives a whole 16 MB segment, so shorter would cost disk on a quiet server.
 */
export const ARCHIVE_TIMEOUT_SECONDS = 300;

export const walDirOf = (backupDir: string) => path.join(backupDir, 'wal');

/** Single-quoted for sh: the text passes through unchanged, whatever it holds. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** A path inside a command PostgreSQL expands `%p`/`%f` in: quoted for sh, a literal `%` doubled. */
const pathArgument = (file: string) => shellQuote(file).replaceAll('%', '%%');

/**
 * Copies the segment under a temporary name, flushed, then renames it, so the archive never holds half a
 * segment. An existing file of that name is accepted only if identical (PostgreSQL may archive a segment
 * again after a crash); a different one is refused, and PostgreSQL keeps the segment and retries.
 */
export function archiveCommand(backupDir: string): string {
  const target = `${pathArgument(walDirOf(backupDir))}/%f`;
  return `f=${target}; if test -f "$f"; then cmp -s %p "$f"; else cp %p "$f.tmp" && sync "$f.tmp" && mv "$f.tmp" "$f"; fi`;
}

export function restoreCommand(backupDir: string): string {
  return `cp ${pathArgument(walDirOf(backupDir))}/%f %p`;
}

/** Server settings for archiving into backupDir (wal_level stays `replica`, the default). */
export function archiveSettings(backupDir: string): Record<string, string> {
  return { archive_mode: 'on', archive_command: archiveCommand(backupDir), archive_timeout: String(ARCHIVE_TIMEOUT_SECONDS) };
}
