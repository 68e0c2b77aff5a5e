// `npm run db:top`: the statements of rowgate's database that took the most time in total, from
// pg_stat_statements (loaded by the embedded server; elsewhere, shared_preload_libraries decides).
import { connect } from './bootstrap.ts';
import type { Database } from './database.ts';

export async function printTopStatements(db: Database, limit: number): Promise<void> {
  const client = await connect(db.adminUrl);
  try {
    const { rows: [available] } = await client.query<{ ok: boolean }>(`select exists (select 1 from pg_extension where extname = 'pg_stat_statements') as ok`);
    if (!available.ok) {
      console.error('pg_stat_statements is not enabled: add it to shared_preload_libraries on this server and restart it; rowgate creates the extension at the next start.');
      process.exitCode = 1;
      return;
    }
    const { rows } = await client.query<Record<string, string | number>>(
      `select s.calls, round(s.total_exec_time)::bigint as total_ms, round(s.mean_exec_time::numeric, 2) as mean_ms, s.rows,
              left(regexp_replace(s.query, '\\s+', ' ', 'g'), 140) as query
       from pg_stat_statements s
       join pg_database d on d.oid = s.dbid
       where d.datname = $1
       order by s.total_exec_time desc
       limit $2`,
      [db.databaseName, limit],
    );
    console.table(rows);
    console.log('Reset the figures with: select pg_stat_statements_reset(); (as a superuser)');
  } finally {
    await client.end();
  }
}
