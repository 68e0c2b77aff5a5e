// `npm start`: database up (embedded unless DATABASE_URL), roles and database bootstrapped, committed
// migrations applied; stays up until Ctrl-C or SIGTERM, then stops what it started and exits 0.
import { readDatabaseConfig } from './config.ts';
import { openDatabase } from './database.ts';
import { applyMigrations } from './migrate.ts';
import { untilSignal } from './signals.ts';

const stopping = untilSignal();
const db = await openDatabase(readDatabaseConfig(), { mode: 'exclusive' }).catch((error: Error) => {
  console.error(`rowgate: ${error.message}`);
  process.exit(1);
});
try {
  await applyMigrations(db);
} catch (error) {
  console.error(`rowgate: ${(error as Error).message}`);
  await db.close();
  process.exit(1);
}
const shown = new URL(db.ownerUrl);
shown.password = '';
console.log(`rowgate: database ready at ${shown.toString()} (${db.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'})`);
console.log('rowgate: press Ctrl-C to stop');
// Signal listeners do not keep Node's event loop alive: without this timer the process would end right here
// (exit code 13, "unsettled top-level await") and leave the embedded PostgreSQL running without its owner.
const keepAlive = setInterval(() => {}, 1 << 30);
await stopping;
clearInterval(keepAlive);
console.log('rowgate: stopping');
await db.close();
process.exit(0);
