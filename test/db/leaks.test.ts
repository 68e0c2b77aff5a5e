// Attacker-side probes, after PostgreSQL's own rowsecurity regression tests: existence oracles through
// unique and foreign keys, settings and roles surviving a pooled connection, signed-out sessions,
// INSERT ... ON CONFLICT, RETURNING and COPY, and objects an API role might create to read around RLS.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../db/roles.ts';
import { type Actor, anonymous, asActor, becomeActor, inTransaction, roleUrlsFor, sqlState, type TestDatabase, createTestDatabase } from '../support/database.ts';
import { createTenants, member, type Tenants } from '../support/tenants.ts';

let db: TestDatabase;
let t: Tenants;
let tables: string[];

beforeAll(async () => {
  db = await createTestDatabase();
  t = await createTenants(db.pool);
  const { rows } = await db.pool.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'app_public' and c.relkind in ('r', 'p', 'v', 'm', 'f') order by 1`,
  );
  tables = rows.map((r) => r.name);
  // The loops below check every table; an empty list would make them pass without checking anything.
  expect(tables.length).toBeGreaterThanOrEqual(13);
});
afterAll(async () => {
  await db?.drop();
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

interface Outcome {
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  message?: string;
  detail?: string;
  rows?: number;
}

/** What an attacker learns from one statement: its error (uuids blanked, as they differ by construction) or its row count. */
async function outcome(client: pg.ClientBase, sql: string, params: unknown[] = []): Promise<Outcome> {
  await client.query('savepoint probe');
  try {
    const result = await client.query(sql, params);
    await client.query('release savepoint probe');
    return { rows: result.rowCount ?? 0 };
  } catch (error) {
    await client.query('rollback to savepoint probe');
    const e = error as pg.DatabaseError;
    return {
      code: e.code,
      constraint: e.constraint,
      table: e.table,
      column: e.column,
      message: e.message?.replace(UUID, '<uuid>'),
      detail: e.detail?.replace(UUID, '<uuid>'),
    };
  }
}

/** The statement run with b's real ids and with ids that exist nowhere must look the same. */
async function expectIndistinguishable(client: pg.ClientBase, sql: string, real: unknown[], fake: unknown[]): Promise<Outcome> {
  const seen = await outcome(client, sql, real);
  const unseen = await outcome(client, sql, fake);
  expect(seen, `${sql} with b's ids vs. ids that exist nowhere`).toEqual(unseen);
  return seen;
}

const authenticatorUrl = () => roleUrlsFor(db).authenticatorUrl;

/** One connection as the API's own login, closed afterwards. */
async function withOneConnection(fn: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: authenticatorUrl() });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

