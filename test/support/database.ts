// A database of the test file's own, copied from the migrated template, plus helpers that act as a
// given role inside a transaction that is always rolled back.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { ensureDatabase, withDatabase } from '../../db/bootstrap.ts';
import { readDatabaseConfig } from '../../db/config.ts';
import { roleUrls } from '../../db/database.ts';

export interface TestDatabase {
  name: string;
  /** Superuser connection URL to this database. */
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('adminUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await ensureDatabase(admin, name, inject('templateDatabase'));
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle connection cut by the server (a restart in the fault tests, `drop ... with (force)`) is an
  // event the pool reports; a query on it still fails where it is made.
  pool.on('error', () => {});
  return {
    name,
    url,
    pool,
    async drop() {
      await pool.end();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** The login URLs of rowgate's roles on a test database (development passwords). */
export function roleUrlsFor(db: TestDatabase) {
  return roleUrls(db.url, { ...readDatabaseConfig({}), databaseName: db.name });
}

/** Who acts: the API role and the request settings the server would set. */
export interface Actor {
  role: 'app_anonymous' | 'app_user';
  userId?: string;
  sessionId?: string;
  organizationId?: string;
}

export const anonymous: Actor = { role: 'app_anonymous' };

/** Sets the actor's role and settings for the rest of the current transaction. */
export async function becomeActor(client: pg.ClientBase, actor: Actor): Promise<void> {
  await client.query(
    `select set_config('jwt.claims.sub', $1, true), set_config('jwt.claims.sid', $2, true),
            set_config('app.current_org_id', $3, true)`,
    [actor.userId ?? '', actor.sessionId ?? '', actor.organizationId ?? ''],
  );
  await client.query(`set local role ${actor.role}`);
}

/** Runs fn as the actor in a transaction that is rolled back afterwards, whatever happens. */
export async function asActor<T>(pool: pg.Pool, actor: Actor, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return inTransaction(pool, async (client) => {
    await becomeActor(client, actor);
    return fn(client);
  });
}

export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    return await fn(client);
  } finally {
    await client.query('rollback').catch(() => {});
    client.release();
  }
}

/** The SQLSTATE of the error fn throws (fn must throw), rolled back to a savepoint so the transaction goes on. */
export async function sqlState(client: pg.ClientBase, fn: () => Promise<unknown>): Promise<string> {
  await client.query('savepoint probe');
  try {
    await fn();
  } catch (error) {
    await client.query('rollback to savepoint probe');
    return (error as { code?: string }).code ?? 'no code';
  }
  await client.query('release savepoint probe');
  throw new Error('expected the statement to fail, but it succeeded');
}
