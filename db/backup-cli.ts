// `npm run db:backup` and `npm run db:restore -- [--to <timestamp>] [--backup <id>]` for the embedded
// PostgreSQL. A backup runs beside `npm start` (or starts the server for itself); a restore needs it
// stopped. Failures print one line and exit 1.
import { takeBackup } from './backup.ts';
import { pruneBackups } from './backup-store.ts';
import { readDatabaseConfig } from './config.ts';
import { openDatabase } from './database.ts';
import { EXTERNAL_SERVER, restoreBackup } from './restore.ts';

const USAGE = 'usage: node db/backup-cli.ts backup | restore [--to <timestamp>] [--backup <id>]';

const [command, ...args] = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  if (args[index + 1] === undefined) throw new Error(`${name} needs a value (${USAGE})`);
  return args[index + 1];
};

async function backup(): Promise<void> {
  const config = readDatabaseConfig();
  if (config.adminUrl) throw new Error(EXTERNAL_SERVER);
  const db = await openDatabase(config, { mode: 'shared' });
  try {
    const manifest = await takeBackup({ adminUrl: db.adminUrl, clusterDir: db.clusterDir!, backupDir: db.backupDir! });
    console.log(`backup ${manifest.id}: ${(manifest.bytes / 1e6).toFixed(1)} MB, ${manifest.files.length} files, complete at ${manifest.completedAt}, in ${db.backupDir}`);
    const pruned = await pruneBackups(db.backupDir!, config.backup.keep);
    if (pruned.removedBackups.length) console.log(`pruned (BACKUP_KEEP=${config.backup.keep}): ${pruned.removedBackups.join(', ')} and ${pruned.removedWalFiles} WAL files`);
    console.log(manifest.id);
  } finally {
    await db.close();
  }
}

async function restore(): Promise<void> {
  const toText = option('--to');
  const to = toText === undefined ? undefined : new Date(toText);
  if (to && Number.isNaN(to.getTime())) throw new Error(`--to must be a timestamp with its time zone, such as 2025-06-01T10:20:30Z, got "${toText}"`);
  const result = await restoreBackup(readDatabaseConfig(), { to, backupId: option('--backup'), report: (message) => console.log(`db:restore: ${message}`) });
  console.log(
    `db:restore: restored from backup ${result.backup}${result.lastCommit ? `, up to the transaction committed at ${result.lastCommit.toISOString()}` : ''}. ` +
      `${result.keptAside ? `The previous cluster is kept in ${result.keptAside}. ` : ''}Start rowgate again (npm start).`,
  );
}

let exitCode = 0;
try {
  if (command === 'backup') await backup();
  else if (command === 'restore') await restore();
  else {
    console.error(USAGE);
    exitCode = 2;
  }
} catch (error) {
  console.error(`db:${command}: ${(error as Error).message}`);
  exitCode = 1;
}
process.exit(exitCode);
