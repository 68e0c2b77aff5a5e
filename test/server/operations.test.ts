// What an operator relies on: health and readiness, Prometheus metrics, configuration checks at start,
// production hardening (GraphiQL and introspection off, CORS, security headers), and a graceful shutdown
// of `npm start` that drains in-flight requests and stops the PostgreSQL it started.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { ConsoleSessionDocument, CreateConsoleOrganizationDocument, TaskListDocument } from '../../client/generated/graphql.ts';
import { CreateOrganizationDocument, CurrentUserDocument } from '../generated/graphql.ts';
import { freePort } from '../../db/ports.ts';
import { PROJECT_ROOT } from '../../db/migrate.ts';
import { ConfigError } from '../../db/environment.ts';
import { readServerConfig } from '../../server/config.ts';
import { startServer } from '../../server/run.ts';
import { gql, http, register, startTestServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/worker.ts';
import { productionKey } from '../support/keys.ts';
import { isRunning, logEntries, refusesConnections, said, spawnNode } from '../support/processes.ts';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(() => server?.close());

/** Runs `sql` as superuser on the maintenance database (not the test database, which may refuse us). */
async function asAdmin(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: inject('adminUrl') });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

describe('health and readiness', () => {
  test('/healthz is 200 {"status":"ok"}', async () => {
    const response = await http(server, 'GET', '/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  test('health endpoints never look at the caller: a garbage organization header or an invalid token still gets 200', async () => {
    const headers = { 'x-organization-id': 'not-a-uuid', authorization: 'Bearer not.a.token' };
    for (const route of ['/healthz', '/readyz', '/metrics']) {
      const response = await http(server, 'GET', route, { headers });
      expect(response.status, route).toBe(200);
    }
    // The same headers on the API are still refused.
    expect((await http(server, 'POST', '/graphql', { body: { query: '{ __typename }' }, headers })).status).toBe(400);
    expect((await http(server, 'POST', '/graphql', { body: { query: '{ __typename }' }, headers: { authorization: 'Bearer not.a.token' } })).status).toBe(401);
  });

  test('/readyz is 200 when the database answers and migrations are current', async () => {
    const response = await http(server, 'GET', '/readyz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ready' });
  });

  test('/readyz is 503 with a reason when the newest migration is not applied, and 200 again once it is', async () => {
    const client = await server.db.pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query('select * from graphile_migrate.migrations order by date desc, filename desc limit 1');
      expect(rows).toHaveLength(1);
      const newest = rows[0];
      await client.query('delete from graphile_migrate.migrations where filename = $1', [newest.filename]);
      await client.query('commit');
      try {
        const response = await http(server, 'GET', '/readyz');
        expect(response.status).toBe(503);
        expect(response.body).toEqual({ error: { code: 'NOT_READY', message: expect.stringMatching(/migrations/i) } });
      } finally {
        const columns = Object.keys(newest);
        await client.query(
          `insert into graphile_migrate.migrations (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
          columns.map((c) => newest[c]),
        );
      }
    } finally {
      client.release();
    }
    expect((await http(server, 'GET', '/readyz')).status).toBe(200);
  });

  test('/readyz is 503 with a reason while the database refuses connections; /healthz stays 200; both recover', async () => {
    const own = await startTestServer();
    try {
      // The database refuses new connections and its open ones are cut (as in a failover or restart).
      // The test's own superuser pool loses its idle connections too; that is expected here.
      own.db.pool.on('error', () => {});
      await asAdmin(`alter database ${own.db.name} allow_connections false`);
      await asAdmin('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [own.db.name]);
      try {
        const response = await http(own, 'GET', '/readyz');
        expect(response.status).toBe(503);
        expect(response.body).toEqual({ error: { code: 'NOT_READY', message: expect.stringMatching(/database/i) } });
        expect((await http(own, 'GET', '/healthz')).status).toBe(200);
        // GraphQL fails with a masked error, never PostgreSQL's text.
        const graphql = await http(own, 'POST', '/graphql', { body: { query: 'query Down { currentUserPermissions }' } });
        expect(JSON.stringify(graphql.body)).not.toMatch(/accepting connections|ECONNREFUSED|\n\s+at /);
      } finally {
        await asAdmin(`alter database ${own.db.name} allow_connections true`);
      }
      expect((await http(own, 'GET', '/readyz')).status).toBe(200);
      const again = await gql(own, CurrentUserDocument, {});
      expect(again.errors).toBeUndefined();
      expect(again.data?.currentUser ?? null).toBeNull();
    } finally {
      await own.close();
    }
  });

  test('a server whose database does not answer at start refuses to start (it could never serve GraphQL)', async () => {
    const port = await freePort();
    const config = readServerConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: await fs.mkdtemp(path.join(os.tmpdir(), 'rowgate-down-')) });
    try {
      await expect(startServer(config, `postgres://rowgate_authenticator:x@127.0.0.1:${port}/rowgate`)).rejects.toThrow(
        new RegExp(`127\\.0\\.0\\.1:${port}`),
      );
    } finally {
      await fs.rm(config.dataDir, { recursive: true, force: true });
    }
  });
});

