// The read benchmark's three sides, on the same data and identities:
//   graphql — `TasksPage` (tasks(first: 100, orderBy: CREATED_AT_DESC)) through the running server;
//   raw     — the exact messages the server sends for it (captured below: the opening message with
//             begin, the settings and the session check, the page query and commit, in one write), sent
//             from `pg` as the authenticator with the same settings and role switch: PostgreSQL's own limit;
//   owner   — the same page query with an explicit organization filter instead of RLS, as a role that
//             bypasses RLS (the superuser: rowgate's owner role is itself bound by the forced policies).
import type { FastifyRequest } from 'fastify';
import pg from 'pg';
import { connect } from '../db/bootstrap.ts';
import { makeSchema } from 'postgraphile';
import { grafast } from 'postgraphile/grafast';
import { TasksPageDocument } from '../test/generated/graphql.ts';
import { readServerConfig } from '../server/config.ts';
import { silentLog } from '../server/graphql/export-schema.ts';
import { inOneWrite, openTransaction } from '../server/graphql/pg-adaptor.ts';
import { makePreset } from '../server/graphql/preset.ts';
import { Metrics } from '../server/ops/metrics.ts';
import { requestSettings } from '../server/request-context.ts';
import { RequestLedger } from '../server/request-ledger.ts';
import type { RunDatabase } from './dataset.ts';
import { graphqlRequest, USER_AGENT, type Identity } from './stack.ts';

export const PAGE_SIZE = 100;
const SERVER_CONFIG = readServerConfig({ NODE_ENV: 'production', JWT_PRIVATE_KEY: 'unused', CORS_ORIGINS: 'http://bench.localhost' });

export interface RecordedQuery {
  text: string;
  values?: unknown[];
  name?: string;
  rowMode?: 'array';
}

/** The pgSettings the server gives an authenticated request of this identity (its own function, reused). */
export function settingsFor(identity: Identity, requestId: string, ledger?: RequestLedger): Record<string, string> {
  const request = {
    ledger,
    auth: { userId: identity.userId, sessionId: identity.sessionId },
    organizationId: identity.organizationId,
    id: requestId,
    ip: '127.0.0.1',
    headers: { 'user-agent': USER_AGENT },
  } as unknown as FastifyRequest;
  return requestSettings(request, SERVER_CONFIG);
}

export const graphqlPageRequest = (identity: Identity) => graphqlRequest(identity, TasksPageDocument, { first: PAGE_SIZE });

/**
 * Runs TasksPage once through the server's own preset (production mode, as this identity) on a pool
 * that records every message, and returns that transaction: the opening message, the page query, commit.
 */
export async function capturePageTransaction(run: RunDatabase, identity: Identity): Promise<RecordedQuery[]> {
  const recorded: RecordedQuery[] = [];
  const pool = new pg.Pool({ connectionString: run.authenticatorUrl, max: 1 });
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((config: unknown, ...rest: unknown[]) => {
      if (typeof config === 'string') recorded.push({ text: config });
      else if (typeof config === 'object' && config !== null && 'text' in config) recorded.push({ ...(config as RecordedQuery) });
      return query(config, ...rest);
    }) as typeof client.query;
  });
  try {
    const base = makePreset(SERVER_CONFIG, { pool, log: silentLog, metrics: new Metrics(pool) });
    // A query, as the server's operation middleware marks it on the request's ledger (operation-metrics.ts).
    const ledger = Object.assign(new RequestLedger(), { operation: 'query' as const });
    const preset: GraphileConfig.Preset = { extends: [base], grafast: { context: () => ({ pgSettings: settingsFor(identity, 'capture', ledger) }) } };
    const { schema, resolvedPreset } = await makeSchema(preset);
    const result = (await grafast({
      schema,
      source: String(TasksPageDocument),
      variableValues: { first: PAGE_SIZE },
      resolvedPreset,
      requestContext: {},
    })) as { data?: { tasks: { nodes: unknown[] } }; errors?: unknown[] };
    if (result.errors || result.data?.tasks.nodes.length !== PAGE_SIZE) {
      throw new Error(`capturing the page query failed: ${JSON.stringify(result.errors ?? result.data)}`);
    }
  } finally {
    await pool.end();
  }
  const begin = recorded.findIndex((q) => q.text.startsWith('begin read only; select set_config('));
  const transaction = recorded.slice(begin, recorded.findIndex((q, i) => i > begin && q.text === 'commit') + 1);
  if (begin < 0 || transaction.length < 3) {
    throw new Error(`unexpected messages from the server's adaptor: ${recorded.map((q) => q.text.slice(0, 60)).join(' | ')}`);
  }
  return transaction;
}

