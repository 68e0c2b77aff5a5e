// app_auth.task_event_readers (migrations 000028, 000029): which of a server process's subscribers may
// read which task event, decided in one statement. Here one call carries a batch that mixes live and
// deleted tasks, hidden and visible ones, for readers of every kind, so the per-reader loop and the
// DELETED branch are checked against each other (the realtime tests reach it through the server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, createTask } from '../../db/tenant-data.ts';
import { anonymous, asActor, sqlState, type TestDatabase, createTestDatabase } from '../support/database.ts';
import { createTenants, type Tenants } from '../support/tenants.ts';

let db: TestDatabase;
let t: Tenants;

beforeAll(async () => {
  db = await createTestDatabase();
  t = await createTenants(db.pool);
});
afterAll(async () => {
  await db?.drop();
});

interface Reader {
  u: string;
  s: string;
}

/** The (event, reader) pairs, 1-based, as the server receives them. */
async function readers(org: string, events: { id: string; deleted: boolean }[], who: Reader[]): Promise<string[]> {
  return asActor(db.pool, anonymous, async (client) => {
    const { rows } = await client.query<{ event: number; reader: number }>(
      'select event, reader from app_auth.task_event_readers($1, $2::uuid[], $3::boolean[], $4::jsonb) order by reader, event',
      [org, events.map((e) => e.id), events.map((e) => e.deleted), JSON.stringify(who)],
    );
    return rows.map((r) => `${r.reader}:${r.event}`);
  });
}

describe('task_event_readers: one batch, every kind of reader', () => {
  it('answers for each reader exactly what RLS lets it read, live or deleted, under a restrictive policy', async () => {
    const a = t.a;
    const setup = await db.pool.connect();
    const title = (name: string) => createTask(setup, a.id, { title: name });
    const [plain, secret, plainGone, secretGone] = [await title('Plain'), await title('Secret live'), await title('Plain gone'), await title('Secret gone')];
    const otherGone = await createTask(setup, t.b.id, { title: 'Plain gone of b' });
    const revokedSession = await createSession(setup, a.users.developer.id);
    setup.release();
    await db.pool.query('update app_private.sessions set revoked_at = now() where id = $1', [revokedSession]);
    await db.pool.query(`create policy secret_needs_write on app_public.tasks as restrictive for select to app_user
      using (title not like 'Secret%' or app_public.current_user_has_permission('tasks:write'))`);
    try {
      await db.pool.query('delete from app_public.tasks where id = any($1)', [[plainGone, secretGone, otherGone]]);
      const events = [
        { id: plain, deleted: false },
        { id: plainGone, deleted: true },
        { id: secret, deleted: false },
        { id: secretGone, deleted: true },
        { id: t.b.tasks[0], deleted: false }, // another organization's task, named in a's batch
        { id: otherGone, deleted: true }, // and one it deleted
      ];
      const as = (user: { id: string; sessionId: string }) => ({ u: user.id, s: user.sessionId });
      const who = [
        as(a.users.admin), // 1: writes tasks: everything of a's
        as(a.users.viewer), // 2: reads only: not the secrets
        as(a.users.custom), // 3: a custom role holding tasks:read alone: like the viewer
        as(t.b.users.admin), // 4: an admin of the other organization: nothing
        { u: a.users.developer.id, s: revokedSession }, // 5: a signed-out session of a member: nothing
        { u: a.users.admin.id, s: a.users.viewer.sessionId }, // 6: a user with someone else's session: nothing
        as(t.outsider), // 7: signed in, member of nothing: nothing
      ];
      const batch = await readers(a.id, events, who);
      expect(batch).toEqual(['1:1', '1:2', '1:3', '1:4', '2:1', '2:2', '3:1', '3:2']);
      // The same answers one event at a time: batching changes nothing.
      for (const [i, event] of events.entries()) {
        const alone = await readers(a.id, [event], who);
        const batched = batch.filter((pair) => pair.endsWith(`:${i + 1}`)).map((pair) => pair.replace(/:\d+$/, ':1'));
        expect(alone, `event ${i + 1} alone`).toEqual(batched);
      }
    } finally {
      await db.pool.query('drop policy secret_needs_write on app_public.tasks');
    }
  });

  it('is the server’s alone: an API request (app_user) may not call it', async () => {
    const code = await asActor(db.pool, { role: 'app_user', userId: t.a.users.admin.id, sessionId: t.a.users.admin.sessionId, organizationId: t.a.id }, (client) =>
      sqlState(client, () => client.query(`select * from app_auth.task_event_readers($1, '{}', '{}', '[]')`, [t.a.id])),
    );
    expect(code).toBe('42501');
  });
});
