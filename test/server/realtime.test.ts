// Realtime (API.md §6) through the real server, with real graphql-ws clients over WebSocket, and two
// organizations that both change tasks. Who may read an organization's tasks gets each committed change,
// in commit order; nobody else receives anything at all (asserted as the absence of any message over a
// waiting period); credentials are checked at connection_init and keep being checked after it.
import fs from 'node:fs/promises';
import path from 'node:path';
import { decodeJwt, importPKCS8, SignJWT } from 'jose';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as D from '../generated/graphql.ts';
import { inTransaction } from '../support/database.ts';
import { as, createOrganization, customRole, member, type Organization } from '../support/organizations.ts';
import { rawSocket, subscriber, type Subscriber } from '../support/realtime.ts';
import { dataOf, gql, http, register, startTestServer, type Session, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/worker.ts';

/** How long a subscriber that must receive nothing is watched after the others got everything. */
const QUIET_MS = 1_500;
/** The contract: an ended session or a lost permission closes the affected connections within 2 s. */
const WITHIN = 2_000;

let server: TestServer;
const open: Subscriber[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.dispose()));
});
afterAll(() => server?.close());

async function sql<R extends pg.QueryResultRow = any>(text: string, params: unknown[] = []): Promise<R[]> {
  return (await server.db.pool.query<R>(text, params)).rows;
}

async function listen(token: string | undefined, organizationId: string | undefined, options = {}): Promise<Subscriber> {
  const s = await subscriber(server.url, token, organizationId, options);
  open.push(s);
  return s;
}

async function createTask(org: Organization, title: string): Promise<string> {
  return dataOf(await gql(server, D.CreateTaskDocument, { task: { title } }, as(org.admin, org))).createTask!.task!.rowId;
}

const closedWithin = async (s: Subscriber, ms: number) => Promise.race([s.closed, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms))]);

let a: Organization;
let b: Organization;
beforeAll(async () => {
  server = await startTestServer();
  [a, b] = [await createOrganization(server, 'a'), await createOrganization(server, 'b')];
  // Both hold data.
  await createTask(a, 'Existing of a');
  await createTask(b, 'Existing of b');
});

describe('who hears what', () => {
  test('each committed change reaches those who may read tasks, in commit order; nobody else receives anything', async () => {
    const viewer = await member(server, a, a.roles.Viewer);
    const noRead = await member(server, a, ['teams:read', 'users:read']);
    const outsider = await register(server, 'Outsider');
    const adminA = await listen(a.admin.accessToken, a.id);
    const viewerA = await listen(viewer.accessToken, a.id);
    const withoutTasksRead = await listen(noRead.accessToken, a.id);
    const nonMember = await listen(outsider.accessToken, a.id);
    const adminOfBNamingA = await listen(b.admin.accessToken, a.id);
    const adminB = await listen(b.admin.accessToken, b.id);

    // One change at a time, each heard before the next: `task` is the row as it is when delivered.
    const heard = (n: number) => Promise.all([adminA, viewerA].map((s) => waitFor(async () => s.messages.length >= n, 5_000, `change ${n} delivered`)));
    const rowId = await createTask(a, 'Realtime 1');
    await heard(1);
    await gql(server, D.UpdateTaskDocument, { rowId, patch: { title: 'Realtime 2' } }, as(a.admin, a));
    await heard(2);
    await gql(server, D.UpdateTaskDocument, { rowId, patch: { title: 'Realtime 3', status: 'COMPLETED' } }, as(a.admin, a));
    await heard(3);
    await gql(server, D.DeleteTaskDocument, { rowId }, as(a.admin, a));
    await heard(4);
    const inB = await createTask(b, 'Realtime of b');

    const expected = [
      { event: 'CREATED', rowId, title: 'Realtime 1' },
      { event: 'UPDATED', rowId, title: 'Realtime 2' },
      { event: 'UPDATED', rowId, title: 'Realtime 3' },
      { event: 'DELETED', rowId, title: undefined },
    ];
    await waitFor(async () => adminB.messages.length >= 1, 5_000, "b's change delivered to b");
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    for (const s of [adminA, viewerA]) {
      expect(s.errors).toEqual([]);
      expect(s.messages.map((m) => ({ event: m.event, rowId: m.rowId, title: m.task?.title }))).toEqual(expected);
      expect(s.messages[3].task).toBeNull();
      expect(s.messages[2].task).toMatchObject({ status: 'COMPLETED' });
    }
    expect(adminB.messages.map((m) => [m.event, m.rowId])).toEqual([['CREATED', inB]]);
    // Refused when they subscribed (PERMISSION_DENIED, the connection stays), and never told anything since.
    for (const s of [withoutTasksRead, nonMember, adminOfBNamingA]) {
      expect(s.messages).toEqual([]);
      expect(JSON.stringify(s.errors)).toMatch(/PERMISSION_DENIED/);
      expect(s.errors).toHaveLength(1);
      expect(s.close).toBeUndefined();
    }
  });

  test('a rolled-back change is heard by nobody; a burst from one statement arrives whole and in order', async () => {
    const s = await listen(a.admin.accessToken, a.id);
    await inTransaction(server.db.pool, (client) => client.query(`insert into app_public.tasks (organization_id, title) values ($1, 'Rolled back')`, [a.id]));
    const ids = (await sql<{ id: string }>(`insert into app_public.tasks (organization_id, title) select $1, 'Burst ' || i from generate_series(1, 50) i returning id`, [a.id])).map((r) => r.id);
    await waitFor(async () => s.messages.length >= 50, 10_000, 'the burst delivered');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(s.messages.map((m) => m.rowId)).toEqual(ids);
    expect(s.messages.every((m) => m.event === 'CREATED')).toBe(true);
  });
});

