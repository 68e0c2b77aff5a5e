// Several server processes as one server: `start:server` with SERVER_PROCESSES=2 shares one port between
// two processes; a user's rate limit holds whichever answers (counted at the primary, or in PostgreSQL
// for replicas that share nothing but the database), /metrics counts every process's requests, SIGTERM
// drains both and exits 0.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { readDatabaseConfig } from '../../db/config.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { productionKey } from '../support/keys.ts';
import { spawnNode, type Child } from '../support/processes.ts';

const METRICS_TOKEN = 'scale-out-metrics';
let db: TestDatabase;
let key: string;

beforeAll(async () => {
  db = await createTestDatabase();
  key = await productionKey();
});
afterAll(() => db?.drop());

async function startServer(env: Record<string, string>): Promise<{ child: Child; url: string }> {
  const admin = new URL(inject('adminUrl'));
  const child = spawnNode(['server/serve.ts'], {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: `postgres://${admin.hostname}:${admin.port}/${db.name}`,
    DB_AUTHENTICATOR_PASSWORD: readDatabaseConfig({}).passwords.authenticator,
    JWT_PRIVATE_KEY: key,
    CORS_ORIGINS: 'https://app.example',
    METRICS_TOKEN,
    LOG_LEVEL: 'debug',
    ...env,
  });
  const line = await child.waitFor(/GraphQL at /);
  return { child, url: /GraphQL at (http:\/\/\S+)\/graphql/.exec(line)![1] };
}

async function stop(child: Child) {
  child.process.kill('SIGTERM');
  return child.exited;
}

/** A request on a connection of its own, so that the cluster hands each to the next process. */
function request(url: string, method: string, pathname: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(pathname, url), { method, headers: { ...headers, connection: 'close' }, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function signUp(url: string, email: string): Promise<string> {
  const { status, body } = await request(url, 'POST', '/auth/register', { 'content-type': 'application/json' }, JSON.stringify({ email, password: 'correct horse battery', name: 'Scale' }));
  expect(status).toBe(201);
  return (JSON.parse(body) as { accessToken: string }).accessToken;
}

const graphql = (url: string, token: string) =>
  request(url, 'POST', '/graphql', { 'content-type': 'application/json', authorization: `Bearer ${token}` }, JSON.stringify({ query: '{ currentUser { rowId } }' }));

/** The pids that wrote request lines: which processes answered. */
const answeringPids = (child: Child) =>
  new Set(child.stdout().split('\n').flatMap((line) => (line.includes('"msg":"request"') ? [JSON.parse(line).pid as number] : [])));

describe('SERVER_PROCESSES=2', () => {
  let server: { child: Child; url: string };
  beforeAll(async () => {
    server = await startServer({ SERVER_PROCESSES: '2', RATE_LIMIT_GRAPHQL_PER_MINUTE: '6' });
  }, 60_000);
  afterAll(async () => {
    if (server?.child.running) await stop(server.child);
  });

  test('prints its address once, naming the processes', () => {
    expect(server.child.stdout().match(/GraphQL at /g)).toHaveLength(1);
    expect(server.child.stdout()).toMatch(/GraphQL at http:\/\/\S+\/graphql \(2 processes\)/);
  });

  test("a user's rate limit is one budget across the processes (counted at the primary)", async () => {
    const token = await signUp(server.url, 'limit@scale.test');
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await graphql(server.url, token)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(6);
    expect(statuses.slice(6)).toEqual([429, 429, 429, 429]);
    expect(answeringPids(server.child).size).toBe(2); // both processes answered
  });

  test('/metrics reports every process: the requests of both, whichever answers the scrape', async () => {
    const before = await healthzCount();
    for (let i = 0; i < 8; i++) expect((await request(server.url, 'GET', '/healthz')).status).toBe(200);
    expect((await healthzCount()) - before).toBe(8);

    async function healthzCount(): Promise<number> {
      const { status, body } = await request(server.url, 'GET', '/metrics', { authorization: `Bearer ${METRICS_TOKEN}` });
      expect(status).toBe(200);
      return Number(/^rowgate_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} (\d+)$/m.exec(body)?.[1] ?? 0);
    }
  });

  test('SIGTERM: both processes drain and the server exits 0', async () => {
    expect(await stop(server.child)).toEqual({ code: 0, signal: null });
  });
});

describe('RATE_LIMIT_STORE=postgres', () => {
  test('two replicas sharing only the database share one budget per user', { timeout: 60_000 }, async () => {
    const env = { RATE_LIMIT_STORE: 'postgres', RATE_LIMIT_GRAPHQL_PER_MINUTE: '6' };
    const [a, b] = await Promise.all([startServer(env), startServer(env)]);
    try {
      const token = await signUp(a.url, 'replicas@scale.test');
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await graphql(i % 2 ? b.url : a.url, token)).status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(6);
      expect(statuses.slice(6)).toEqual([429, 429, 429, 429]);
    } finally {
      await Promise.all([stop(a.child), stop(b.child)]);
    }
  });
});
