// The real Fastify server on a test database of its own, listening on a free port, plus a small HTTP
// client that sends GraphQL through codegen's typed documents (client/generated).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { makeLogger } from '../../db/log.ts';
import { readServerConfig, type ServerConfig } from '../../server/config.ts';
import { startServer, type RunningServer } from '../../server/run.ts';
import { createTestDatabase, roleUrlsFor, type TestDatabase } from './database.ts';
import { startTestWorker, type TestWorker } from './worker.ts';

export interface TestServer {
  url: string;
  /** Where /metrics listens when METRICS_PORT gives it a port of its own. */
  metricsUrl: string | undefined;
  db: TestDatabase;
  config: ServerConfig;
  /** The in-process worker, when started with `worker: true`. */
  worker?: TestWorker;
  close(): Promise<void>;
}

/**
 * Starts the server; `env` overrides configuration variables (defaults: silent logs, generous limits).
 * `worker: true` runs the graphile-worker beside it on the same database, as `npm start` does.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: {
    poolSize?: number;
    worker?: boolean;
    newestBackup?: () => Promise<Date | undefined>;
    logStream?: NodeJS.WritableStream;
    /** Runs on the new database before the server starts (a DBA's migration the schema must include). */
    beforeStart?: (db: TestDatabase) => Promise<void>;
    /** Rebuild the schema when the database's DDL changes, as npm start does in development. */
    watch?: boolean;
  } = {},
): Promise<TestServer> {
  const db = await createTestDatabase();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rowgate-server-'));
  let worker: TestWorker | undefined;
  let server: RunningServer | undefined;
  let config: ServerConfig;
  try {
    await options.beforeStart?.(db);
    worker = options.worker ? await startTestWorker(db, env, () => server?.url) : undefined;
    config = readServerConfig({
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      RATE_LIMIT_AUTH_PER_MINUTE: '10000',
      RATE_LIMIT_GRAPHQL_PER_MINUTE: '100000',
      ...env,
    });
    server = await startServer(config, roleUrlsFor(db).authenticatorUrl, {
      poolSize: options.poolSize,
      worker: worker?.worker,
      newestBackup: options.newestBackup,
      log: makeLogger({ stream: options.logStream }),
      watchAs: options.watch ? db.url : undefined,
    });
  } catch (error) {
    // A half-started server must not leave its worker, database or keys behind.
    await worker?.stop();
    await db.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: server.url,
    metricsUrl: server.metricsUrl,
    db,
    config,
    worker,
    async close() {
      await server.close();
      await worker?.stop();
      await db.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export async function http<T = any>(
  server: { url: string },
  method: string,
  pathname: string,
  options: { body?: unknown; headers?: Record<string, string>; raw?: string } = {},
): Promise<HttpResult<T>> {
  // On /graphql the tests speak as GraphQL-over-HTTP clients do (urql, graphql-request): asking for
  // graphql-response+json, whose refusals are 4xx. What clients with other defaults get is
  // test/server/http-clients.test.ts's.
  const headers: Record<string, string> = pathname.startsWith('/graphql') ? { accept: 'application/graphql-response+json', ...options.headers } : { ...options.headers };
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(`${server.url}${pathname}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (e.g. /metrics); keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

export interface GraphQLResult<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }[];
}

/**
 * The data of an answer that must have succeeded: no errors array and data present, or it throws with the
 * whole answer printed (what `expect(result.errors).toBeUndefined()` and `result.data!` said in two lines).
 */
export function dataOf<R extends { data?: unknown; errors?: unknown }>(result: R): NonNullable<R['data']> {
  if (result.errors !== undefined || result.data == null) throw new Error(`GraphQL operation failed: ${JSON.stringify(result)}`);
  return result.data;
}

export interface Caller {
  token?: string;
  organizationId?: string;
}

/** A generated document of either typed client: the console's (client/generated) or the tests' (test/generated). */
export type TypedDocument<T, V> = DocumentTypeDecoration<T, V> & { __meta__?: Record<string, any> };

/** Sends a typed document (its text, and its hash when trusted documents are on). */
export async function gql<T, V>(
  server: { url: string; config?: ServerConfig },
  document: TypedDocument<T, V>,
  variables: V,
  caller: Caller = {},
): Promise<GraphQLResult<T>> {
  const headers: Record<string, string> = {};
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  if (caller.organizationId) headers['x-organization-id'] = caller.organizationId;
  const trusted = server.config?.graphql.trustedDocuments;
  const body = trusted ? { documentId: document.__meta__?.hash, variables } : { query: String(document), variables };
  const { status, body: result } = await http<Omit<GraphQLResult<T>, 'status'>>(server, 'POST', '/graphql', { body, headers });
  return { status, ...result };
}

export interface Session {
  user: { id: string; email: string; name: string };
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

let counter = 0;
/** Registers a new user through /auth/register. */
export async function register(server: { url: string }, name = 'User'): Promise<Session> {
  counter += 1;
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${process.pid}-${Date.now()}-${counter}@example.test`;
  const { status, body } = await http<Session>(server, 'POST', '/auth/register', { body: { email, password: 'correct horse battery', name } });
  if (status !== 201) throw new Error(`register failed: ${status} ${JSON.stringify(body)}`);
  return body;
}
