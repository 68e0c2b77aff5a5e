// What a GraphQL request costs the database, in round trips (rowgate_db_round_trips_total on /metrics counts every
// write the API pool sends and waits on): a page is one (the opening, with its settings and session check,
// the query and commit, in one write), a one-statement mutation two (its transaction is committed once
// the statement is answered), and a request whose session has ended is refused by that opening, before
// its statement runs, with the same 401 as any revoked token. An opening that fails for any other reason
// likewise runs nothing written with it; a query's statements run in read-only transactions of their own.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FairShare } from '../../server/fair-share.ts';
import { makeRequestPgService } from '../../server/graphql/pg-adaptor.ts';
import { RequestLedger, withLedger } from '../../server/request-ledger.ts';
import { CreateTaskDocument, TasksPageDocument } from '../generated/graphql.ts';
import { roleUrlsFor } from '../support/database.ts';
import { createOrganization } from '../support/organizations.ts';
import { gql, http, register, startTestServer, type Session, type TestServer } from '../support/server.ts';

let server: TestServer;
let ann: Session;
let orgId: string;

async function roundTrips(): Promise<number> {
  const { body } = await http<string>(server, 'GET', '/metrics');
  return Number(/^rowgate_db_round_trips_total (\d+)$/m.exec(body)?.[1]);
}

/** Round trips `run` made; /metrics itself makes none (its figures are Node's). */
async function measure(run: () => Promise<unknown>): Promise<number> {
  const before = await roundTrips();
  await run();
  return (await roundTrips()) - before;
}

beforeAll(async () => {
  server = await startTestServer();
  const org = await createOrganization(server, 'Trips');
  [ann, orgId] = [org.admin, org.id];
  await gql(server, CreateTaskDocument, { task: { title: 'One' } }, { token: ann.accessToken, organizationId: orgId });
});
afterAll(() => server?.close());

describe('round trips', () => {
  test('a page of tasks is one: the opening (begin, settings, session check), the query and commit in one write', async () => {
    const caller = { token: ann.accessToken, organizationId: orgId };
    await gql(server, TasksPageDocument, { first: 20 }, caller); // warm: prepared statements, pool
    expect(await measure(() => gql(server, TasksPageDocument, { first: 20 }, caller))).toBe(1);
  });

  test('a mutation is two: its opening with the insert, then commit once the insert is answered', async () => {
    const caller = { token: ann.accessToken, organizationId: orgId };
    let answer: Awaited<ReturnType<typeof gql>> | undefined;
    expect(await measure(async () => (answer = await gql(server, CreateTaskDocument, { task: { title: 'Two trips' } }, caller)))).toBe(2);
    expect(answer?.errors).toBeUndefined();
  });

  test('the same page over GET (urql\'s default for queries) is one too: no round trip of its own for the session', async () => {
    const url = `/graphql?query=${encodeURIComponent(String(TasksPageDocument))}&variables=${encodeURIComponent(JSON.stringify({ first: 20 }))}`;
    const headers = { authorization: `Bearer ${ann.accessToken}`, 'x-organization-id': orgId };
    let answer: Awaited<ReturnType<typeof http>> | undefined;
    expect(await measure(async () => (answer = await http(server, 'GET', url, { headers })))).toBe(1);
    expect(answer!.status).toBe(200);
    expect((answer!.body as { data: { tasks: { nodes: unknown[] } } }).data.tasks.nodes.length).toBeGreaterThanOrEqual(1);
  });

  test('an anonymous request for tasks is refused before it reaches the database: none', async () => {
    let answer: Awaited<ReturnType<typeof gql>> | undefined;
    expect(await measure(async () => (answer = await gql(server, TasksPageDocument, { first: 5 }, { organizationId: orgId })))).toBe(0);
    // Anonymous callers may not read tasks (app_anonymous has no grant): refused before planning.
    expect(answer?.errors?.map((error) => error.extensions?.code)).toEqual(['PERMISSION_DENIED']);
    expect(answer?.data ?? null).toBeNull();
  });
});

describe('a session that ended', () => {
  test('is refused by the opening (its mutation, written with it, never runs; then a rollback), 401 INVALID_TOKEN', async () => {
    const { admin: bob, id: bobOrg } = await createOrganization(server, 'Bob');
    await server.db.pool.query('update app_private.sessions set revoked_at = now() where user_id = $1', [bob.user.id]);
    let result: Awaited<ReturnType<typeof gql>> | undefined;
    const count = await measure(async () => {
      result = await gql(server, CreateTaskDocument, { task: { title: 'Never' } }, { token: bob.accessToken, organizationId: bobOrg });
    });
    expect(result!.status).toBe(401);
    expect(result).toMatchObject({ error: { code: 'INVALID_TOKEN' } });
    expect(count).toBe(2);
    const { rows } = await server.db.pool.query("select 1 from app_public.tasks where title = 'Never'");
    expect(rows).toHaveLength(0);
  });

  test('over GET too: 401 INVALID_TOKEN, and its query never runs', async () => {
    const { admin: dan, id: danOrg } = await createOrganization(server, 'Dan');
    await server.db.pool.query('update app_private.sessions set revoked_at = now() where user_id = $1', [dan.user.id]);
    const url = `/graphql?query=${encodeURIComponent(String(TasksPageDocument))}&variables=${encodeURIComponent(JSON.stringify({ first: 20 }))}`;
    for (const query of [url, `/graphql?query=${encodeURIComponent('{ __typename }')}`]) {
      const response = await http(server, 'GET', query, { headers: { authorization: `Bearer ${dan.accessToken}`, 'x-organization-id': danOrg } });
      expect(response.status, query).toBe(401);
      expect(response.body).toEqual({ error: { code: 'INVALID_TOKEN', message: 'The access token is invalid, expired or revoked' } });
    }
  });

  test('an operation that never reaches the database is checked once answered: still 401', async () => {
    const cat = await register(server, 'Cat');
    await server.db.pool.query('update app_private.sessions set revoked_at = now() where user_id = $1', [cat.user.id]);
    const response = await http(server, 'POST', '/graphql', { body: { query: '{ __typename }' }, headers: { authorization: `Bearer ${cat.accessToken}` } });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: 'INVALID_TOKEN', message: 'The access token is invalid, expired or revoked' } });
  });
});