describe('many subscribers in one organization', () => {
  // One statement decides for all of a process's subscribers of an organization (audience.ts): each must
  // still get exactly what RLS lets them read. A restrictive policy hides "Secret" tasks from whoever
  // cannot write tasks; a member is removed, and a session revoked, in the same commit as a change.
  test('each gets exactly what RLS allows: roles, a restrictive policy, a removal and a revocation in the commit of a change, several connections of one session', async () => {
    const c = await createOrganization(server, 'many');
    await sql(`create policy secret_needs_write on app_public.tasks as restrictive for select to app_user
      using (title not like 'Secret%' or app_public.current_user_has_permission('tasks:write'))`);
    try {
      const developers = [await member(server, c, c.roles.Developer), await member(server, c, c.roles.Developer)];
      const viewers = [await member(server, c, c.roles.Viewer), await member(server, c, c.roles.Viewer), await member(server, c, c.roles.Viewer)];
      const reader = await member(server, c, ['tasks:read']);
      const removed = await member(server, c, c.roles.Developer);
      const revoked = await member(server, c, c.roles.Developer);
      const [adminFirst, adminSecond] = [await listen(c.admin.accessToken, c.id), await listen(c.admin.accessToken, c.id)];
      const writers = [adminFirst, adminSecond, ...(await Promise.all(developers.map((d) => listen(d.accessToken, c.id))))];
      const readers = [...(await Promise.all(viewers.map((v) => listen(v.accessToken, c.id)))), await listen(reader.accessToken, c.id)];
      const removedStream = await listen(removed.accessToken, c.id);
      const revokedStream = await listen(revoked.accessToken, c.id);

      const plain = await createTask(c, 'Plain');
      const secret = await createTask(c, 'Secret plan');
      await waitFor(async () => [...writers, removedStream, revokedStream].every((s) => s.messages.length >= 2), 5_000, 'both changes heard');
      // The removal and the revocation commit together with a change: that change is theirs no more.
      const client = await server.db.pool.connect();
      let after: string;
      try {
        await client.query('begin');
        await client.query('delete from app_public.organization_memberships where organization_id = $1 and user_id = $2', [c.id, removed.user.id]);
        await client.query('update app_private.sessions set revoked_at = now() where user_id = $1', [revoked.user.id]);
        after = (await client.query<{ id: string }>(`insert into app_public.tasks (organization_id, title) values ($1, 'After') returning id`, [c.id])).rows[0].id;
        await client.query('commit');
      } finally {
        client.release();
      }
      await gql(server, D.DeleteTaskDocument, { rowId: secret }, as(c.admin, c));
      await waitFor(async () => writers.every((s) => s.messages.length >= 4), 5_000, 'every change heard by those who may');
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));

      const seen = (s: Subscriber) => s.messages.map((m) => [m.event, m.rowId]);
      for (const s of writers) expect(seen(s)).toEqual([['CREATED', plain], ['CREATED', secret], ['CREATED', after], ['DELETED', secret]]);
      for (const s of readers) expect(seen(s)).toEqual([['CREATED', plain], ['CREATED', after]]);
      expect(seen(removedStream)).toEqual([['CREATED', plain], ['CREATED', secret]]);
      expect(seen(revokedStream)).toEqual([['CREATED', plain], ['CREATED', secret]]);
      expect((await removedStream.closed).code).toBe(4403);
      expect((await revokedStream.closed).code).toBe(4401);
    } finally {
      await sql('drop policy secret_needs_write on app_public.tasks');
    }
  });
});