describe('metrics', () => {
  test('/metrics is Prometheus text with HTTP durations, GraphQL operations by name and outcome, and the pool', async () => {
    const ann = await register(server, 'Ann');
    // Label values are the shipped (console) operations' names (server/shipped-operations.ts).
    await gql(server, ConsoleSessionDocument, {}, { token: ann.accessToken });
    await http(server, 'GET', '/no-such-route-1234');
    const response = await http(server, 'GET', '/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body as string;
    expect(text).toMatch(/^rowgate_http_request_duration_seconds_bucket\{.*method="POST".*route="\/graphql".*status="200".*\} \d+$/m);
    expect(text).toMatch(/^rowgate_http_request_duration_seconds_count\{method="POST",route="\/auth\/register",status="201"\} [1-9]/m);
    expect(text).toMatch(/^rowgate_graphql_operations_total\{operation="ConsoleSession",outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^rowgate_db_pool_connections \d+$/m);
    expect(text).toMatch(/^rowgate_db_pool_idle_connections \d+$/m);
    expect(text).toMatch(/^rowgate_db_pool_waiting_requests \d+$/m);
    // Unmatched URLs share one label value: clients cannot grow the label set.
    expect(text).not.toContain('no-such-route-1234');
    expect(text).toMatch(/route="unmatched",status="404"/);
  });

  test('operations that fail or are refused are counted with their outcome', async () => {
    const ann = await register(server, 'Ann');
    const org = await gql(server, CreateConsoleOrganizationDocument, { name: 'Metrics', slug: 'metrics-org' }, { token: ann.accessToken });
    // `error`: executed, with an error (the slug is taken).
    await gql(server, CreateConsoleOrganizationDocument, { name: 'Metrics', slug: 'metrics-org' }, { token: ann.accessToken });
    // `rejected`: never executed (too deep; page size over the cap).
    let deep = 'rowId';
    for (let i = 0; i < server.config.graphql.maxDepth; i += 1) deep = `tasks(first: 1) { nodes { organization { ${deep} } } }`;
    const refused = await http(server, 'POST', '/graphql', { body: { query: `query TooDeep { ${deep} }`, operationName: 'TooDeep' } });
    expect(refused.status).toBe(400);
    const tooMany = await gql(server, TaskListDocument, { first: 1_000_000 }, { token: ann.accessToken, organizationId: org.data!.createOrganization!.organization!.rowId });
    expect(tooMany.status).toBe(400);

    const text = (await http(server, 'GET', '/metrics')).body as string;
    expect(text).toMatch(/^rowgate_graphql_operations_total\{operation="CreateConsoleOrganization",outcome="error"\} [1-9]/m);
    expect(text).toMatch(/^rowgate_graphql_operations_total\{operation="TaskList",outcome="rejected"\} [1-9]/m);
    // TooDeep is no operation of client/operations: it is counted, under `other`; so are the tests' own
    // probes (test/operations), which are not shipped.
    await gql(server, CurrentUserDocument, {}, { token: ann.accessToken });
    expect(((await http(server, 'GET', '/metrics')).body as string)).not.toMatch(/operation="CurrentUser"/);
    expect(text).toMatch(/^rowgate_graphql_operations_total\{operation="other",outcome="rejected"\} [1-9]/m);
    expect(text).not.toContain('TooDeep');
  });

  test('a GET naming a document that is refused counts as rejected; a browser opening /graphql does not', async () => {
    const rejected = async () => Number(/^rowgate_graphql_operations_total\{operation="other",outcome="rejected"\} (\d+)$/m.exec((await http(server, 'GET', '/metrics')).body as string)?.[1] ?? 0);
    const before = await rejected();
    const visit = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(visit.status).toBe(302);
    const refused = await http(server, 'GET', `/graphql?query=${encodeURIComponent('{ nope }')}`);
    expect(refused.status).toBe(400);
    expect(await rejected()).toBe(before + 1);
  });

  test('operation names a client makes up never become label values, executed or refused, signed in or not', async () => {
    const ann = await register(server, 'Ann');
    const before = ((await http(server, 'GET', '/metrics')).body as string).split('\n').filter((l) => l.startsWith('rowgate_graphql_operations_total')).length;
    for (let i = 0; i < 40; i += 1) {
      const name = `Invented${i}x${Date.now()}`;
      await http(server, 'POST', '/graphql', { body: { query: `query ${name} { __typename }` } });
      await http(server, 'POST', '/graphql', { body: { query: `query ${name} { nope }`, operationName: name }, headers: { authorization: `Bearer ${ann.accessToken}` } });
    }
    const lines = ((await http(server, 'GET', '/metrics')).body as string).split('\n').filter((l) => l.startsWith('rowgate_graphql_operations_total'));
    expect(lines.join('\n')).not.toMatch(/Invented/);
    // At most the `other` series of each outcome can be new.
    expect(lines.length - before).toBeLessThanOrEqual(2);
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^rowgate_graphql_operations_total\{operation="other",outcome="ok"\} [1-9]/)]));
  });

  test('METRICS_TOKEN: /metrics answers only to its bearer token (401 INVALID_TOKEN otherwise); the API is unaffected', async () => {
    const guarded = await startTestServer({ METRICS_TOKEN: 'scrape-secret' });
    try {
      for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: 'scrape-secret' }] as Record<string, string>[]) {
        const refused = await http(guarded, 'GET', '/metrics', { headers });
        expect(refused.status, JSON.stringify(headers)).toBe(401);
        expect(refused.body).toEqual({ error: { code: 'INVALID_TOKEN', message: expect.stringMatching(/METRICS_TOKEN/) } });
        expect(refused.headers.get('www-authenticate')).toBe('Bearer');
      }
      const allowed = await http(guarded, 'GET', '/metrics', { headers: { authorization: 'Bearer scrape-secret' } });
      expect(allowed.status).toBe(200);
      expect(allowed.body).toMatch(/^rowgate_db_pool_connections \d+$/m);
      expect((await gql(guarded, CurrentUserDocument, {})).errors).toBeUndefined();
    } finally {
      await guarded.close();
    }
  });

  test('METRICS_PORT: /metrics is served only on its own listener, which reports the main port\'s traffic', async () => {
    const apart = await startTestServer({ METRICS_PORT: '0' });
    try {
      expect(apart.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(apart.metricsUrl).not.toBe(apart.url);
      const onMain = await http(apart, 'GET', '/metrics');
      expect(onMain.status).toBe(404);
      expect(onMain.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
      await gql(apart, ConsoleSessionDocument, {}, { token: (await register(apart, 'Apart')).accessToken });
      const scraped = await http({ url: apart.metricsUrl! }, 'GET', '/metrics');
      expect(scraped.status).toBe(200);
      expect(scraped.body).toMatch(/^rowgate_graphql_operations_total\{operation="ConsoleSession",outcome="ok"\} [1-9]/m);
      expect((await http({ url: apart.metricsUrl! }, 'POST', '/graphql', { body: { query: '{ __typename }' } })).status).toBe(404);
    } finally {
      await apart.close();
    }
  });

  test('a bad METRICS_PORT names its variable', () => {
    for (const METRICS_PORT of ['abc', '70000', '-1']) expect(() => readServerConfig({ METRICS_PORT }), METRICS_PORT).toThrow(/^METRICS_PORT\b/);
  });
});

