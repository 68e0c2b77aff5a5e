// The server's own queries (the /auth endpoints and the per-request session check) run like GraphQL
// requests do: as the authenticator, switched to an API role for one transaction.
import pg from 'pg';

export type ApiRole = 'app_anonymous' | 'app_user';

export interface RequestSettings {
  role: ApiRole;
  [setting: string]: string;
}

export async function withRole<T>(pool: pg.Pool, settings: RequestSettings, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
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
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
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
