// `npm run migrate` and the DBA workflow (`npm run db:watch|db:commit|db:uncommit|db:reset|db:status`):
// graphile-migrate's commands against the same database `npm start` uses. If `npm start` is running on
// DATA_DIR, they connect to its embedded server instead of starting one.
import { commit, reset, status, uncommit, watch } from 'graphile-migrate';
import { readDatabaseConfig } from './config.ts';
import { openDatabase } from './database.ts';
import { applyMigrations, migrationSettings, releaseMigrationPools } from './migrate.ts';
import { untilSignal } from './signals.ts';
import { printTopStatements } from './top-statements.ts';

const USAGE = 'usage: node db/cli.ts migrate | watch [--once] | commit [--message "..."] | uncommit | reset --erase | status | top [--limit N]';

const [command, ...args] = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};

if (command === 'reset' && !args.includes('--erase')) {
  console.error('db:reset drops and recreates the database. Add --erase if you mean it: npm run db:reset -- --erase');
  process.exit(2);
}

const db = await openDatabase(readDatabaseConfig(), { mode: 'shared' });
let exitCode = 0;
try {
  const settings = await migrationSettings(db);
  switch (command) {
    case 'migrate':
      // What npm start does: graphile-worker's schema (the audit triggers enqueue into it), then migrations.
      await applyMigrations(db);
      break;
    case 'watch':
      await watch(settings, args.includes('--once'));
      if (!args.includes('--once')) await untilSignal();
      break;
    case 'commit':
      await commit(settings, option('--message') ?? option('-m'));
      break;
    case 'uncommit':
      await uncommit(settings);
      break;
    case 'reset':
      await reset(settings);
      break;
    case 'status': {
      const { remainingMigrations = [], hasCurrentMigration } = await status(settings);
      console.log(remainingMigrations.length ? `Pending migrations: ${remainingMigrations.join(', ')}` : 'All committed migrations are applied.');
      console.log(hasCurrentMigration ? 'migrations/current.sql has uncommitted changes.' : 'migrations/current.sql is empty.');
      // Same bits as graphile-migrate's own CLI: 1 = pending committed migrations, 2 = non-empty current.sql.
      exitCode = (remainingMigrations.length ? 1 : 0) | (hasCurrentMigration ? 2 : 0);
      break;
    }
    case 'top':
      await printTopStatements(db, Number(option('--limit') ?? 15));
      break;
    default:
      console.error(USAGE);
      exitCode = 2;
  }
} catch (error) {
  console.error((error as Error).message);
  exitCode = 1;
} finally {
  releaseMigrationPools();
  await db.close();
}
process.exit(exitCode);