describe('one read for every subscriber, and per subscriber where it must', () => {
  // A document that selects only the task's own columns is answered from one read of the row for all its
  // subscribers (shared-delivery.ts); one that follows a relation runs per subscriber. Both as written.
  test('columns only, under aliases, and a relation each get the change under their own names', async () => {
    const org = await createOrganization(server, 'shapes');
    const developer = await member(server, org, org.roles.Developer);
    const columns = await listen(developer.accessToken, org.id, { query: 'subscription { taskChanged { kind: event id: rowId __typename task { name: title state: status } } }' });
    const related = await listen(org.admin.accessToken, org.id, { query: 'subscription { taskChanged { event rowId task { title createdBy { name } } } }' });
    const rowId = await createTask(org, 'Shapes');
    // `task` is the row when the message is sent: the deletion waits until the creation was heard.
    await waitFor(async () => columns.messages.length >= 1 && related.messages.length >= 1, 5_000, 'the creation heard by both');
    await gql(server, D.DeleteTaskDocument, { rowId }, as(org.admin, org));
    await waitFor(async () => columns.messages.length >= 2 && related.messages.length >= 2, 5_000, 'both changes heard by both');
    expect(columns.errors).toEqual([]);
    expect(related.errors).toEqual([]);
    expect(columns.messages as unknown[]).toEqual([
      { kind: 'CREATED', id: rowId, __typename: 'TaskChange', task: { name: 'Shapes', state: 'PENDING' } },
      { kind: 'DELETED', id: rowId, __typename: 'TaskChange', task: null },
    ]);
    expect(related.messages as unknown[]).toEqual([
      { event: 'CREATED', rowId, task: { title: 'Shapes', createdBy: { name: org.admin.user.name } } },
      { event: 'DELETED', rowId, task: null },
    ]);
  });
});

describe('credentials at connection_init', () => {
  test('an invalid, mis-signed, garbage or missing token closes the socket with 4403; so does a malformed organization', async () => {
    const forged = `${a.admin.accessToken.slice(0, -4)}AAAA`;
    for (const params of [{ authorization: 'Bearer not-a-token' }, { authorization: `Bearer ${forged}` }, { authorization: a.admin.accessToken }, {}, { authorization: `Bearer ${a.admin.accessToken}`, 'x-organization-id': 'nope' }]) {
      const s = await listen(undefined, undefined, { connectionParams: params });
      expect((await closedWithin(s, WITHIN))?.code, JSON.stringify(params)).toBe(4403);
      expect(s.messages).toEqual([]);
    }
  });

  test('keys are case-insensitive', async () => {
    const s = await listen(undefined, undefined, { connectionParams: { Authorization: `Bearer ${a.admin.accessToken}`, 'X-Organization-ID': a.id } });
    const rowId = await createTask(a, 'Case');
    await waitFor(async () => s.messages.some((m) => m.rowId === rowId), 5_000, 'delivered');
  });
});

