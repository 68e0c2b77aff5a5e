// Idempotency-Key on mutations (server/graphql/idempotency.ts, migration 000022): a retried create returns
// the first answer and creates nothing more, also when the client never saw that answer; the same key
// with another request is refused; a query ignores the key; keys are per user; a mutation that failed
// leaves its key unused.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as D from '../generated/graphql.ts';
import { createOrganization } from '../support/organizations.ts';
import { http, startTestServer, type Session, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/worker.ts';

let server: TestServer;
let ann: Session;
let orgId: string;

beforeAll(async () => {
  server = await startTestServer({}, { worker: true });
  const org = await createOrganization(server, 'Keys');
  [ann, orgId] = [org.admin, org.id];
  // Tasks titled "slow…" take a second to insert: long enough for a client to give up waiting.
  await server.db.pool.query(`
    create function app_private.test_slow_insert() returns trigger language plpgsql as $$
    begin
      if new.title like 'slow%' then perform pg_sleep(1); end if;
      return new;
    end $$;
    create trigger _000_test_slow_insert before insert on app_public.tasks for each row execute function app_private.test_slow_insert();`);
});
afterAll(() => server?.close());

const headers = (key?: string, session: Session = ann) => ({
  authorization: `Bearer ${session.accessToken}`,
  'x-organization-id': orgId,
  ...(key ? { 'idempotency-key': key } : {}),
});
const create = (title: string, key?: string, session?: Session) =>
  http(server, 'POST', '/graphql', { body: { query: String(D.CreateTaskDocument), variables: { task: { title } } }, headers: headers(key, session) });
const tasksTitled = async (title: string) => (await server.db.pool.query('select id from app_public.tasks where title = $1', [title])).rows.length;

describe('Idempotency-Key', () => {
  test('a createTask sent twice with one key creates one task; the second answer is the first, replayed', async () => {
    const first = await create('Once', 'key-once');
    expect(first.status).toBe(200);
    const again = await create('Once', 'key-once');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await tasksTitled('Once')).toBe(1);
    // Audited once, too.
    const id = first.body.data.createTask.task.rowId;
    await waitFor(async () => (await server.db.pool.query('select 1 from app_public.audit_logs where resource_id = $1', [id])).rows.length === 1, 10_000, 'the audit row');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await server.db.pool.query('select 1 from app_public.audit_logs where resource_id = $1', [id])).rows).toHaveLength(1);
  });

  test("the client that never saw the answer (it gave up waiting) gets it on its retry, and nothing is created twice", async () => {
    const abandoned = new AbortController();
    const sent = fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { ...headers('key-abandoned'), 'content-type': 'application/json' },
      body: JSON.stringify({ query: String(D.CreateTaskDocument), variables: { task: { title: 'slow abandoned' } } }),
      signal: abandoned.signal,
    });
    setTimeout(() => abandoned.abort(), 200);
    await expect(sent).rejects.toThrow();
    // While it still runs, the key is in use.
    const early = await create('slow abandoned', 'key-abandoned');
    expect([409, 200]).toContain(early.status);
    const retried = await waitFor(async () => {
      const response = await create('slow abandoned', 'key-abandoned');
      return response.status === 200 ? response : undefined;
    }, 10_000, 'the replayed answer');
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body.data.createTask.task.title).toBe('slow abandoned');
    expect(await tasksTitled('slow abandoned')).toBe(1);
  });

  test('the same key with another request is 422 IDEMPOTENCY_KEY_REUSED, and runs nothing', async () => {
    expect((await create('First use', 'key-reused')).status).toBe(200);
    const other = await create('Another request', 'key-reused');
    expect(other.status).toBe(422);
    expect(other.body).toEqual({ error: { code: 'IDEMPOTENCY_KEY_REUSED', message: expect.any(String) } });
    expect(await tasksTitled('Another request')).toBe(0);
  });

  test('keys are per user: another user with the same key gets their own first answer', async () => {
    const { admin: bob, id: bobOrg } = await createOrganization(server, 'Bob');
    await create('Ann shares a key', 'key-shared');
    const answer = await http(server, 'POST', '/graphql', {
      body: { query: String(D.CreateTaskDocument), variables: { task: { title: 'Bob shares a key' } } },
      headers: { authorization: `Bearer ${bob.accessToken}`, 'x-organization-id': bobOrg, 'idempotency-key': 'key-shared' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('idempotent-replayed')).toBeNull();
    expect(answer.body.data.createTask.task.title).toBe('Bob shares a key');
  });

  test('a mutation that fails leaves its key unused; a query ignores the header', async () => {
    const failed = await create('   ', 'key-failed');
    expect(failed.body.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect((await server.db.pool.query(`select 1 from app_private.idempotency_keys where key = 'key-failed'`)).rows).toHaveLength(0);
    const query = async () => http(server, 'POST', '/graphql', { body: { query: '{ tasks(first: 1) { totalCount } }' }, headers: headers('key-query') });
    const [one, two] = [await query(), await query()];
    expect([one.status, two.status]).toEqual([200, 200]);
    expect(two.headers.get('idempotent-replayed')).toBeNull();
  });

  test('a malformed key, or a key without a signed-in user, is 400 VALIDATION_FAILED', async () => {
    const malformed = await create('Bad key', 'has spaces in it');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('VALIDATION_FAILED');
    const anonymous = await http(server, 'POST', '/graphql', { body: { query: '{ currentUser { rowId } }' }, headers: { 'idempotency-key': 'key-anonymous' } });
    expect(anonymous.status).toBe(400);
    expect(anonymous.body.error.code).toBe('VALIDATION_FAILED');
  });

  test('keys older than 24 hours are deleted by the worker', async () => {
    await create('Old key', 'key-old');
    await server.db.pool.query(`update app_private.idempotency_keys set created_at = now() - interval '25 hours' where key = 'key-old'`);
    await server.db.pool.query(`select graphile_worker.add_job('expire_idempotency_keys', '{}')`);
    await waitFor(async () => (await server.db.pool.query(`select 1 from app_private.idempotency_keys where key = 'key-old'`)).rows.length === 0, 10_000, 'the old key deleted');
    expect((await server.db.pool.query(`select 1 from app_private.idempotency_keys where key = 'key-once'`)).rows).toHaveLength(1);
  });
});