describe('the adaptor, as PostGraphile calls it', () => {
  // The adaptor as PostGraphile calls it, on a pipelining pool of the authenticator like the server's.
  type Client = { query(config: { text: string; values?: unknown[] }): Promise<{ rows: Record<string, unknown>[] }> };
  async function withAdaptor(run: (withPgClient: (settings: Record<string, string>, callback: (client: Client) => Promise<unknown>) => Promise<unknown>) => Promise<void>) {
    const pool = new pg.Pool({ connectionString: roleUrlsFor(server.db).authenticatorUrl, max: 1, pipeline: true });
    try {
      const service = makeRequestPgService(pool, new FairShare({ perUser: 1, perOrganization: 1, maxWaitMs: 5_000 }), ['app_public']);
      await run(service.adaptor.createWithPgClient({ pool }) as never);
    } finally {
      await pool.end();
    }
  }

  const annSettings = () => {
    const { sid } = JSON.parse(Buffer.from(ann.accessToken.split('.')[1], 'base64url').toString()) as { sid: string };
    return { role: 'app_user', 'jwt.claims.sub': ann.user.id, 'jwt.claims.sid': sid, 'app.current_org_id': orgId };
  };
  const tasksOfOrg = async () => (await server.db.pool.query<{ n: number }>('select count(*)::int as n from app_public.tasks where organization_id = $1', [orgId])).rows[0].n;

  test('an opening that fails runs nothing written with it: its own error is the one thrown, and the connection is clean for the next request', async () => {
    await withAdaptor(async (withPgClient) => {
      const marker = `never-${Date.now()}`;
      const settings = annSettings();
      // A role that does not exist fails the opening after its `begin`; the insert pipelined behind it must not run.
      const failed = withPgClient({ ...settings, role: 'rowgate_no_such_role' }, (client) =>
        client.query({ text: "insert into app_public.tasks (title) values ($1) returning id", values: [marker] }),
      );
      await expect(failed).rejects.toMatchObject({ code: '22023' });
      const { rows } = await server.db.pool.query('select 1 from app_public.tasks where title = $1', [marker]);
      expect(rows).toHaveLength(0);
      // The same connection (max: 1) serves the next request under its own role and organization.
      const next = (await withPgClient(settings, (client) =>
        client.query({ text: "select current_user as who, current_setting('app.current_org_id') as org, count(*)::int as tasks from app_public.tasks" }),
      )) as { rows: Record<string, unknown>[] };
      expect(next.rows).toEqual([{ who: 'app_user', org: orgId, tasks: await tasksOfOrg() }]);
    });
  });

  test("a query's statements each run in a read-only transaction of their own: a write among them is refused (25006)", async () => {
    await withAdaptor(async (withPgClient) => {
      const ledger = Object.assign(new RequestLedger(), { operation: 'query' as const });
      const before = await tasksOfOrg();
      const statement = { text: "select pg_current_xact_id()::text as xact, current_setting('transaction_read_only') as read_only, current_user as who" };
      const [first, second] = (await withPgClient(withLedger(annSettings(), ledger), async (client) => [await client.query(statement), await client.query(statement)])) as {
        rows: { xact: string; read_only: string; who: string }[];
      }[];
      expect(first.rows[0]).toMatchObject({ read_only: 'on', who: 'app_user' });
      expect(second.rows[0]).toMatchObject({ read_only: 'on', who: 'app_user' });
      expect(first.rows[0].xact).not.toBe(second.rows[0].xact);
      // A query that asks for a transaction of its own (a savepoint) keeps it for everything inside it.
      type Transactional = { withTransaction<R>(run: (client: { query(config: { text: string }): Promise<{ rows: { xact: string; read_only: string }[] }> }) => Promise<R>): Promise<R> };
      const held = (await withPgClient(withLedger(annSettings(), ledger), (client) =>
        (client as unknown as Transactional).withTransaction(async (inside) => [await inside.query(statement), await inside.query(statement)]),
      )) as { rows: { xact: string; read_only: string }[] }[];
      expect(held.map((result) => result.rows[0].read_only)).toEqual(['on', 'on']);
      expect(held[0].rows[0].xact).toBe(held[1].rows[0].xact);
      const write = withPgClient(withLedger(annSettings(), ledger), (client) => client.query({ text: "insert into app_public.tasks (title) values ('read only') returning id" }));
      await expect(write).rejects.toMatchObject({ code: '25006' });
      expect(await tasksOfOrg()).toBe(before);
      // A mutation's statements share one transaction, which may write.
      const mutation = Object.assign(new RequestLedger(), { operation: 'mutation' as const });
      const shared = (await withPgClient(withLedger(annSettings(), mutation), async (client) => [await client.query(statement), await client.query(statement)])) as {
        rows: { xact: string; read_only: string }[];
      }[];
      expect(shared.map((result) => result.rows[0])).toEqual([expect.objectContaining({ read_only: 'off' }), expect.objectContaining({ read_only: 'off' })]);
      expect(shared[0].rows[0].xact).toBe(shared[1].rows[0].xact);
    });
  });
});