describe('authorization lives past the handshake', () => {
  test('logout closes the session’s connections with 4401 within 2 s; another session of the same user stays', async () => {
    const user = await member(server, a, a.roles.Developer);
    const other = (await http(server, 'POST', '/auth/login', { body: { email: user.user.email, password: 'correct horse battery' } })).body as Session;
    const doomed = await listen(user.accessToken, a.id);
    const kept = await listen(other.accessToken, a.id);
    expect((await http(server, 'POST', '/auth/logout', { headers: { authorization: `Bearer ${user.accessToken}` } })).status).toBe(204);
    expect((await closedWithin(doomed, WITHIN))?.code).toBe(4401);
    expect(kept.close).toBeUndefined();
    const rowId = await createTask(a, 'After logout');
    await waitFor(async () => kept.messages.some((m) => m.rowId === rowId), 5_000, 'the other session still hears');
  });

  test('a refresh token presented twice revokes the session: 4401', async () => {
    const user = await member(server, a, a.roles.Viewer);
    const s = await listen(user.accessToken, a.id);
    expect((await http(server, 'POST', '/auth/refresh', { body: { refreshToken: user.refreshToken } })).status).toBe(200);
    expect((await http(server, 'POST', '/auth/refresh', { body: { refreshToken: user.refreshToken } })).status).toBe(401);
    expect((await closedWithin(s, WITHIN))?.code).toBe(4401);
  });

  test('removal from the organization closes with 4403 within 2 s; members who stay are untouched', async () => {
    const leaving = await member(server, a, a.roles.Viewer);
    const staying = await member(server, a, a.roles.Viewer);
    const s = await listen(leaving.accessToken, a.id);
    const t = await listen(staying.accessToken, a.id);
    const [membership] = await sql<{ id: string }>('select id from app_public.organization_memberships where organization_id = $1 and user_id = $2', [a.id, leaving.user.id]);
    const removed = await gql(server, D.DeleteOrganizationMembershipDocument, { rowId: membership.id }, as(a.admin, a));
    expect(removed.errors).toBeUndefined();
    expect((await closedWithin(s, WITHIN))?.code).toBe(4403);
    expect(t.close).toBeUndefined();
  });

  test('losing tasks:read, by a role taken away or a role edited, closes with 4403 within 2 s', async () => {
    const assigned = await member(server, a, a.roles.Viewer);
    const editedRole = await customRole(server, a.id, ['tasks:read']);
    const edited = await member(server, a, editedRole);
    const s1 = await listen(assigned.accessToken, a.id);
    const s2 = await listen(edited.accessToken, a.id);
    const [userRole] = await sql<{ id: string }>('select id from app_public.user_roles where organization_id = $1 and user_id = $2', [a.id, assigned.user.id]);
    expect((await gql(server, D.DeleteUserRoleDocument, { rowId: userRole.id }, as(a.admin, a))).errors).toBeUndefined();
    expect((await gql(server, D.UpdateRoleDocument, { rowId: editedRole, patch: { permissions: ['teams:read'] } }, as(a.admin, a))).errors).toBeUndefined();
    expect((await closedWithin(s1, WITHIN))?.code).toBe(4403);
    expect((await closedWithin(s2, WITHIN))?.code).toBe(4403);
  });

  test("the access token's exp closes its connection at that moment, with 4401", async () => {
    const user = await member(server, a, a.roles.Viewer);
    const algorithm = server.config.jwt.algorithm;
    const key = await importPKCS8(await fs.readFile(path.join(server.config.dataDir, 'keys', `${algorithm}.pem`), 'utf8'), algorithm);
    const claims = decodeJwt(user.accessToken);
    const expiresAt = Math.floor(Date.now() / 1000) + 3;
    const shortLived = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: algorithm, typ: 'JWT' })
      .setSubject(user.user.id)
      .setIssuer(server.config.jwt.issuer)
      .setAudience(server.config.jwt.audience)
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(key);
    const s = await listen(shortLived, a.id);
    const close = await closedWithin(s, 6_000);
    expect(close?.code).toBe(4401);
    expect(Math.abs(Date.now() - expiresAt * 1000), 'closed at its exp').toBeLessThan(1_000);
  });
});

describe('limits', () => {
  let small: TestServer;
  beforeAll(async () => {
    small = await startTestServer({ REALTIME_MAX_CONNECTIONS_PER_USER: '2', REALTIME_MAX_SUBSCRIPTIONS_PER_CONNECTION: '2', GRAPHQL_MAX_DEPTH: '4' });
  });
  afterAll(() => small?.close());

  test('subscription documents go through the same rules as HTTP ones (depth here)', async () => {
    const user = await register(small, 'Deep');
    const s = await subscriber(small.url, user.accessToken, undefined, {
      query: 'subscription Deep { taskChanged { task { organization { tasks { nodes { rowId } } } } } }',
    });
    open.push(s);
    await waitFor(async () => s.errors.length > 0, 5_000, 'the refusal');
    expect(JSON.stringify(s.errors)).toMatch(/QUERY_TOO_COMPLEX/);
  });

  test('more subscriptions on a connection than allowed are refused with TOO_MANY_SUBSCRIPTIONS; more connections per user close with 4429', async () => {
    const { admin: user, id: org } = await createOrganization(small, 'Busy');
    const first = await subscriber(small.url, user.accessToken, org);
    open.push(first);
    first.subscribeAgain();
    first.subscribeAgain();
    await waitFor(async () => first.errors.length > 0, 5_000, 'the third subscription refused');
    expect(JSON.stringify(first.errors)).toMatch(/TOO_MANY_SUBSCRIPTIONS/);
    expect(first.errors).toHaveLength(1);
    const second = await subscriber(small.url, user.accessToken, org);
    open.push(second);
    expect(second.close).toBeUndefined();
    const third = await subscriber(small.url, user.accessToken, org);
    open.push(third);
    expect((await closedWithin(third, WITHIN))?.code).toBe(4429);
  });

  test('a subscriber that falls too far behind (a burst of more events than may wait) is disconnected with 1013, not buffered', async () => {
    const s = await listen(a.admin.accessToken, a.id);
    await sql(`insert into app_public.tasks (organization_id, title) select $1, 'Flood ' || i from generate_series(1, 3000) i`, [a.id]);
    expect((await closedWithin(s, 10_000))?.code).toBe(1013);
  });
});

