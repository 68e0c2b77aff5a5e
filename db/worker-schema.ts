// graphile-worker's own schema. Its private tables have row-level security without policies, so only the
// schema's owner can run jobs: the worker role installs it with graphile-worker's migrations and owns it. The definer role, whose trigger functions enqueue jobs,
// gets the grants add_job needs (it has BYPASSRLS). Run before the committed migrations, and by
// graphile-migrate after a reset.
import { Logger, runMigrations } from 'graphile-worker';
import { connect, withLogin } from './bootstrap.ts';
import { readDatabaseConfig } from './config.ts';
import { ROLES } from './roles.ts';

const quietLogger = new Logger(() => () => {});

export async function installWorkerSchema(workerUrl: string): Promise<void> {
  await runMigrations({ connectionString: workerUrl, logger: quietLogger });
  const client = await connect(workerUrl);
  try {
    await client.query(`
      grant usage on schema graphile_worker to ${ROLES.definer};
      grant select, insert, update, delete on all tables in schema graphile_worker to ${ROLES.definer};
      grant usage, select, update on all sequences in schema graphile_worker to ${ROLES.definer};
      grant execute on all functions in schema graphile_worker to ${ROLES.definer};
    `);
  } finally {
    await client.end();
  }
}

// graphile-migrate's afterReset runs this with the recreated database's owner URL in GM_DBURL.
if (import.meta.main) {
  const url = process.env.GM_DBURL;
  if (!url) throw new Error('GM_DBURL is not set (this runs from graphile-migrate afterReset)');
  await installWorkerSchema(withLogin(url, ROLES.worker, readDatabaseConfig().passwords.worker));
}
