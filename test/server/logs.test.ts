// What the server writes in its log. The per-request line (server/ops/access-log.ts): one line per
// request, at debug for an ordinary answer, info for a client's mistake, warn when slower than
// SLOW_OPERATION_MS, with the request id, the operation, its duration and its round trips to PostgreSQL;
// never Fastify's own two lines. And one format for a whole `npm start` (db/log.ts): start-up lines,
// migrations, the worker, requests and what libraries print on the console are all JSON lines.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '../../db/ports.ts';
import { TasksPageDocument } from '../generated/graphql.ts';
import { createOrganization } from '../support/organizations.ts';
import { logEntries, said, spawnNode } from '../support/processes.ts';
import { http, register, startTestServer, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/worker.ts';

type Line = Record<string, unknown>;

function capture() {
  const lines: Line[] = [];
  const stream = new PassThrough();
  let rest = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    for (const part of parts) if (part) lines.push(JSON.parse(part) as Line);
  });
  return { stream, lines };
}

const of = (lines: Line[], requestId: string | null) => lines.filter((line) => line.reqId === requestId);

/** The lines of one request, by the id it answered with, once there is one (written after the response). */
async function linesOf(lines: Line[], requestId: string | null): Promise<Line[]> {
  return waitFor(async () => of(lines, requestId).length > 0 && of(lines, requestId), 5_000, `a log line of request ${requestId}`);
}

describe('at LOG_LEVEL=warn with SLOW_OPERATION_MS=1', () => {
  let server: TestServer;
  const { stream, lines } = capture();
  beforeAll(async () => {
    server = await startTestServer({ LOG_LEVEL: 'warn', SLOW_OPERATION_MS: '1' }, { logStream: stream });
  });
  afterAll(() => server?.close());

  test('a GraphQL operation slower than the threshold is one warn line with its name, duration, round trips and request id', async () => {
    const { admin: ann, id: organizationId } = await createOrganization(server, 'Slow');
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ann.accessToken}`, 'x-organization-id': organizationId },
      body: JSON.stringify({ query: String(TasksPageDocument), variables: { first: 5 } }),
    });
    expect(response.status).toBe(200);
    const mine = await linesOf(lines, response.headers.get('x-request-id'));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ level: 40, msg: 'slow request', method: 'POST', route: '/graphql', status: 200, operation: 'TasksPage', roundTrips: 1 });
    expect(mine[0].durationMs).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(mine)).not.toContain(ann.accessToken);
  });
});

describe('at LOG_LEVEL=info', () => {
  let server: TestServer;
  const { stream, lines } = capture();
  beforeAll(async () => {
    server = await startTestServer({ LOG_LEVEL: 'info' }, { logStream: stream });
  });
  afterAll(() => server?.close());

  test('an ordinary answer writes nothing (its line is at debug), a client mistake one info line', async () => {
    const ok = await http(server, 'GET', '/healthz');
    const bad = await http(server, 'POST', '/auth/login', { body: { email: 'nobody@example.test', password: 'wrong password' } });
    expect(bad.status).toBe(401);
    const mine = await linesOf(lines, bad.headers.get('x-request-id'));
    // Written in order: once the later request's line is there, the earlier one's would be too.
    expect(of(lines, ok.headers.get('x-request-id'))).toEqual([]);
    expect(mine).toEqual([expect.objectContaining({ level: 30, msg: 'request', route: '/auth/login', status: 401, roundTrips: expect.any(Number) })]);
    expect(lines.some((line) => line.msg === 'incoming request' || line.msg === 'request completed')).toBe(false);
  });
});

describe('npm start\'s process (server/main.ts; npm\'s own banner is npm\'s): one log format', () => {
  test('start-up, migrations, the worker, requests and a library\'s console note (PostGraphile: a UUID given as a global id) are JSON lines with numeric levels', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rowgate-logs-'));
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: String(await freePort()), LOG_LEVEL: 'debug' };
    const child = spawnNode(['server/main.ts'], env);
    try {
      const url = /GraphQL at (http:\/\/\S+)\/graphql/.exec(await child.waitFor(/GraphQL at /))![1];
      const ann = await register({ url }, 'Ann');
      const uuid = '0190a4c2-6c0e-7000-8000-000000000000';
      const answer = await http({ url }, 'POST', '/graphql', { body: { query: `{ node(id: "${uuid}") { id } }` }, headers: { authorization: `Bearer ${ann.accessToken}` } });
      expect(answer.status).toBe(200);
      await waitFor(async () => logEntries(child.stdout()).some((entry) => entry.name === 'console' && entry.msg.includes(uuid)), 5_000, 'the note logged');
    } finally {
      child.process.kill('SIGTERM');
      await child.exited;
      await fs.rm(dataDir, { recursive: true, force: true });
    }
    const lines = `${child.stdout()}${child.stderr()}`.trim().split('\n');
    const entries = logEntries(lines.join('\n'));
    expect(entries).toHaveLength(lines.length);
    for (const entry of entries) {
      expect(entry).toMatchObject({ level: expect.any(Number), name: expect.stringMatching(/^(rowgate|server|worker|console)$/), msg: expect.any(String) });
    }
    const output = `${child.stdout()}${child.stderr()}`;
    expect(said(output, /^graphile-migrate: /, 'console')).toBe(true);
    expect(said(output, /^Worker connected/, 'worker')).toBe(true);
    expect(said(output, 'request', 'server')).toBe(true);
    expect(said(output, /^database ready at /)).toBe(true);
    expect(said(output, 'stopping')).toBe(true);
    expect(entries.find((entry) => entry.name === 'console' && entry.msg.includes('Could not find a type'))?.level).toBe(40);
  });
});
