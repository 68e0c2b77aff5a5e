// The server's own queries (the /auth endpoints and the per-request session check) run like GraphQL
// requests do: as the authenticator, switched to an API role for one transaction. And what an error
// from the database means for the client: some only say the database cannot be reached right now.
import pg from 'pg';

/** Connection failures, and PostgreSQL shutting down, starting up or out of connections. */
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300']);
/** What node-postgres and pg-pool say, without a code, when a connection is lost or cannot be had. */
const UNAVAILABLE_MESSAGE = /Connection terminated|Connection ended|timeout exceeded when trying to connect|not queryable|Client was closed/;

/**
 * Whether an error means the database cannot be reached (a restart, a failover, no connection to be
 * had), as opposed to one about the request: the client should retry, and nothing about its
 * credentials or its data follows from it.
 */
export function databaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE.has(code) || code.startsWith('08'))) return true;
  // Connecting to a host name with several addresses fails with each one's error.
  if (Array.isArray(errors) && errors.some(databaseUnavailable)) return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message);
}

export type ApiRole = 'app_anonymous' | 'app_user';

export interface RequestSettings {
  role: ApiRole;
  [setting: string]: string;
}

export async function asApiRole<T>(pool: pg.Pool, settings: RequestSettings, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('begin');
    const entries = Object.entries(settings);
    // `role` through set_config is SET LOCAL ROLE, as PostGraphile applies it.
    await client.query(
      `select ${entries.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`,
      entries.flat(),
    );
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (error) {
    // A connection that cannot even roll back (it died) is discarded, never handed to the next request.
    await client.query('rollback').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * One statement as an API role, in a transaction of its own, in a single round trip: `begin`, the settings,
 * the statement and `commit` go as one multi-statement simple query (which cannot take parameters, so
 * every setting is an escaped literal; the statement must embed its own). For checks on hot paths: the
 * session on every request, what a realtime subscriber may see.
 */
export async function queryInOneRoundTrip<R extends pg.QueryResultRow>(pool: pg.Pool, settings: RequestSettings, statement: string): Promise<R[]> {
  const assignments = Object.entries(settings).map(([name, value]) => `set_config(${pg.escapeLiteral(name)}, ${pg.escapeLiteral(value)}, true)`);
  const results = (await pool.query(`begin; select ${assignments.join(', ')}; ${statement}; commit;`)) as unknown as pg.QueryResult<R>[];
  return results[2].rows;
}