describe('unique and foreign keys are no existence oracle', () => {
  const admin = () => member(t.a, 'admin');

  it('a team membership naming b\'s team or b\'s member fails like one naming nothing', async () => {
    await asActor(db.pool, admin(), async (client) => {
      const sql = 'insert into app_public.team_memberships (team_id, user_id) values ($1, $2)';
      const team = await expectIndistinguishable(client, sql, [t.b.team, t.a.users.viewer.id], [randomUUID(), t.a.users.viewer.id]);
      expect(team).toMatchObject({ code: '23503', constraint: 'team_memberships_team_id_organization_id_fkey' });
      const user = await expectIndistinguishable(client, sql, [t.a.team, t.b.users.viewer.id], [t.a.team, randomUUID()]);
      expect(user).toMatchObject({ code: '23503', constraint: 'team_memberships_organization_id_user_id_fkey' });
    });
  });

  it('a task naming b\'s team or b\'s member fails like one naming nothing, on insert and update', async () => {
    await asActor(db.pool, admin(), async (client) => {
      const insert = `insert into app_public.tasks (title, team_id, assignee_id) values ('probe', $1, $2)`;
      expect(await expectIndistinguishable(client, insert, [t.b.team, null], [randomUUID(), null])).toMatchObject({
        code: '23503',
        constraint: 'tasks_team_id_organization_id_fkey',
      });
      expect(await expectIndistinguishable(client, insert, [null, t.b.users.developer.id], [null, randomUUID()])).toMatchObject({
        code: '23503',
        constraint: 'tasks_organization_id_assignee_id_fkey',
      });
      const update = 'update app_public.tasks set team_id = $2 where id = $1';
      expect(await expectIndistinguishable(client, update, [t.a.tasks[0], t.b.team], [t.a.tasks[0], randomUUID()])).toMatchObject({ code: '23503' });
    });
  });

  it('a dependency on b\'s task fails like one on a task that does not exist', async () => {
    await asActor(db.pool, admin(), async (client) => {
      const sql = 'insert into app_public.task_dependencies (task_id, depends_on_task_id, type) values ($1, $2, $3)';
      for (const type of ['BLOCKS', 'RELATES_TO']) {
        expect(await expectIndistinguishable(client, sql, [t.a.tasks[0], t.b.tasks[0], type], [t.a.tasks[0], randomUUID(), type])).toMatchObject({
          code: '23503',
          constraint: 'task_dependencies_depends_on_task_id_organization_id_fkey',
        });
        expect(await expectIndistinguishable(client, sql, [t.b.tasks[0], t.a.tasks[0], type], [randomUUID(), t.a.tasks[0], type])).toMatchObject({
          code: '23503',
          constraint: 'task_dependencies_task_id_organization_id_fkey',
        });
        // Both ends in b, in the direction that would close b's own BLOCKS edge tasks[1] → tasks[0].
        expect(await expectIndistinguishable(client, sql, [t.b.tasks[0], t.b.tasks[1], type], [randomUUID(), randomUUID(), type])).toMatchObject({
          code: '23503',
        });
      }
    });
  });

  it('a role assignment with b\'s role or b\'s member fails like one naming nothing', async () => {
    await asActor(db.pool, admin(), async (client) => {
      const sql = 'insert into app_public.user_roles (user_id, role_id) values ($1, $2)';
      expect(await expectIndistinguishable(client, sql, [t.a.users.viewer.id, t.b.roles.Admin], [t.a.users.viewer.id, randomUUID()])).toMatchObject({
        code: '23503',
        constraint: 'user_roles_role_id_organization_id_fkey',
      });
      expect(await expectIndistinguishable(client, sql, [t.b.users.viewer.id, t.a.roles.Viewer], [randomUUID(), t.a.roles.Viewer])).toMatchObject({
        code: '23503',
        constraint: 'user_roles_organization_id_user_id_fkey',
      });
    });
  });

  it('an explicit id equal to b\'s row fails like a random one (no insert privilege on id, 42501)', async () => {
    await asActor(db.pool, admin(), async (client) => {
      const cases: [string, string][] = [
        [`insert into app_public.tasks (id, title) values ($1, 'probe')`, t.b.tasks[0]],
        [`insert into app_public.teams (id, name) values ($1, 'probe')`, t.b.team],
        [`insert into app_public.roles (id, name) values ($1, 'probe')`, t.b.roles.custom],
        ['insert into app_public.task_dependencies (id, task_id, depends_on_task_id) values ($1, $2, $3)', t.b.dependency],
        ['insert into app_public.team_memberships (id, team_id, user_id) values ($1, $2, $3)', t.b.teamMembership],
      ];
      for (const [sql, id] of cases) {
        const extra = sql.includes('$3') ? (sql.includes('team_memberships') ? [t.a.team, t.a.users.viewer.id] : [t.a.tasks[2], t.a.tasks[0]]) : [];
        const result = await expectIndistinguishable(client, sql, [id, ...extra], [randomUUID(), ...extra]);
        expect(result.code, sql).toBe('42501');
      }
    });
  });

  it('naming b as the organization fails like naming one that does not exist (policy, 42501)', async () => {
    await asActor(db.pool, admin(), async (client) => {
      const cases: [string, unknown[], unknown[]][] = [
        [
          'insert into app_public.team_memberships (organization_id, team_id, user_id) values ($1, $2, $3)',
          [t.b.id, t.b.team, t.b.users.developer.id], // exists in b already: a unique-key oracle if it got that far
          [randomUUID(), randomUUID(), randomUUID()],
        ],
        [`insert into app_public.teams (organization_id, name) values ($1, $2)`, [t.b.id, 'Team b'], [randomUUID(), 'Team b']],
        [`insert into app_public.roles (organization_id, name) values ($1, $2)`, [t.b.id, 'Custom'], [randomUUID(), 'Custom']],
        [
          `insert into app_public.tasks (organization_id, title, team_id, assignee_id) values ($1, 'probe', $2, $3)`,
          [t.b.id, t.b.team, t.b.users.developer.id],
          [randomUUID(), randomUUID(), randomUUID()],
        ],
        [
          'insert into app_public.user_roles (organization_id, user_id, role_id) values ($1, $2, $3)',
          [t.b.id, t.b.users.admin.id, t.b.roles.Admin],
          [randomUUID(), randomUUID(), randomUUID()],
        ],
        [
          `insert into app_public.task_dependencies (organization_id, task_id, depends_on_task_id, type) values ($1, $2, $3, 'RELATES_TO')`,
          [t.b.id, t.b.tasks[1], t.b.tasks[0]],
          [randomUUID(), randomUUID(), randomUUID()],
        ],
      ];
      for (const [sql, real, fake] of cases) {
        expect((await expectIndistinguishable(client, sql, real, fake)).code, sql).toBe('42501');
      }
    });
  });

  // The cycle check (_200_refuse_cycles, SECURITY DEFINER, so it reads every organization's edges) must not
  // run before the INSERT policy: naming b as organization_id with two of b's task ids that would close one
  // of b's BLOCKS chains would then raise RGCYC while unknown ids get 42501, telling a member of a that b
  // has these tasks and how they depend on each other. It is an AFTER trigger, so the policy answers first.
  it('a BLOCKS dependency naming b and b\'s tasks fails like one naming nothing (no cycle oracle)', async () => {
    await asActor(db.pool, admin(), async (client) => {
      const sql = `insert into app_public.task_dependencies (organization_id, task_id, depends_on_task_id, type) values ($1, $2, $3, 'BLOCKS')`;
      // b's fixture edge: tasks[1] BLOCKS-depends on tasks[0]; the probe asks for tasks[0] → tasks[1].
      const result = await expectIndistinguishable(client, sql, [t.b.id, t.b.tasks[0], t.b.tasks[1]], [t.b.id, randomUUID(), randomUUID()]);
      expect(result.code).toBe('42501');
    });
  });

  it('the same oracle is closed to a signed-in outsider too', async () => {
    await asActor(db.pool, { role: 'app_user', userId: t.outsider.id, sessionId: t.outsider.sessionId, organizationId: t.b.id }, async (client) => {
      const sql = `insert into app_public.task_dependencies (organization_id, task_id, depends_on_task_id) values ($1, $2, $3)`;
      const result = await expectIndistinguishable(client, sql, [t.b.id, t.b.tasks[0], t.b.tasks[1]], [t.b.id, randomUUID(), randomUUID()]);
      expect(result.code).toBe('42501');
    });
  });

  it('names unique per organization do not leak: a may use the names b uses', async () => {
    await asActor(db.pool, admin(), async (client) => {
      expect((await client.query(`insert into app_public.teams (name) values ('Team b')`)).rowCount).toBe(1);
      expect((await client.query(`insert into app_public.roles (name) values ('Another Custom')`)).rowCount).toBe(1);
      // While a's own duplicate is refused as usual.
      expect(await outcome(client, `insert into app_public.teams (name) values ('Team a')`)).toMatchObject({
        code: '23505',
        constraint: 'teams_organization_id_name_key',
      });
    });
  });
});