describe('what a subscription may ask for, and what a socket may take', () => {
  let tight: TestServer;
  let owner: Session;
  let orgId: string;
  beforeAll(async () => {
    // A small message limit (description's 20,000 characters fit the estimate, not 6x that escaped), and
    // places for two sockets per address and three in all, addresses told by a trusted proxy.
    // Execution is bounded at 1 s: a subscription lives longer than that.
    tight = await startTestServer({
      REALTIME_MAX_MESSAGE_BYTES: '30000',
      REALTIME_MAX_CONNECTIONS_PER_IP: '2',
      REALTIME_MAX_CONNECTIONS: '3',
      TRUST_PROXY_HOPS: '1',
      REALTIME_MAX_CONNECTIONS_PER_USER: '2',
      EXECUTION_TIMEOUT_MS: '1000',
    });
    const created = await createOrganization(tight, 'Tight');
    [owner, orgId] = [created.admin, created.id];
  });
  afterAll(() => tight?.close());
  const on = (query?: string, forwardedFor = '10.0.0.1') =>
    subscriber(tight.url, undefined, undefined, {
      query,
      connectionParams: { authorization: `Bearer ${owner.accessToken}`, 'x-organization-id': orgId },
      headers: { 'x-forwarded-for': forwardedFor },
    }).then((s) => (open.push(s), s));
  const refusedWith = async (s: Subscriber, pattern: RegExp) => {
    await waitFor(async () => s.errors.length > 0, 5_000, 'the refusal');
    expect(JSON.stringify(s.errors)).toMatch(pattern);
  };

  test("the red team's subscription (a page of the organization's tasks under every event) is refused: no lists in a subscription", async () => {
    const s = await on('subscription Heavy { taskChanged { task { organization { tasks(first: 100) { nodes { rowId title description } } } } } }');
    await refusedWith(s, /QUERY_TOO_COMPLEX.*|may not select lists/);
    expect(JSON.stringify(s.errors)).toMatch(/Organization\.tasks/);
  });

  test('a subscription whose message could outgrow REALTIME_MAX_MESSAGE_BYTES (aliases of a large field) is refused when it is made', async () => {
    const s = await on('subscription Fat { taskChanged { task { a: metadata b: metadata } } }');
    await refusedWith(s, /could be [\d,]+ bytes; the limit is 30,000/);
  });

  test('a message that grows over the limit anyway is not sent: that event is an error, and the next one arrives', async () => {
    const s = await on('subscription Described { taskChanged { rowId task { description } } }');
    // 20,000 control characters: within the length rule, six times that once escaped as JSON (and over
    // the request body limit, hence written directly).
    await tight.db.pool.query(`insert into app_public.tasks (organization_id, title, description) values ($1, 'Fat', repeat(chr(1), 20000))`, [orgId]);
    await refusedWith(s, /RESPONSE_TOO_LARGE/);
    const thin = await gql(tight, D.CreateTaskDocument, { task: { title: 'Thin' } }, { token: owner.accessToken, organizationId: orgId });
    await waitFor(async () => s.messages.length > 0, 5_000, 'the next event');
    expect(s.messages.map((m) => m.rowId)).toEqual([thin.data!.createTask!.task!.rowId]);
    expect(s.close).toBeUndefined();
  });

  test('a subscription older than EXECUTION_TIMEOUT_MS still gets each task (the budget is per event, not per subscription)', async () => {
    const s = await on();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const created = await gql(tight, D.CreateTaskDocument, { task: { title: 'Later than the timeout' } }, { token: owner.accessToken, organizationId: orgId });
    await waitFor(async () => s.messages.length > 0, 5_000, 'the message');
    expect(s.errors).toEqual([]);
    expect(s.messages[0]).toMatchObject({ event: 'CREATED', rowId: created.data!.createTask!.task!.rowId, task: { title: 'Later than the timeout' } });
  });

  test('queries and mutations are refused on the socket (METHOD_NOT_ALLOWED): they go over HTTP, through its limits', async () => {
    const query = await on('query Mine { currentUser { rowId } }');
    await refusedWith(query, /METHOD_NOT_ALLOWED/);
    const mutation = await on('mutation Spam { createTask(input: {task: {title: "over the socket"}}) { task { rowId } } }');
    await refusedWith(mutation, /METHOD_NOT_ALLOWED/);
    const { rows } = await tight.db.pool.query(`select 1 from app_public.tasks where title = 'over the socket'`);
    expect(rows).toHaveLength(0);
  });

  test('a socket that closes during connection_init leaves no trace: its user is not held at the per-user cap', async () => {
    for (let i = 0; i < 5; i += 1) {
      const raw = await rawSocket(tight.url, { 'x-forwarded-for': `10.1.0.${i}` });
      raw.send({ type: 'connection_init', payload: { authorization: `Bearer ${owner.accessToken}`, 'x-organization-id': orgId } });
      raw.socket.terminate();
      await raw.closed;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const s = await on(undefined, '10.1.1.1');
    expect(s.close).toBeUndefined();
  });

  test('places: past REALTIME_MAX_CONNECTIONS_PER_IP an address is refused 429 at the upgrade, past REALTIME_MAX_CONNECTIONS anyone 503', async () => {
    const held = [await rawSocket(tight.url, { 'x-forwarded-for': '10.2.0.1' }), await rawSocket(tight.url, { 'x-forwarded-for': '10.2.0.1' })];
    await expect(rawSocket(tight.url, { 'x-forwarded-for': '10.2.0.1' })).rejects.toMatchObject({ status: 429 });
    held.push(await rawSocket(tight.url, { 'x-forwarded-for': '10.2.0.2' }));
    await expect(rawSocket(tight.url, { 'x-forwarded-for': '10.2.0.3' })).rejects.toMatchObject({ status: 503 });
    // Places come back with their sockets.
    for (const raw of held) raw.socket.close();
    await Promise.all(held.map((raw) => raw.closed));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await rawSocket(tight.url, { 'x-forwarded-for': '10.2.0.3' });
    again.socket.close();
  });

  test('a client that stops reading holds one message in flight per subscription, and is disconnected (1013) once its events back up', async () => {
    const raw = await rawSocket(tight.url, { 'x-forwarded-for': '10.3.0.1' });
    raw.send({ type: 'connection_init', payload: { authorization: `Bearer ${owner.accessToken}`, 'x-organization-id': orgId } });
    await waitFor(async () => raw.received.some((m) => m.type === 'connection_ack'), 5_000, 'the ack');
    raw.send({ id: '1', type: 'subscribe', payload: { query: 'subscription { taskChanged { task { description } } }' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Stop reading: the kernel's buffers fill, then each send waits for them (graphql-ws sends a
    // subscription's next message only once the last is written), then the events wait, up to a bound.
    (raw.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const description = 'x'.repeat(20_000);
    await tight.db.pool.query(`insert into app_public.tasks (organization_id, title, description) select $1, 'Unread ' || i, $2 from generate_series(1, 2000) i`, [orgId, description]);
    // Reading again, the client finds what was sent before the server gave up on it, then the close.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    (raw.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    const code = await Promise.race([raw.closed, new Promise((resolve) => setTimeout(() => resolve('still open'), 10_000))]);
    raw.socket.terminate();
    expect(code).toBe(1013);
    expect(raw.received.filter((m) => m.type === 'next').length).toBeLessThan(1_000);
  });
});

describe('the database behind it', () => {
  test('losing the realtime listener (as in a PostgreSQL restart) closes every connection with 1012; a reconnect hears again', async () => {
    const s = await listen(a.admin.accessToken, a.id);
    await sql(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'rowgate-realtime' and datname = current_database()`);
    expect((await closedWithin(s, 5_000))?.code).toBe(1012);
    // The listener comes back by itself; a client that reconnects hears changes again.
    let again: Subscriber | undefined;
    await waitFor(
      async () => {
        const candidate = await listen(a.admin.accessToken, a.id);
        const rowId = await createTask(a, 'After the restart');
        await new Promise((resolve) => setTimeout(resolve, 300));
        if (candidate.messages.some((m) => m.rowId === rowId)) return (again = candidate);
        return undefined;
      },
      15_000,
      'realtime back after the listener was lost',
    );
    expect(again?.close).toBeUndefined();
  });
});
