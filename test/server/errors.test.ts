// Error masking, as a client sees it: database errors with a documented SQLSTATE arrive as
// extensions.code with a message the server wrote (no SQL text, constraint names or key values); anything
// else is a generic message with an error id; non-GraphQL errors are {"error":{"code","message"}}; and no
// response carries a stack trace.
import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConsoleSessionDocument } from '../../client/generated/graphql.ts';
import { CreateOrganizationDocument, CreateRoleDocument, CreateTaskDependencyDocument, CreateTaskDocument, DeleteTaskDocument, TasksDocument, UpdateTaskDocument } from '../generated/graphql.ts';
import { DATABASE_ERRORS, ERROR_CODES } from '../../server/errors.ts';
import { as, createOrganization, member, type Organization } from '../support/organizations.ts';
import { dataOf, gql, http, register, startTestServer, type Caller, type GraphQLResult, type HttpResult, type Session, type TestServer, type TypedDocument } from '../support/server.ts';

let server: TestServer;
let org: Organization;
let ann: Session; // org's Admin
let otherOrgId: string; // ann's second organization

/** Every response body this file receives, checked for stack traces at the end. */
const seen: string[] = [];

async function call<T, V>(document: TypedDocument<T, V>, variables: V, caller: Caller, on = server): Promise<GraphQLResult<T>> {
  const result = await gql(on, document, variables, caller);
  seen.push(JSON.stringify(result));
  return result;
}

async function request(method: string, pathname: string, options: Parameters<typeof http>[3] = {}, on: { url: string } = server): Promise<HttpResult> {
  const result = await http(on, method, pathname, options);
  seen.push(typeof result.body === 'string' ? result.body : JSON.stringify(result.body ?? ''));
  return result;
}

/** Words PostgreSQL's own messages use; none may reach a client. */
const SQL_WORDS = /duplicate key|constraint|violates|row-level security|policy|relation "|app_public|insert into|select .+ from|delete from|SQLSTATE|canceling statement|invalid byte sequence|UTF8/i;

/** The one error of a failed mutation, with the whole response text for leak checks. */
function onlyError(result: GraphQLResult<unknown>) {
  expect(result.errors, JSON.stringify(result)).toHaveLength(1);
  const [error] = result.errors!;
  const text = JSON.stringify(result);
  expect(text).not.toMatch(SQL_WORDS);
  return { error, text };
}

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server, 'Errors');
  ann = org.admin;
  otherOrgId = (await createOrganization(server, 'Elsewhere', ann)).id;
});
afterAll(() => server?.close());