describe('configuration', () => {
  test('production without JWT_PRIVATE_KEY or CORS_ORIGINS refuses, naming the variable', async () => {
    expect(() => readServerConfig({ NODE_ENV: 'production', CORS_ORIGINS: 'https://app.example' })).toThrow(ConfigError);
    expect(() => readServerConfig({ NODE_ENV: 'production', CORS_ORIGINS: 'https://app.example' })).toThrow(/JWT_PRIVATE_KEY/);
    const key = await productionKey();
    expect(() => readServerConfig({ NODE_ENV: 'production', JWT_PRIVATE_KEY: key })).toThrow(/CORS_ORIGINS/);
    expect(readServerConfig({ NODE_ENV: 'production', JWT_PRIVATE_KEY: key, CORS_ORIGINS: 'https://app.example' }).production).toBe(true);
  });

  test('a bad value names its variable', () => {
    for (const PORT of ['abc', '70000', '-1']) {
      expect(() => readServerConfig({ PORT }), PORT).toThrow(/^PORT\b/);
    }
    expect(() => readServerConfig({ GRAPHQL_MAX_PAGE_SIZE: 'lots' })).toThrow(/GRAPHQL_MAX_PAGE_SIZE/);
    expect(() => readServerConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => readServerConfig({ JWT_ALGORITHM: 'HS256' })).toThrow(/JWT_ALGORITHM/);
    expect(() => readServerConfig({ AUTH_JWKS_URL: 'https://idp.example/jwks' })).toThrow(/AUTH_ISSUER/);
  });

  test('npm start in production with nothing set names every missing setting at once, then exits 1', async () => {
    const start = spawnNode(['server/main.ts'], { PATH: process.env.PATH, NODE_ENV: 'production', PORT: 'soon' });
    const { code } = await start.exited;
    expect(code).toBe(1);
    const told = logEntries(start.stderr()).map((entry) => entry.msg).join('\n');
    for (const name of ['PORT: must be a whole number, got "soon"', 'JWT_PRIVATE_KEY', 'CORS_ORIGINS', 'SMTP_URL', 'PUBLIC_URL', 'DATABASE_URL', 'DB_OWNER_PASSWORD', 'DB_AUTHENTICATOR_PASSWORD', 'DB_WORKER_PASSWORD']) {
      expect(told, name).toContain(name);
    }
    expect(told).toContain('9 settings need attention');
    expect(told).not.toMatch(/\n\s+at /); // a message for an operator, not a stack trace
  });

  test('defaults: 127.0.0.1:4000, page size cap 100, GraphiQL on outside production', () => {
    const config = readServerConfig({});
    expect(config).toMatchObject({ production: false, host: '127.0.0.1', port: 4000, graphql: { maxPageSize: 100 } });
  });
});