describe('settings and roles do not survive the transaction on a pooled connection', () => {
  it('set_config(..., true) and SET LOCAL ROLE end with the transaction, committed or rolled back', async () => {
    const pool = new pg.Pool({ connectionString: authenticatorUrl(), max: 1 });
    try {
      for (const end of ['commit', 'rollback']) {
        const client = await pool.connect();
        try {
          await client.query('begin');
          await becomeActor(client, member(t.a, 'admin'));
          const inside = await client.query<{ org: string; who: string }>(
            'select app_public.current_organization_id() as org, current_user as who',
          );
          expect(inside.rows[0]).toEqual({ org: t.a.id, who: 'app_user' });
          await client.query(end);
        } finally {
          client.release();
        }

        const next = await pool.connect();
        try {
          for (const wrap of [false, true]) {
            if (wrap) await next.query('begin');
            const { rows } = await next.query<{ org: string | null; sub: string | null; sid: string | null; who: string; login: string }>(
              `select current_setting('app.current_org_id', true) as org, current_setting('jwt.claims.sub', true) as sub,
                      current_setting('jwt.claims.sid', true) as sid, current_user as who, session_user as login`,
            );
            expect([null, ''], end).toContain(rows[0].org);
            expect([null, ''], end).toContain(rows[0].sub);
            expect([null, ''], end).toContain(rows[0].sid);
            expect(rows[0].who).toBe(ROLES.authenticator);
            expect(rows[0].login).toBe(ROLES.authenticator);
            if (wrap) await next.query('commit');
          }
        } finally {
          next.release();
        }
      }
    } finally {
      await pool.end();
    }
  });

  it('the login role itself (NOINHERIT) reads nothing', async () => {
    await withOneConnection(async (client) => {
      await client.query('begin');
      for (const table of tables) {
        const { code } = await outcome(client, `select * from app_public.${table}`);
        expect(code, table).toBe('42501');
      }
      expect((await outcome(client, 'select * from app_private.sessions')).code).toBe('42501');
      await client.query('rollback');
    });
  });

  it('an anonymous transaction right after an authenticated one sees nothing', async () => {
    await withOneConnection(async (client) => {
      await client.query('begin');
      await becomeActor(client, member(t.a, 'admin'));
      expect((await client.query('select 1 from app_public.tasks')).rowCount).toBe(3);
      await client.query('commit');

      // Only the role, no settings: whatever the last transaction left behind must not count.
      await client.query('begin');
      await client.query('set local role app_anonymous');
      for (const table of tables) {
        const result = await outcome(client, `select count(*)::int as n from app_public.${table}`);
        if (result.code !== undefined) {
          expect(result.code, table).toBe('42501');
        } else {
          const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from app_public.${table}`);
          expect(rows[0].n, table).toBe(0);
        }
      }
      const { rows } = await client.query<{ me: string | null; org: string | null; perms: string[]; user: unknown }>(
        `select app_public.current_user_id() as me, app_public.current_organization_id() as org,
                app_public.current_user_permissions() as perms, app_public.current_user() as user`,
      );
      expect(rows[0]).toEqual({ me: null, org: null, perms: [], user: null });
      await client.query('commit');
    });
  });

  it('an app_user transaction without claims right after an authenticated one sees no tenant data', async () => {
    await withOneConnection(async (client) => {
      await client.query('begin');
      await becomeActor(client, member(t.b, 'admin'));
      await client.query('commit');
      await client.query('begin');
      await client.query('set local role app_user');
      for (const table of tables.filter((name) => name !== 'permissions')) {
        const result = await outcome(client, `select 1 from app_public.${table}`);
        expect(result.code === '42501' || result.rows === 0, `${table}: ${JSON.stringify(result)}`).toBe(true);
      }
      const { rows } = await client.query<{ me: string | null }>('select app_public.current_user_id() as me');
      expect(rows[0].me).toBeNull();
      await client.query('commit');
    });
  });
});

describe('signed-out, expired and mismatched sessions', () => {
  async function seen(client: pg.ClientBase): Promise<{ me: string | null; org: string | null; tasks: number; users: number }> {
    const { rows } = await client.query<{ me: string | null; org: string | null; tasks: number; users: number }>(
      `select app_public.current_user_id() as me, app_public.current_organization_id() as org,
              (select count(*)::int from app_public.tasks) as tasks, (select count(*)::int from app_public.users) as users`,
    );
    return rows[0];
  }
  const nobody = { me: null, org: null, tasks: 0, users: 0 };

  it('a revoked session (logout) resolves to nobody, from the next statement on', async () => {
    await inTransaction(db.pool, async (client) => {
      const developer = member(t.a, 'developer');
      await becomeActor(client, developer);
      expect(await seen(client)).toEqual({ me: developer.userId, org: t.a.id, tasks: 3, users: 4 });
      await client.query('reset role');
      await client.query('update app_private.sessions set revoked_at = now() where id = $1', [developer.sessionId]);
      await becomeActor(client, developer);
      expect(await seen(client)).toEqual(nobody);
    });
  });

  it('an expired session resolves to nobody', async () => {
    await inTransaction(db.pool, async (client) => {
      const developer = member(t.a, 'developer');
      await client.query(`update app_private.sessions set expires_at = now() - interval '1 second' where id = $1`, [developer.sessionId]);
      await becomeActor(client, developer);
      expect(await seen(client)).toEqual(nobody);
    });
  });

  it('a session that expires exactly now resolves to nobody', async () => {
    await inTransaction(db.pool, async (client) => {
      const developer = member(t.a, 'developer');
      await client.query('update app_private.sessions set expires_at = now() where id = $1', [developer.sessionId]);
      await becomeActor(client, developer);
      expect(await seen(client)).toEqual(nobody);
    });
  });

  it('a session id of another user, with the victim\'s sub, resolves to nobody', async () => {
    const victim = member(t.a, 'admin');
    const cases: Actor[] = [
      { ...victim, sessionId: t.a.users.viewer.sessionId }, // a colleague's session
      { ...victim, sessionId: t.outsider.sessionId }, // the attacker's own session
      { ...victim, sessionId: t.b.users.admin.sessionId },
      { ...victim, sessionId: randomUUID() },
      { ...victim, sessionId: undefined },
      { ...victim, userId: undefined },
      { ...member(t.b, 'admin'), userId: t.a.users.admin.id, sessionId: t.b.users.admin.sessionId, organizationId: t.a.id },
    ];
    for (const actor of cases) {
      await asActor(db.pool, actor, async (client) => {
        expect(await seen(client), JSON.stringify(actor)).toEqual(nobody);
      });
    }
  });

  it('revoking one session leaves the user\'s other sessions working', async () => {
    await inTransaction(db.pool, async (client) => {
      const developer = member(t.a, 'developer');
      const { rows } = await client.query<{ id: string }>(
        `insert into app_private.sessions (user_id, expires_at) values ($1, now() + interval '1 hour') returning id`,
        [developer.userId],
      );
      await client.query('update app_private.sessions set revoked_at = now() where id = $1', [developer.sessionId]);
      await becomeActor(client, { ...developer, sessionId: rows[0].id });
      expect((await seen(client)).tasks).toBe(3);
    });
  });
});

describe('ON CONFLICT, RETURNING and COPY obey the policies', () => {
  async function ownerView(sql: string, params: unknown[]) {
    const { rows } = await db.pool.query(sql, params);
    return rows;
  }

  it('INSERT ... ON CONFLICT DO UPDATE cannot reach b\'s organization row through its global slug', async () => {
    const before = await ownerView('select name, slug, updated_at from app_public.organizations where id = $1', [t.b.id]);
    await asActor(db.pool, member(t.a, 'admin'), async (client) => {
      const result = await outcome(
        client,
        `insert into app_public.organizations (name, slug) values ('pwned', 'org-b') on conflict (slug) do update set name = excluded.name returning *`,
      );
      expect(result.code).toBe('42501');
      // A conflict with a's own slug is an ordinary update of a.
      const own = await client.query<{ id: string }>(
        `insert into app_public.organizations (name, slug) values ('renamed', 'org-a') on conflict (slug) do update set name = excluded.name returning id`,
      );
      expect(own.rows).toEqual([{ id: t.a.id }]);
    });
    expect(await ownerView('select name, slug, updated_at from app_public.organizations where id = $1', [t.b.id])).toEqual(before);
  });

  it('INSERT ... ON CONFLICT naming b\'s unique key is refused before the conflict is looked for', async () => {
    await asActor(db.pool, member(t.a, 'admin'), async (client) => {
      for (const action of ['do nothing', `do update set description = 'pwned'`]) {
        const sql = `insert into app_public.teams (organization_id, name) values ($1, $2) on conflict (organization_id, name) ${action}`;
        expect((await expectIndistinguishable(client, sql, [t.b.id, 'Team b'], [t.b.id, `No such team ${randomUUID()}`])).code).toBe('42501');
      }
      const membership = `insert into app_public.team_memberships (organization_id, team_id, user_id) values ($1, $2, $3)
                          on conflict (organization_id, team_id, user_id) do nothing`;
      expect(
        (await expectIndistinguishable(client, membership, [t.b.id, t.b.team, t.b.users.developer.id], [t.b.id, randomUUID(), randomUUID()])).code,
      ).toBe('42501');
      // In a's own organization b's team name is no conflict at all.
      const { rows } = await client.query<{ organization_id: string; description: string }>(
        `insert into app_public.teams (name) values ('Team b') on conflict (organization_id, name) do update set description = 'pwned'
         returning organization_id, description`,
      );
      expect(rows).toEqual([{ organization_id: t.a.id, description: '' }]);
    });
    expect(await ownerView('select description from app_public.teams where id = $1', [t.b.team])).toEqual([{ description: '' }]);
  });

  it('UPDATE ... RETURNING and DELETE ... RETURNING return only a\'s rows and touch nothing of b', async () => {
    const before = await ownerView('select id, priority, updated_at from app_public.tasks where organization_id = $1 order by id', [t.b.id]);
    const all = [...t.a.tasks, ...t.b.tasks];
    await asActor(db.pool, member(t.a, 'developer'), async (client) => {
      const updated = await client.query<{ id: string; organization_id: string }>(
        `update app_public.tasks set priority = 'HIGH' returning id, organization_id, title`,
      );
      expect(updated.rows.map((r) => r.id).sort()).toEqual([...t.a.tasks].sort());
      expect(new Set(updated.rows.map((r) => r.organization_id))).toEqual(new Set([t.a.id]));
      const targeted = await client.query('update app_public.tasks set title = title where id = any($1) returning *', [all]);
      expect(targeted.rowCount).toBe(3);
      expect((await client.query('update app_public.tasks set title = title where id = $1 returning *', [t.b.tasks[0]])).rowCount).toBe(0);
      const deleted = await client.query<{ id: string }>('delete from app_public.task_dependencies where id = any($1) returning id', [
        [t.a.dependency, t.b.dependency],
      ]);
      expect(deleted.rows).toEqual([{ id: t.a.dependency }]);
      const gone = await client.query<{ id: string }>('delete from app_public.tasks where id = any($1) returning id', [all]);
      expect(gone.rows.map((r) => r.id).sort()).toEqual([...t.a.tasks].sort());
    });
    expect(await ownerView('select id, priority, updated_at from app_public.tasks where organization_id = $1 order by id', [t.b.id])).toEqual(before);
  });

  it('RETURNING needs the SELECT policy: a writer without tasks:read gets nothing back and changes nothing', async () => {
    await inTransaction(db.pool, async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `insert into app_public.roles (organization_id, name, permissions) values ($1, 'Blind writer', '{tasks:write}') returning id`,
        [t.a.id],
      );
      await client.query('insert into app_public.user_roles (organization_id, user_id, role_id) values ($1, $2, $3)', [
        t.a.id,
        t.a.users.viewer.id,
        rows[0].id,
      ]);
      await client.query('delete from app_public.user_roles where user_id = $1 and role_id = $2', [t.a.users.viewer.id, t.a.roles.Viewer]);
      await becomeActor(client, member(t.a, 'viewer'));
      expect((await client.query(`update app_public.tasks set title = 'blind' returning id`)).rowCount).toBe(0);
      expect(await sqlState(client, () => client.query(`insert into app_public.tasks (title) values ('blind') returning id`))).toBe('42501');
    });
  });

  it('COPY (select ...) TO STDOUT and COPY table TO STDOUT as a Developer of a carry only a\'s rows', async () => {
    // node-postgres has no COPY-out stream of its own: listen to the raw CopyData messages on the connection.
    await withOneConnection(async (client) => {
      const chunks: Buffer[] = [];
      client.connection.on('copyData', (message: { chunk: Buffer }) => chunks.push(message.chunk));
      await client.query('begin');
      await becomeActor(client, member(t.a, 'developer'));
      for (const sql of [
        'copy (select id, organization_id from app_public.tasks) to stdout',
        'copy app_public.tasks (id, organization_id) to stdout',
      ]) {
        chunks.length = 0;
        const result = await client.query(sql);
        expect(result.rowCount, sql).toBe(3);
        const lines = Buffer.concat(chunks).toString('utf8').trim().split('\n');
        expect(lines.map((line) => line.split('\t')[0]).sort(), sql).toEqual([...t.a.tasks].sort());
        expect(new Set(lines.map((line) => line.split('\t')[1])), sql).toEqual(new Set([t.a.id]));
      }
      // COPY of the other tenant's view: nothing.
      chunks.length = 0;
      const b = await client.query('copy (select * from app_public.tasks where organization_id = $1) to stdout'.replace('$1', `'${t.b.id}'`));
      expect(b.rowCount).toBe(0);
      expect(chunks).toHaveLength(0);
      await client.query('rollback');
    });
  });

  it('COPY ... FROM is refused under row-level security', async () => {
    await asActor(db.pool, member(t.a, 'developer'), async (client) => {
      const result = await outcome(client, 'copy app_public.tasks (title) from stdin');
      expect(result.code).toBe('0A000');
    });
  });
});

describe('no way to smuggle rows out past the policies', () => {
  it('API roles cannot create functions, views or temporary tables to smuggle rows out', async () => {
    await asActor(db.pool, member(t.a, 'admin'), async (client) => {
      expect(
        (await outcome(client, `create function app_public.leak(t app_public.tasks) returns boolean language sql as 'select true'`)).code,
      ).toBe('42501');
      expect((await outcome(client, 'create view app_public.leak as select * from app_public.tasks')).code).toBe('42501');
      expect((await outcome(client, 'create view public.leak as select * from app_public.tasks')).code).toBe('42501');
      expect((await outcome(client, 'create temporary table leak (x int)')).code).toBe('42501');
      expect((await outcome(client, `create function pg_temp.leak() returns int language sql as 'select 1'`)).code).toBe('42501');
    });
    await asActor(db.pool, anonymous, async (client) => {
      expect((await outcome(client, 'create temporary table leak (x int)')).code).toBe('42501');
    });
  });

  it('nobody can ask the permission lookup about other people: user_has_permission is not granted to API roles', async () => {
    await asActor(db.pool, { role: 'app_user', userId: t.outsider.id, sessionId: t.outsider.sessionId }, async (client) => {
      const probe = `select app_public.user_has_permission('${t.b.users.admin.id}', '${t.b.id}', 'tasks:read')`;
      expect((await outcome(client, probe)).code).toBe('42501');
    });
  });
});