describe('database errors with a documented SQLSTATE', () => {
  test('a unique violation (an existing slug) is ALREADY_EXISTS, without SQL text, constraint name or key value', async () => {
    const bob = await register(server, 'Bob');
    const result = await call(CreateOrganizationDocument, { name: 'Copycat', slug: org.slug }, { token: bob.accessToken });
    expect(result.status).toBe(200);
    expect(result.data?.createOrganization ?? null).toBeNull();
    const { error, text } = onlyError(result);
    expect(error.extensions).toEqual({ code: 'ALREADY_EXISTS', field: 'slug' });
    expect(error.message).toBe('This slug is already taken');
    expect(error.path).toEqual(['createOrganization']);
    expect(text).not.toContain(org.slug);
    expect(text).not.toMatch(/duplicate key|constraint|violates|organizations_slug_key/i);
    expect(Object.keys(error.extensions!).sort()).toEqual(['code', 'field']);
  });

  test('an RLS refusal (a Viewer creating a task) is PERMISSION_DENIED, without SQL text', async () => {
    const vic = await member(server, org, org.roles.Viewer, 'Vic');
    const result = await call(CreateTaskDocument, { task: { title: 'Not allowed' } }, as(vic, org));
    const { error, text } = onlyError(result);
    expect(error.extensions?.code).toBe('PERMISSION_DENIED');
    expect(error.message).toBe('Permission denied');
    expect(text).not.toMatch(/row-level|policy|tasks/i);
    // ... and nothing was written.
    const { rows } = await server.db.pool.query("select 1 from app_public.tasks where title = 'Not allowed'");
    expect(rows).toHaveLength(0);
  });

  test('a rule of rowgate\'s own SQL (RG403: assignee without tasks:assign) keeps its written message', async () => {
    const wes = await member(server, org, ['tasks:read', 'tasks:write'], 'Wes');
    const result = await call(CreateTaskDocument, { task: { title: 'Assigned', assigneeId: ann.user.id } }, as(wes, org));
    const { error, text } = onlyError(result);
    expect(error.extensions?.code).toBe('PERMISSION_DENIED');
    expect(error.message).toBe('Setting the assignee needs the tasks:assign permission');
    expect(text).not.toContain(ann.user.id);
  });

  test('a check violation is VALIDATION_FAILED naming the input field, with a message a person can act on', async () => {
    const cases = [
      { run: () => call(CreateTaskDocument, { task: { title: '   ' } }, as(ann, org)), field: 'title', message: /title has 1 to 500 characters/ },
      { run: () => call(CreateTaskDocument, { task: { title: 'x'.repeat(10_000) } }, as(ann, org)), field: 'title', message: /1 to 500/ },
      { run: () => call(CreateOrganizationDocument, { name: 'Bad', slug: 'Not A Slug!' }, { token: ann.accessToken }), field: 'slug', message: /lower-case letters and digits/ },
      { run: () => call(CreateRoleDocument, { role: { name: 'Nulls', permissions: [null as unknown as string] } }, as(ann, org)), field: 'permissions', message: /none may be null/ },
      { run: () => call(CreateRoleDocument, { role: { name: 'Unknown', permissions: ['tasks:fly'] } }, as(ann, org)), field: 'permissions', message: /Unknown permission "tasks:fly"/ },
    ];
    for (const { run, field, message } of cases) {
      const { error, text } = onlyError(await run());
      expect(error.extensions, String(message)).toEqual({ code: 'VALIDATION_FAILED', field });
      expect(error.message).toMatch(message);
      expect(text).not.toMatch(/Not A Slug!|_check|constraint/);
    }
  });

  test('a task depending on itself is VALIDATION_FAILED on dependsOnTaskId', async () => {
    const task = (await call(CreateTaskDocument, { task: { title: 'Self' } }, as(ann, org))).data!.createTask!.task!.rowId;
    const result = await call(CreateTaskDependencyDocument, { taskDependency: { taskId: task, dependsOnTaskId: task } }, as(ann, org));
    const { error } = onlyError(result);
    expect(error.extensions).toEqual({ code: 'VALIDATION_FAILED', field: 'dependsOnTaskId' });
    expect(error.message).toBe('A task cannot depend on itself.');
  });

  test('a foreign key to a missing row (a team that does not exist) is NOT_FOUND on teamId, without the key value', async () => {
    const missingTeam = '00000000-0000-4000-8000-000000000001';
    const result = await call(CreateTaskDocument, { task: { title: 'Orphan', teamId: missingTeam } }, as(ann, org));
    const { error, text } = onlyError(result);
    expect(error.extensions).toEqual({ code: 'NOT_FOUND', field: 'teamId' });
    expect(error.message).toBe('No such team in this organization');
    expect(text).not.toContain(missingTeam);
  });
});

describe('errors PostGraphile raises itself', () => {
  test('deleting a task that does not exist is NOT_FOUND (not an internal error)', async () => {
    const result = await call(DeleteTaskDocument, { rowId: '00000000-0000-4000-8000-000000000002' }, as(ann, org));
    const { error, text } = onlyError(result);
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(text).not.toMatch(/collection|No values were deleted/);
  });

  test("deleting another organization's task looks exactly like deleting a missing one", async () => {
    const created = await call(CreateTaskDocument, { task: { title: 'Elsewhere' } }, { token: ann.accessToken, organizationId: otherOrgId });
    const theirs = created.data!.createTask!.task!.rowId;
    const missing = await call(DeleteTaskDocument, { rowId: '00000000-0000-4000-8000-000000000003' }, as(ann, org));
    const foreign = await call(DeleteTaskDocument, { rowId: theirs }, as(ann, org));
    expect(foreign).toEqual(missing);
    const { rows } = await server.db.pool.query('select 1 from app_public.tasks where id = $1', [theirs]);
    expect(rows).toHaveLength(1);
  });

  test('an update with an empty patch is VALIDATION_FAILED with PostGraphile\'s safe message', async () => {
    const created = await call(CreateTaskDocument, { task: { title: 'Patch me' } }, as(ann, org));
    const result = await call(UpdateTaskDocument, { rowId: created.data!.createTask!.task!.rowId, patch: {} }, as(ann, org));
    const { error } = onlyError(result);
    expect(error.extensions?.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/no new values/i);
  });

  test('an invalid cursor is VALIDATION_FAILED, not an internal error', async () => {
    const result = await request('POST', '/graphql', {
      body: { query: 'query BadCursor { tasks(first: 1, after: "not-a-cursor") { totalCount } }' },
      headers: { authorization: `Bearer ${ann.accessToken}`, 'x-organization-id': org.id },
    });
    expect(result.body.errors).toHaveLength(1);
    expect(result.body.errors[0].extensions).toEqual({ code: 'VALIDATION_FAILED' });
    expect(result.body.errors[0].message).toMatch(/cursor/i);
  });

  test('a negative page size or offset is VALIDATION_FAILED, not an internal error', async () => {
    for (const args of ['first: -1', 'last: -1', 'offset: -5']) {
      const result = await request('POST', '/graphql', {
        body: { query: `query Negative { tasks(${args}) { totalCount } }` },
        headers: { authorization: `Bearer ${ann.accessToken}`, 'x-organization-id': org.id },
      });
      expect(result.status, args).toBe(400);
      expect(result.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code), args).toEqual(['VALIDATION_FAILED']);
    }
    const viaVariable = await call(TasksDocument, { first: -3 }, as(ann, org));
    expect(viaVariable.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
  });
});

