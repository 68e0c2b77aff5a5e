// One user, or one organization, cannot take the whole pool (server/fair-share.ts): slow statements from
// one user, and one user's many realtime subscriptions, wait for that user's slots while a bystander in
// another organization is served. Orderings and counts, not timings: the bystander is answered before
// the attacker's first statement ends; the pool never has anyone waiting for a connection.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as D from '../generated/graphql.ts';
import { as, createOrganization, member, type Organization } from '../support/organizations.ts';
import { subscriber, type Subscriber } from '../support/realtime.ts';
import { gql, http, register, startTestServer, type Session, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/worker.ts';

/** Each slow createTask holds its transaction this long (a trigger of this test database). */
const SLOW_SECONDS = 2;

let server: TestServer;
let annOrg: Organization;
let ann: Session; // annOrg's Admin
let bobOrg: Organization;
let bob: Session; // bobOrg's Admin

/** A test database's tasks whose title starts with "slow" take SLOW_SECONDS to insert. */
async function slowInserts(on: TestServer) {
  await on.db.pool.query(`
    create function app_private.test_slow_insert() returns trigger language plpgsql as $$
    begin
      if new.title like 'slow%' then perform pg_sleep(${SLOW_SECONDS}); end if;
      return new;
    end $$;
    create trigger _000_test_slow_insert before insert on app_public.tasks for each row execute function app_private.test_slow_insert();`);
}

beforeAll(async () => {
  // A pool of 10: 4 slots per user, 6 per organization. A request may wait 3 s for its slots.
  server = await startTestServer({ STATEMENT_TIMEOUT_MS: '3000' }, { poolSize: 10 });
  await slowInserts(server);
  [annOrg, bobOrg] = [await createOrganization(server, 'Ann'), await createOrganization(server, 'Bob')];
  [ann, bob] = [annOrg.admin, bobOrg.admin];
  await gql(server, D.CreateTaskDocument, { task: { title: 'Bob holds data' } }, as(bob, bobOrg));
});
afterAll(() => server?.close());

const slow = (i: number) => gql(server, D.CreateTaskDocument, { task: { title: `slow ${i}` } }, as(ann, annOrg));

describe('statements in flight', () => {
  test("ten slow statements from one user leave the pool to others: a bystander is answered before the first of them ends", async () => {
    const order: string[] = [];
    const attacks = Array.from({ length: 10 }, (_, i) => slow(i).then((result) => (order.push('attack'), result)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const bystander = await gql(server, D.TasksPageDocument, { first: 5 }, as(bob, bobOrg));
    order.push('bystander');
    expect(bystander.data?.tasks?.nodes.map((task) => task.title)).toEqual(['Bob holds data']);
    const results = await Promise.all(attacks);
    expect(order[0]).toBe('bystander');
    // Each was served, or refused with a code for having waited too long; none failed otherwise.
    for (const error of results.flatMap((result) => result.errors ?? [])) expect(error.extensions?.code).toBe('RATE_LIMITED');
  });

  test('past its slots a request waits its turn; one that would wait longer than a statement may run is refused: 429 RATE_LIMITED with Retry-After, nothing written', async () => {
    // 4 run at once for 2 s, the next 4 wait 2 s and run; the last 6 would wait 4 s (over 3 s): refused.
    const headers = { authorization: `Bearer ${ann.accessToken}`, 'x-organization-id': annOrg.id };
    const query = 'query Mine { tasks(first: 1) { totalCount } }';
    const attacks = Array.from({ length: 8 }, (_, i) => slow(100 + i));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const queries = await Promise.all(Array.from({ length: 6 }, () => http(server, 'POST', '/graphql', { body: { query }, headers })));
    const created = await Promise.all(attacks);
    expect(created.filter((result) => result.data?.createTask?.task)).toHaveLength(8);
    for (const response of queries) {
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(response.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['RATE_LIMITED']);
    }
    // Served again once the slots are free.
    const after = await http(server, 'POST', '/graphql', { body: { query }, headers });
    expect(after.status).toBe(200);
  });
});

describe('realtime work', () => {
  const open: Subscriber[] = [];
  afterAll(async () => {
    await Promise.all(open.map((s) => s.dispose()));
  });

  test("one user's 180 subscriptions share that user's slots: every one hears every change, the pool never has a waiter, a bystander is served", async () => {
    const watcher = await member(server, annOrg, annOrg.roles.Viewer, 'Watcher');
    for (let i = 0; i < 10; i += 1) {
      const s = await subscriber(server.url, watcher.accessToken, annOrg.id);
      open.push(s);
      for (let j = 1; j < 18; j += 1) s.subscribeAgain();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    let maxWaiting = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { body } = await http<string>(server, 'GET', '/metrics');
        maxWaiting = Math.max(maxWaiting, Number(/^rowgate_db_pool_waiting_requests (\d+)$/m.exec(body)?.[1]));
      }
    })();
    const CHANGES = 3;
    for (let i = 0; i < CHANGES; i += 1) {
      await gql(server, D.CreateTaskDocument, { task: { title: `Watched ${i}` } }, as(ann, annOrg));
    }
    const bystander = await Promise.all(Array.from({ length: 10 }, () => gql(server, D.TasksPageDocument, { first: 5 }, as(bob, bobOrg))));
    await waitFor(async () => open.every((s) => s.messages.length >= 18 * CHANGES), 60_000, 'every subscription heard every change');
    sampling = false;
    await sampler;
    expect(bystander.every((result) => result.data?.tasks?.nodes.length === 1)).toBe(true);
    expect(open.flatMap((s) => s.errors)).toEqual([]);
    expect(maxWaiting).toBe(0);
  });
});

describe('what never waits for the pool', () => {
  let held: TestServer;
  beforeAll(async () => {
    // One user may hold every connection here, and rate-limit counts live in PostgreSQL.
    held = await startTestServer({ RATE_LIMIT_STORE: 'postgres', DB_MAX_STATEMENTS_PER_USER: '4', DB_MAX_STATEMENTS_PER_ORGANIZATION: '4' }, { poolSize: 4 });
    await slowInserts(held);
  });
  afterAll(() => held?.close());

  test('with every connection held, health, the JWKS and the console answer before the first statement ends', async () => {
    const owned = await createOrganization(held, 'Held');
    const caller = as(owned.admin, owned);
    const order: string[] = [];
    const holding = Array.from({ length: 4 }, (_, i) => gql(held, D.CreateTaskDocument, { task: { title: `slow held ${i}` } }, caller).then(() => order.push('statement')));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const answers = await Promise.all(
      [['/healthz', {}], ['/.well-known/jwks.json', {}], ['/', { accept: 'text/html' }]].map(([path, headers]) =>
        http(held, 'GET', path as string, { headers: headers as Record<string, string> }).then((response) => (order.push(path as string), response.status)),
      ),
    );
    await Promise.all(holding);
    expect(answers).toEqual([200, 200, 200]);
    expect(order.slice(0, 3).sort()).toEqual(['/', '/.well-known/jwks.json', '/healthz']);
  });

  test('a token on an unknown path or a console file is never looked up: no round trip', async () => {
    const owner = await register(held, 'Stray');
    const roundTrips = async () => Number(/^rowgate_db_round_trips_total (\d+)$/m.exec((await http<string>(held, 'GET', '/metrics')).body)?.[1]);
    const before = await roundTrips();
    const headers = { authorization: `Bearer ${owner.accessToken}` };
    const stray = await http(held, 'GET', '/no/such/path', { headers });
    const page = await http(held, 'GET', '/tasks', { headers: { ...headers, accept: 'text/html' } });
    expect([stray.status, page.status]).toEqual([404, 200]);
    expect((await roundTrips()) - before).toBe(0);
  });
});