/** Whether message `index` of a captured transaction is a page query (not the opening message or commit). */
const isPageQuery = (transaction: RecordedQuery[], index: number) => index > 0 && index < transaction.length - 1;

/**
 * One run of a captured transaction as the server sends it, with `settings` in its opening message: the
 * opening, the page query and commit in one write, on a pipelining client as the server's pool is.
 * Returns the rows the page query gave.
 */
export async function replay(client: pg.Client, transaction: RecordedQuery[], settings: Record<string, string>): Promise<unknown[]> {
  const [, ...statements] = transaction;
  const answers = await Promise.allSettled(
    inOneWrite(client, () => [client.query(openTransaction(settings, { readOnly: true }).text), ...statements.map((query) => client.query(query))]),
  );
  const failed = answers.find((answer) => answer.status === 'rejected');
  if (failed) throw failed.reason;
  return answers.flatMap((answer, index) => (answer.status === 'fulfilled' && isPageQuery(transaction, index) ? answer.value.rows : []));
}

/**
 * The owner variant of a captured transaction: the same settings without the role switch, and the page
 * query filtered by organization explicitly (a first condition, bound as a new last parameter).
 */
export function withoutRls(transaction: RecordedQuery[], identity: Identity, requestId: string) {
  const { role: _role, ...settings } = settingsFor(identity, requestId);
  const statements = transaction.map((query, index) => {
    if (!isPageQuery(transaction, index)) return query;
    const values = [...(query.values ?? []), identity.organizationId];
    const alias = /from "app_public"\."tasks" as (__tasks\w*__)/.exec(query.text)?.[1];
    if (!alias) throw new Error(`cannot find the tasks table in: ${query.text}`);
    const filter = `${alias}."organization_id" = $${values.length}::uuid`;
    const text = /\bwhere\b/.test(query.text)
      ? query.text.replace(/\bwhere\b/, `where ${filter} and`)
      : query.text.replace(/\border by\b/, `where ${filter}\norder by`);
    return { ...query, text, values, name: query.name && `owner_${query.name.slice(0, 50)}` };
  });
  return { statements, settings };
}

/**
 * Checks that the owner variant reads exactly the rows RLS lets `identity` read (otherwise "RLS cost" would
 * compare different work), and returns the page query's plan under RLS (EXPLAIN ANALYZE, BUFFERS).
 */
export async function checkPageQuery(run: RunDatabase, transaction: RecordedQuery[], identity: Identity): Promise<string> {
  const once = async (url: string, statements: RecordedQuery[], settings: Record<string, string>) => {
    const client = await connect(url);
    try {
      return await replay(client, statements, settings);
    } finally {
      await client.end();
    }
  };
  const withRls = await once(run.authenticatorUrl, transaction, settingsFor(identity, 'check'));
  const owner = withoutRls(transaction, identity, 'check');
  const withoutPolicies = await once(run.adminUrl, owner.statements, owner.settings);
  if (withRls.length === 0 || JSON.stringify(withRls) !== JSON.stringify(withoutPolicies)) {
    throw new Error('the owner variant of the page query does not read the rows RLS allows; the RLS cost would be meaningless');
  }
  const explained = transaction.map((query, index) =>
    isPageQuery(transaction, index) ? { text: `explain (analyze, buffers, costs off) ${query.text}`, values: query.values } : query,
  );
  const plan = await once(run.authenticatorUrl, explained, settingsFor(identity, 'explain'));
  return plan.map((row) => (row as { 'QUERY PLAN': string })['QUERY PLAN']).join('\n');
}