describe('production hardening', () => {
  let prod: TestServer;
  beforeAll(async () => {
    prod = await startTestServer({ NODE_ENV: 'production', JWT_PRIVATE_KEY: await productionKey(), CORS_ORIGINS: 'https://app.example' });
  });
  afterAll(() => prod?.close());

  test('/metrics is off the public port (no METRICS_PORT, no METRICS_TOKEN): 404', async () => {
    const response = await http(prod, 'GET', '/metrics');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  test('GraphiQL is off: GET /graphiql is 404', async () => {
    const response = await http(prod, 'GET', '/graphiql');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  test('introspection is refused (__schema and __type), ordinary queries are served', async () => {
    for (const query of ['query I { __schema { types { name } } }', 'query T { __type(name: "Task") { fields { name } } }']) {
      const response = await http(prod, 'POST', '/graphql', { body: { query } });
      expect(response.status, query).toBe(400);
      expect(response.body.data, query).toBeUndefined();
      expect(response.body.errors[0].message, query).toMatch(/introspection/i);
      expect(JSON.stringify(response.body)).not.toContain('TaskStatus');
    }
    const ann = await register(prod, 'Ann');
    const me = await gql(prod, CurrentUserDocument, {}, { token: ann.accessToken });
    expect(me.errors).toBeUndefined();
    expect(me.data?.currentUser?.rowId).toBe(ann.user.id);
  });

  test('field suggestions are hidden in production, where they would spell out the schema; kept in development', async () => {
    const ann = await register(prod, 'Sam');
    const caller = { authorization: `Bearer ${ann.accessToken}` };
    const typos = [
      'query { currentUsr { rowId } }',
      'query { currentUser { rowld } }',
      'query { organizations(orderBy: [NAME_AS]) { totalCount } }',
      'query ($o: [OrganizationOrderBy!]) { organizations(orderBy: $o) { totalCount } }',
    ];
    for (const query of typos) {
      for (const accept of ['application/json', 'application/graphql-response+json']) {
        const variables = query.includes('$o') ? { o: ['NAME_AS'] } : {};
        const response = await http(prod, 'POST', '/graphql', { body: { query, variables }, headers: { ...caller, accept } });
        expect(response.body.errors?.length, query).toBeGreaterThan(0);
        expect(JSON.stringify(response.body), query).not.toMatch(/Did you mean/);
        expect(response.body.errors[0].extensions.code, query).toBe('VALIDATION_FAILED');
      }
    }
    const dev = await http(server, 'POST', '/graphql', { body: { query: typos[0] } });
    expect(dev.body.errors[0].message).toMatch(/Did you mean "currentUser"\?/);
  });

  test('the JWKS serves the public half of JWT_PRIVATE_KEY only', async () => {
    const response = await http(prod, 'GET', '/.well-known/jwks.json');
    expect(response.status).toBe(200);
    expect(response.body.keys).toHaveLength(1);
    expect(response.body.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(response.body.keys[0]).not.toHaveProperty('d');
  });

  test('CORS: the allowed origin gets access-control-allow-origin, another origin does not', async () => {
    const allowed = await http(prod, 'GET', '/healthz', { headers: { origin: 'https://app.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    const other = await http(prod, 'GET', '/healthz', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    const preflight = await http(prod, 'OPTIONS', '/graphql', {
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, x-organization-id' },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/x-organization-id/);
    const evilPreflight = await http(prod, 'OPTIONS', '/graphql', { headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(evilPreflight.headers.get('access-control-allow-origin')).toBeNull();
    // Loopback origins are a development convenience only.
    const local = await http(prod, 'OPTIONS', '/graphql', { headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' } });
    expect(local.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('security headers are set (helmet), with a content security policy in production', async () => {
    const response = await http(prod, 'GET', '/healthz');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('development', () => {
  test('the schema follows the database: a column a DBA adds (db:watch) is served without a restart', { timeout: 60_000 }, async () => {
    const watched = await startTestServer({}, { watch: true });
    try {
      const ann = await register(watched, 'Dba');
      const created = await gql(watched, CreateOrganizationDocument, { name: 'Watched', slug: 'watched-schema' }, { token: ann.accessToken });
      const headers = { authorization: `Bearer ${ann.accessToken}`, 'x-organization-id': created.data!.createOrganization!.organization!.rowId };
      const ask = () => http(watched, 'POST', '/graphql', { body: { query: '{ tasks(first: 1) { nodes { isFlagged } } }' }, headers });
      expect((await ask()).body.errors[0].message).toMatch(/Cannot query field "isFlagged"/);
      await watched.db.pool.query(`alter table app_public.tasks add column is_flagged boolean not null default false;
        grant insert (is_flagged), update (is_flagged) on app_public.tasks to app_user`);
      const served = await waitFor(async () => {
        const answer = await ask();
        return answer.body.errors === undefined && answer;
      }, 30_000, 'isFlagged served');
      expect(served.body.data.tasks.nodes).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  test('GET /graphiql serves the GraphiQL (Ruru) HTML page', async () => {
    const response = await http(server, 'GET', '/graphiql');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.body as string).toMatch(/<html/i);
  });

  test('no CORS_ORIGINS: a loopback origin (a local dev server) is allowed, no other', async () => {
    const response = await http(server, 'GET', '/healthz', { headers: { origin: 'https://app.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000', 'http://[::1]:8080']) {
      const preflight = await http(server, 'OPTIONS', '/graphql', {
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, x-organization-id' },
      });
      expect(preflight.status, origin).toBeLessThan(300);
      expect(preflight.headers.get('access-control-allow-origin'), origin).toBe(origin);
    }
    for (const origin of ['http://localhost.evil.example', 'http://127.0.0.1.evil.example:5173', 'null']) {
      const preflight = await http(server, 'OPTIONS', '/graphql', { headers: { origin, 'access-control-request-method': 'POST' } });
      expect(preflight.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  test('security headers are set there too', async () => {
    const response = await http(server, 'GET', '/healthz');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

// ---------------------------------------------------------------------------------------------------------
// Graceful shutdown of `npm start` (node server/main.ts) as a real child process.



describe('graceful shutdown', () => {
  test('SIGTERM: stops accepting, in-flight requests complete with 200, the process exits 0, its PostgreSQL is stopped', { timeout: 180_000 }, async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rowgate-shutdown-'));
    // Reachable by the `postgres` OS user (we may be root), so the cluster stays inside DATA_DIR.
    await fs.chmod(dataDir, 0o755);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: '0',
      PORT: '0',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      // The in-flight requests below wait on a lock; they must not time out while they do.
      STATEMENT_TIMEOUT_MS: '120000',
    };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['server/main.ts'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    const printed = (pattern: RegExp) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout);
          if (match) resolve(match);
        };
        child.stdout.on('data', check);
        check();
        void exited.then(() => reject(new Error(`npm start ended before printing ${pattern}\nstdout:\n${stdout}\nstderr:\n${stderr}`)));
      });
    let postmasterPid: number | undefined;
    let locker: pg.Client | undefined;
    let watcher: pg.Client | undefined;
    try {
      const url = (await printed(/GraphQL at (http:\/\/\S+)\/graphql/))[1];
      const target = { url };
      const pidLines = (await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n');
      postmasterPid = Number(pidLines[0]);
      const pgPort = Number(pidLines[3]);
      expect((await http(target, 'GET', '/readyz')).status).toBe(200);

      const ann = await register(target, 'Ann');
      const org = await gql(target, CreateOrganizationDocument, { name: 'Drain', slug: 'drain' }, { token: ann.accessToken });
      const caller = { token: ann.accessToken, organizationId: org.data!.createOrganization!.organization!.rowId };
      // Keep-alive connections that were idle at SIGTERM must not hold the shutdown up either.
      expect((await http(target, 'GET', '/healthz')).status).toBe(200);

      // Requests that are certainly in flight: they wait in PostgreSQL on a lock a superuser holds.
      const password = (await fs.readFile(path.join(dataDir, 'superuser-password'), 'utf8')).trim();
      const superuserUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/rowgate`;
      locker = new pg.Client({ connectionString: superuserUrl });
      watcher = new pg.Client({ connectionString: superuserUrl });
      await locker.connect();
      await watcher.connect();
      await locker.query('begin');
      await locker.query('lock table app_public.tasks in access exclusive mode');
      const headers = { authorization: `Bearer ${caller.token}`, 'x-organization-id': caller.organizationId };
      // One SQL statement per request (no totalCount), so each holds one connection of the pool; four,
      // one user's share of it (server/fair-share.ts), so all of them reach PostgreSQL.
      const inFlight = Array.from({ length: 4 }, () =>
        http(target, 'POST', '/graphql', { body: { query: 'query Drain { tasks(first: 10) { nodes { rowId } } }' }, headers }),
      );
      for (;;) {
        // (Not from the locker: inside its transaction pg_stat_activity would stay one snapshot.)
        const { rows } = await watcher.query<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where datname = 'rowgate' and wait_event_type = 'Lock' and wait_event = 'relation'",
        );
        if (rows[0].n >= inFlight.length) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }

      child.kill('SIGTERM');
      await waitFor(async () => said(stdout, 'stopping'), 30_000, 'npm start to say it is stopping');
      // It stops accepting while the requests are still waiting.
      for (;;) {
        if (await refusesConnections(Number(new URL(url).port))) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await locker.query('rollback');
      await Promise.all([locker.end(), watcher.end()]);
      locker = watcher = undefined;

      const results = await Promise.all(inFlight);
      expect(results.map((r) => [r.status, r.body])).toEqual(inFlight.map(() => [200, { data: { tasks: { nodes: [] } } }]));
      // Answered while closing, so the client does not keep the connection alive (and the server does not
      // wait for it to time out before exiting).
      expect(results.map((r) => r.headers.get('connection'))).toEqual(inFlight.map(() => 'close'));

      expect(await exited).toEqual({ code: 0, signal: null });
      // Its PostgreSQL is gone: no postmaster.pid, no process, nothing listening.
      await expect(fs.access(path.join(dataDir, 'pg', 'postmaster.pid'))).rejects.toThrow();
      expect(isRunning(postmasterPid)).toBe(false);
      expect(await refusesConnections(pgPort)).toBe(true);
    } finally {
      await locker?.end().catch(() => {});
      await watcher?.end().catch(() => {});
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      if (postmasterPid && isRunning(postmasterPid)) process.kill(postmasterPid, 'SIGQUIT');
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
