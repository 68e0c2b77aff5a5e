// /healthz: the process is up (no database call). /readyz: the database answers and its newest applied
// migration is the newest one this build ships.
import fs from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { asApiRole } from '../role-transactions.ts';
import { errorBody } from '../errors.ts';

const COMMITTED = new URL('../../migrations/committed/', import.meta.url);

/** The `--! Hash:` header of the last committed migration file. */
async function expectedMigrationHash(): Promise<string | undefined> {
  const files = (await fs.readdir(COMMITTED)).filter((f) => f.endsWith('.sql')).sort();
  const last = files.at(-1);
  if (!last) return undefined;
  const text = await fs.readFile(new URL(last, COMMITTED), 'utf8');
  return /^--! Hash: (\S+)$/m.exec(text)?.[1];
}

export async function healthRoutes(app: FastifyInstance, { pool }: { pool: pg.Pool }) {
  const expected = await expectedMigrationHash();
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (request, reply) => {
    let applied: string | null;
    try {
      applied = await asApiRole(pool, { role: 'app_anonymous' }, async (client) => {
        const { rows } = await client.query<{ head: string | null }>('select app_auth.migration_head() as head');
        return rows[0].head;
      });
    } catch (error) {
      request.log.warn({ err: error }, 'readiness: database unavailable');
      return reply.status(503).send(errorBody('NOT_READY', 'The database does not answer'));
    }
    if (applied !== expected) {
      return reply.status(503).send(errorBody('NOT_READY', 'Database migrations are not current'));
    }
    return { status: 'ready' };
  });
}