describe('an organization-scoped operation without X-Organization-Id', () => {
  test('is ORGANIZATION_REQUIRED, naming the fields, instead of an empty list or a bare PERMISSION_DENIED', async () => {
    const list = await call(TasksDocument, { first: 5 }, { token: ann.accessToken });
    expect(list.status).toBe(400); // refused before it ran, as a malformed request is
    expect(list.data).toBeUndefined();
    const { error } = onlyError(list);
    expect(error.extensions).toEqual({ code: 'ORGANIZATION_REQUIRED' });
    expect(error.message).toBe('tasks works inside an organization: send its id in the X-Organization-Id header');

    const create = await call(CreateTaskDocument, { task: { title: 'Where?' } }, { token: ann.accessToken });
    expect(onlyError(create).error.extensions).toEqual({ code: 'ORGANIZATION_REQUIRED' });
    const { rows } = await server.db.pool.query("select 1 from app_public.tasks where title = 'Where?'");
    expect(rows).toHaveLength(0);
  });

  test('what is not scoped to one organization still works without it', async () => {
    const data = dataOf(await call(ConsoleSessionDocument, {}, { token: ann.accessToken }));
    expect(data.currentUser?.rowId).toBe(ann.user.id);
    expect(data.currentUserPermissions).toEqual([]);
    expect(data.organizations?.nodes.map((o) => o.rowId).sort()).toEqual([org.id, otherOrgId].sort());
  });

  test('with the header, the same operation runs', async () => {
    const created = dataOf(await call(CreateTaskDocument, { task: { title: 'With the header' } }, as(ann, org))).createTask!.task!.rowId;
    const listed = dataOf(await call(TasksDocument, { first: 100 }, as(ann, org)));
    expect(listed.tasks?.nodes.map((task) => task.rowId)).toContain(created);
  });
});

describe('unexpected errors are masked', () => {
  test('a statement timeout (STATEMENT_TIMEOUT_MS=100, the table locked) is TIMEOUT, without SQL text', async () => {
    const slow = await startTestServer({ STATEMENT_TIMEOUT_MS: '100' });
    try {
      const timed = await createOrganization(slow, 'Slow');
      const caller = as(timed.admin, timed);
      // A superuser transaction holds the tasks table; the request waits for it until its statement times out.
      const locker = await slow.db.pool.connect();
      try {
        await locker.query('begin');
        await locker.query('lock table app_public.tasks in access exclusive mode');
        const result = await gql(slow, TasksDocument, { first: 10 }, caller);
        seen.push(JSON.stringify(result));
        const { error } = onlyError(result);
        expect(error.extensions?.code).toBe('TIMEOUT');
        expect(error.message).toBe('The request took too long');
      } finally {
        await locker.query('rollback');
        locker.release();
      }
      // Once the lock is gone the same request succeeds: the timeout was the statement's, not the server's.
      const after = await gql(slow, TasksDocument, { first: 10 }, caller);
      expect(after.errors).toBeUndefined();
      expect(after.data?.tasks?.totalCount).toBe(0);
    } finally {
      await slow.close();
    }
  });

  test('a planning timeout (PLANNING_TIMEOUT_MS=100, a wide document) is TIMEOUT, not an internal error', async () => {
    // The other limits are raised so that planning time is what gives out.
    const wide = await startTestServer({
      PLANNING_TIMEOUT_MS: '100',
      GRAPHQL_MAX_ALIASES: '10000',
      GRAPHQL_MAX_TOKENS: '1000000',
      REQUEST_BODY_LIMIT_BYTES: '10000000',
    });
    try {
      // Signed in: an anonymous caller's operation is refused before it is planned.
      const { accessToken } = await register(wide, 'Wide');
      let nested = 'rowId';
      for (let i = 0; i < 3; i += 1) nested = `tasks(first: 1) { nodes { organization { ${nested} } } }`;
      const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: organizations(first: 1) { nodes { ${nested} } }`).join(' ');
      const result = await request('POST', '/graphql', { body: { query: `query Wide { ${aliases} }` }, headers: { authorization: `Bearer ${accessToken}` } }, wide);
      expect(result.body.errors).toEqual([{ message: 'The request took too long', extensions: { code: 'TIMEOUT' } }]);
      expect(result.body.data ?? null).toBeNull();
    } finally {
      await wide.close();
    }
  });

  test('a database error with an undocumented SQLSTATE is INTERNAL_ERROR: a generic message with an error id', async () => {
    // Every error a client can cause has a documented SQLSTATE, so this test database gets a trigger of
    // its own that fails like a bug would (P0001, with internals in its text).
    await server.db.pool.query(`
      create function app_private.test_fail_like_a_bug() returns trigger language plpgsql as $$
      begin
        if new.title = 'fail like a bug' then raise exception 'internal: secret_table (id)=(42)'; end if;
        return new;
      end $$;
      create trigger _000_test_fail_like_a_bug before insert on app_public.tasks
        for each row execute function app_private.test_fail_like_a_bug();`);
    const result = await call(CreateTaskDocument, { task: { title: 'fail like a bug' } }, as(ann, org));
    const { error, text } = onlyError(result);
    expect(error.extensions?.code).toBe('INTERNAL_ERROR');
    const errorId = error.extensions?.errorId as string;
    expect(errorId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(error.message).toBe(`An unexpected error occurred (id ${errorId})`);
    // The error id is random hex and may contain "42" itself.
    expect(text.replaceAll(errorId, '')).not.toMatch(/secret_table|42|internal:/i);
  });
});

test('every code the server answers is in docs/error-codes.md', async () => {
  const documented = await fs.readFile(new URL('../../docs/error-codes.md', import.meta.url), 'utf8');
  expect(ERROR_CODES.filter((code) => !documented.includes(`\`${code}\``))).toEqual([]);
});

