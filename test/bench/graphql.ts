// `npm run bench`: load on the real server and an embedded PostgreSQL of its own (never the `npm start`
// data), with autocannon from this process over loopback. Prints a table and writes BENCHMARKS.md.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { CreateOrganizationDocument, CreateTaskDocument, TasksDocument } from '../../client/generated/graphql.ts';
import { withDatabase } from '../../db/bootstrap.ts';
import { readDatabaseConfig } from '../../db/config.ts';
import { openDatabase } from '../../db/database.ts';
import { applyMigrations } from '../../db/migrate.ts';
import { readServerConfig } from '../../server/config.ts';
import { startServer } from '../../server/run.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
// One connection shows a single request's latency; ten show throughput under load.
const CONNECTION_COUNTS = (process.env.BENCH_CONNECTIONS ?? '1,10').split(',').map(Number);
const TASKS = 1000;

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rowgate-bench-'));
await fs.chmod(dataDir, 0o755);
const db = await openDatabase(readDatabaseConfig({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: '0' }), { mode: 'exclusive' });
const server = await applyMigrations(db).then(() =>
  startServer(
    readServerConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, RATE_LIMIT_GRAPHQL_PER_MINUTE: '100000000', RATE_LIMIT_AUTH_PER_MINUTE: '1000' }),
    db.authenticatorUrl,
  ),
);

async function post(pathname: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return response.json() as Promise<any>;
}

try {
  const session = await post('/auth/register', { email: 'bench@example.test', password: 'correct horse battery', name: 'Bench' });
  const auth = { authorization: `Bearer ${session.accessToken}` };
  const org = await post('/graphql', { query: String(CreateOrganizationDocument), variables: { name: 'Bench', slug: 'bench' } }, auth);
  const orgId: string = org.data.createOrganization.organization.rowId;
  const admin = new pg.Client({ connectionString: withDatabase(db.adminUrl, db.databaseName) });
  await admin.connect();
  await admin.query(
    `insert into app_public.tasks (organization_id, title, priority) select $1, 'Task ' || i, 'MEDIUM' from generate_series(1, $2) i`,
    [orgId, TASKS],
  );
  await admin.end();
  const headers = { ...auth, 'x-organization-id': orgId, 'content-type': 'application/json' };

  const scenarios = [
    { name: 'GET /healthz (no database)', method: 'GET' as const, path: '/healthz', body: undefined },
    { name: 'tasks(first: 100)', method: 'POST' as const, path: '/graphql', body: JSON.stringify({ query: String(TasksDocument), variables: { first: 100 } }) },
    { name: 'createTask', method: 'POST' as const, path: '/graphql', body: JSON.stringify({ query: String(CreateTaskDocument), variables: { task: { title: 'Bench task' } } }) },
  ];
  const rows: string[] = [];
  for (const connections of CONNECTION_COUNTS) {
    for (const scenario of scenarios) {
      const result = await autocannon({
        url: `${server.url}${scenario.path}`,
        method: scenario.method,
        headers,
        body: scenario.body,
        connections,
        duration: DURATION,
      });
      const bad = result.non2xx + result.errors;
      rows.push(
        `| ${scenario.name} | ${connections} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p90} | ${result.latency.p99} | ${result.latency.max} | ${result.requests.total} | ${bad} |`,
      );
    }
  }
  const table = [
    `| scenario | connections | req/s | p50 ms | p90 ms | p99 ms | max ms | requests | non-2xx/errors |`,
    `|---|---|---|---|---|---|---|---|---|`,
    ...rows,
  ].join('\n');
  const report = `# Benchmarks

\`npm run bench\` on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, embedded PostgreSQL,
${DURATION} s per scenario and connection count, load generator (autocannon) in the same process over loopback
(it competes with the server and PostgreSQL for the same cores).
The organization holds ${TASKS} tasks; every GraphQL request carries a bearer token (verified, session checked in
the database) and X-Organization-Id, so each one runs the full path: JWT, session lookup, RLS policies.

${table}

Generated ${new Date().toISOString()}.
`;
  console.log(table);
  await fs.writeFile(new URL('../../BENCHMARKS.md', import.meta.url), report);
} finally {
  await server.close();
  await db.close();
  await fs.rm(dataDir, { recursive: true, force: true });
}
