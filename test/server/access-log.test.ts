// The per-request log line (server/ops/access-log.ts): one line per request, at debug for an ordinary
// answer, info for a client's mistake, warn when slower than SLOW_OPERATION_MS, with the request id, the
// operation, its duration and its round trips to PostgreSQL; never Fastify's own two lines.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TasksPageDocument } from '../generated/graphql.ts';
import { createOrganization } from '../support/organizations.ts';
import { http, startTestServer, type TestServer } from '../support/server.ts';

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

/** The lines of one request, by the id it answered with. */
async function linesOf(lines: Line[], requestId: string | null): Promise<Line[]> {
  await new Promise((resolve) => setTimeout(resolve, 50)); // the line is written after the response
  return lines.filter((line) => line.reqId === requestId);
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
    expect(mine[0]).toMatchObject({ level: 40, msg: 'slow request', method: 'POST', route: '/graphql', status: 200, operation: 'TasksPage', roundTrips: 3 });
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
    expect(await linesOf(lines, ok.headers.get('x-request-id'))).toEqual([]);
    const bad = await http(server, 'POST', '/auth/login', { body: { email: 'nobody@example.test', password: 'wrong password' } });
    expect(bad.status).toBe(401);
    const mine = await linesOf(lines, bad.headers.get('x-request-id'));
    expect(mine).toEqual([expect.objectContaining({ level: 30, msg: 'request', route: '/auth/login', status: 401, roundTrips: expect.any(Number) })]);
    expect(lines.some((line) => line.msg === 'incoming request' || line.msg === 'request completed')).toBe(false);
  });
});