test('one catalog: every SQLSTATE the migrations raise is in DATABASE_ERRORS, and documented with its code', async () => {
  const committed = new URL('../../migrations/committed/', import.meta.url);
  const raised = new Set<string>();
  for (const file of await fs.readdir(committed)) {
    for (const [, state] of (await fs.readFile(new URL(file, committed), 'utf8')).matchAll(/errcode\s*=\s*'(RG[A-Z0-9]{3})'/g)) raised.add(state);
  }
  expect(raised.size).toBeGreaterThanOrEqual(15);
  expect([...raised].filter((state) => !DATABASE_ERRORS[state])).toEqual([]);
  const documented = await fs.readFile(new URL('../../docs/error-codes.md', import.meta.url), 'utf8');
  const table = documented.slice(documented.indexOf("## SQLSTATEs raised by rowgate's own SQL"));
  const rows = table.split('\n').filter((line) => line.startsWith('| `RG'));
  for (const state of raised) {
    const row = rows.find((line) => line.split('|')[1].includes(`\`${state}\``));
    expect(row, state).toBeDefined();
    expect(row, state).toContain(`\`${DATABASE_ERRORS[state].code}\``);
  }
});

describe('non-GraphQL errors', () => {
  test('an unknown route is 404 {"error":{"code":"NOT_FOUND"}}', async () => {
    for (const [method, pathname] of [['GET', '/nope'], ['POST', '/api/graphql'], ['DELETE', '/healthz'], ['GET', '/auth/register']]) {
      const response = await request(method, pathname);
      expect(response.status, `${method} ${pathname}`).toBe(404);
      expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    }
  });

  test('an invalid body on /auth/register is 400 VALIDATION_FAILED in the error shape', async () => {
    const response = await request('POST', '/auth/register', { body: { email: 'not-an-email', password: 1 } });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String) } });
  });

  test('malformed JSON on /auth/login is 400 VALIDATION_FAILED', async () => {
    const response = await request('POST', '/auth/login', { raw: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String) } });
  });

  test('a garbage bearer token on /graphql is 401 INVALID_TOKEN, never anonymous', async () => {
    const response = await request('POST', '/graphql', { body: { query: '{ __typename }' }, headers: { authorization: 'Bearer not.a.token' } });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: 'INVALID_TOKEN', message: expect.any(String) } });
  });

  test('an X-Organization-Id that is not a UUID is 400 VALIDATION_FAILED', async () => {
    const response = await request('POST', '/graphql', { body: { query: '{ __typename }' }, headers: { 'x-organization-id': "1' or '1'='1" } });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String) } });
  });
});

test('no response in this file carried a stack trace or SQL text', () => {
  expect(seen.length).toBeGreaterThan(20);
  for (const text of seen) {
    expect(text).not.toMatch(/\n\s+at |\bat .+\(.+:\d+:\d+\)|node_modules|\.(ts|js):\d+|"stack"/);
    expect(text).not.toMatch(/duplicate key|violates|row-level security|canceling statement|invalid byte sequence/i);
  }
});
