// Abusive requests: each is refused or capped with a clear error code, never a 5xx. Bodies here are raw
// on purpose (they cannot be typed documents). No timing assertions: performance is the bench's job;
// where an attack once stalled the server, a bystander's request is served beside it.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CurrentUserDocument, TasksDocument } from '../generated/graphql.ts';
import { productionKey } from '../support/keys.ts';
import { createOrganization } from '../support/organizations.ts';
import { dataOf, gql, http, register, startTestServer, type Session, type TestServer } from '../support/server.ts';

let server: TestServer;
let ann: Session;
let orgId: string;

beforeAll(async () => {
  server = await startTestServer();
  const org = await createOrganization(server, 'Abuse');
  [ann, orgId] = [org.admin, org.id];
});
afterAll(() => server?.close());

const caller = () => ({ authorization: `Bearer ${ann.accessToken}`, 'x-organization-id': orgId });

/** POSTs a raw GraphQL body as JSON. */
function post(body: unknown, headers: Record<string, string> = caller()) {
  return http(server, 'POST', '/graphql', { body, headers });
}

function codes(body: { errors?: { extensions?: { code?: string } }[] }): (string | undefined)[] {
  return (body.errors ?? []).map((e) => e.extensions?.code);
}

/** No response carries a stack trace (in any field). */
function expectNoStack(body: unknown) {
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
  expect(text).not.toMatch(/\bat .+\(.+:\d+:\d+\)|node_modules|\.ts:\d+|"stack"/);
}

describe('GraphQL limits', () => {
  test('a query nested deeper than GRAPHQL_MAX_DEPTH is refused: 400 QUERY_TOO_COMPLEX, not executed', async () => {
    const max = server.config.graphql.maxDepth;
    // Each level is tasks -> nodes -> organization (3 selections deep), repeated well beyond the limit.
    let selection = 'rowId';
    for (let i = 0; i < max; i += 1) selection = `tasks(first: 1) { nodes { organization { ${selection} } } }`;
    const response = await post({ query: `query Deep { ${selection} }` });
    expect(response.status).toBe(400);
    expect(codes(response.body)).toContain('QUERY_TOO_COMPLEX');
    expect(response.body.data).toBeUndefined();
    expectNoStack(response.body);
  });

  test('GRAPHQL_MAX_DEPTH is the boundary: that many levels are served, one more is refused', async () => {
    const max = server.config.graphql.maxDepth;
    /** A selection exactly `levels` fields deep: tasks > nodes > organization > tasks > ... > leaf. */
    const nested = (levels: number) => {
      const path = ['tasks(first: 1)', 'nodes', 'organization'];
      const names = Array.from({ length: levels - 1 }, (_, i) => path[i % 3]);
      const leaf = ['totalCount', 'rowId', 'rowId'][(levels - 2) % 3]; // a field of the innermost type
      return names.reduceRight((inner, name) => `${name} { ${inner} }`, leaf);
    };
    const atLimit = await post({ query: `query AtLimit { ${nested(max)} }` });
    expect(atLimit.status).toBe(200);
    expect(atLimit.body.errors).toBeUndefined();
    const overLimit = await post({ query: `query OverLimit { ${nested(max + 1)} }` });
    expect(overLimit.status).toBe(400);
    expect(codes(overLimit.body)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(overLimit.body.errors[0].message).toMatch(/depth/i);
  });

  test('`first: 1000000` as a literal is refused: 400 PAGE_SIZE_EXCEEDED', async () => {
    const response = await post({ query: 'query Big { tasks(first: 1000000) { nodes { rowId } } }' });
    expect(response.status).toBe(400);
    expect(codes(response.body)).toEqual(['PAGE_SIZE_EXCEEDED']);
    expect(response.body.errors[0].message).toMatch(/first.*at most 100/);
    expect(response.body.data ?? null).toBeNull();
  });

  test('`first: 1000000` through a variable is refused: 400 PAGE_SIZE_EXCEEDED', async () => {
    const response = await post({ query: String(TasksDocument), variables: { first: 1_000_000 } });
    expect(response.status).toBe(400);
    expect(codes(response.body)).toEqual(['PAGE_SIZE_EXCEEDED']);
    expect(response.body.data ?? null).toBeNull();
  });

  test('the same document is judged by each request\'s own variables (its arguments are looked up once)', async () => {
    const within = await post({ query: String(TasksDocument), variables: { first: 5 } });
    expect(within.status).toBe(200);
    expect(within.body.errors).toBeUndefined();
    const over = await post({ query: String(TasksDocument), variables: { first: 101 } });
    expect(over.status).toBe(400);
    expect(codes(over.body)).toEqual(['PAGE_SIZE_EXCEEDED']);
    expect((await post({ query: String(TasksDocument), variables: { first: 100 } })).status).toBe(200);
  });

  test('`first: 1000000` as a variable\'s default value (no variables sent) is refused too', async () => {
    const response = await post({ query: 'query Defaulted($n: Int = 1000000) { tasks(first: $n) { nodes { rowId } } }' });
    expect(response.status).toBe(400);
    expect(codes(response.body)).toEqual(['PAGE_SIZE_EXCEEDED']);
    expect(response.body.data ?? null).toBeNull();
  });

  test('`first: 1000000` in a fragment is refused too', async () => {
    const response = await post({ query: 'query Fragmented { ...Page } fragment Page on Query { tasks(first: 1000000) { totalCount } }' });
    expect(response.status).toBe(400);
    expect(codes(response.body)).toEqual(['PAGE_SIZE_EXCEEDED']);
  });

  test('`last: 1000000` on a nested connection is refused too', async () => {
    const response = await post({ query: 'query NestedBig { organizations(first: 1) { nodes { tasks(last: 1000000) { totalCount } } } }' });
    expect(response.status).toBe(400);
    expect(codes(response.body)).toEqual(['PAGE_SIZE_EXCEEDED']);
  });

  test('a page size at the cap is served', async () => {
    const response = await gql(server, TasksDocument, { first: server.config.graphql.maxPageSize }, { token: ann.accessToken, organizationId: orgId });
    expect(response.status).toBe(200);
    expect(dataOf(response).tasks?.totalCount).toBe(0);
  });

  test('1000 aliases are refused: 400 QUERY_TOO_COMPLEX', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: currentUser { rowId }`).join(' ');
    const response = await post({ query: `query Aliases { ${aliases} }` });
    expect(response.status).toBe(400);
    expect(codes(response.body)).toContain('QUERY_TOO_COMPLEX');
    expect(response.body.data).toBeUndefined();
  });

  test('one alias more than GRAPHQL_MAX_ALIASES is refused by the alias rule (small document)', async () => {
    const n = server.config.graphql.maxAliases + 1;
    const aliases = Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ');
    const response = await post({ query: `query Aliases { ${aliases} }` });
    expect(response.status).toBe(400);
    expect(codes(response.body)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(response.body.errors[0].message).toMatch(/alias/i);
  });

  test('a batch of 100 operations (JSON array body) is refused: 400 VALIDATION_FAILED', async () => {
    const batch = Array.from({ length: 100 }, () => ({ query: '{ __typename }' }));
    const response = await post(batch);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/batch/i) } });
  });

  test('10k duplicated fields over REQUEST_BODY_LIMIT_BYTES: 413 PAYLOAD_TOO_LARGE', async () => {
    const query = `{ ${'currentUser { rowId } '.repeat(10_000)}}`;
    expect(JSON.stringify({ query }).length).toBeGreaterThan(server.config.bodyLimit);
    const response = await post({ query });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) } });
  });

  test('duplicated fields under the body limit but over GRAPHQL_MAX_TOKENS: 400 QUERY_TOO_COMPLEX', async () => {
    const query = `{ ${'__typename '.repeat(server.config.graphql.maxTokens + 10)}}`;
    expect(JSON.stringify({ query }).length).toBeLessThan(server.config.bodyLimit);
    const response = await post({ query });
    expect(response.status).toBe(400);
    expect(codes(response.body)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(response.body.errors[0].message).toMatch(/token/i);
  });
});

describe('what arguments may hold (filters, lists, nesting)', () => {
  const TASK_LIST = 'query TaskList($filter: TaskFilter, $orderBy: [TaskOrderBy!]) { tasks(first: 1, filter: $filter, orderBy: $orderBy) { nodes { rowId } } }';
  /** `{not: {not: … {title: {equalTo: "x"}}}}`, `levels` deep, with a sibling condition at each level when asked. */
  const nestedNot = (levels: number, sibling = false) => {
    let filter: Record<string, unknown> = { title: { equalTo: 'x' } };
    for (let i = 1; i < levels; i += 1) filter = sibling ? { not: filter, status: { equalTo: 'PENDING' } } : { not: filter };
    return filter;
  };
  const literal = (value: unknown): string =>
    typeof value === 'object' && value !== null
      ? `{${Object.entries(value).map(([key, v]) => `${key}: ${literal(v)}`).join(', ')}}`
      : key(value);
  const key = (value: unknown) => (value === 'PENDING' ? 'PENDING' : JSON.stringify(value));

  test('a filter nested one level past GRAPHQL_MAX_FILTER_DEPTH is refused before it is planned, inline or as a variable; at the limit it is served', async () => {
    const max = server.config.graphql.input.maxFilterDepth;
    const atLimit = await post({ query: TASK_LIST, variables: { filter: nestedNot(max) } });
    expect(atLimit.status).toBe(200);
    expect(atLimit.body.errors).toBeUndefined();
    const asVariable = await post({ query: TASK_LIST, variables: { filter: nestedNot(max + 1) } });
    const inline = await post({ query: `{ tasks(first: 1, filter: ${literal(nestedNot(max + 1))}) { nodes { rowId } } }` });
    for (const response of [asVariable, inline]) {
      expect(response.status).toBe(400);
      expect(codes(response.body)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(response.body.errors[0].message).toMatch(new RegExp(`filter.*${max + 1} levels.*limit is ${max}`));
    }
  });

  test("the red team's filters (hundreds of nested nots, with or without a sibling per level) are refused at once while another user is served", async () => {
    const bystander = await register(server, 'Bystander');
    const attacks = [nestedNot(800), nestedNot(1500, true), nestedNot(400)].map((filter) => post({ query: TASK_LIST, variables: { filter } }));
    attacks.push(post({ query: `{ tasks(first: 1, filter: ${literal(nestedNot(450))}) { nodes { rowId } } }` }));
    const [served, ...refused] = await Promise.all([gql(server, CurrentUserDocument, {}, { token: bystander.accessToken }), ...attacks]);
    expect(served.data?.currentUser?.rowId).toBe(bystander.user.id);
    for (const response of refused) {
      expect(response.status).toBe(400);
      expect(codes(response.body)).toEqual(['QUERY_TOO_COMPLEX']);
    }
  });

  test('a filter of more conditions than GRAPHQL_MAX_FILTER_OPERATORS is refused; a flat list of them counts too', async () => {
    const max = server.config.graphql.input.maxFilterOperators;
    const conditions = (n: number) => Array.from({ length: n }, (_, i) => ({ title: { equalTo: `t${i}` } }));
    // `and` itself is one condition: max - 1 titles under it are exactly the limit.
    const atLimit = await post({ query: TASK_LIST, variables: { filter: { and: conditions(max - 1) } } });
    expect(atLimit.status).toBe(200);
    const over = await post({ query: TASK_LIST, variables: { filter: { and: conditions(max) } } });
    expect(over.status).toBe(400);
    expect(codes(over.body)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(over.body.errors[0].message).toMatch(new RegExp(`${max + 1} conditions; the limit is ${max}`));
  });

  test('lists longer than GRAPHQL_MAX_LIST_LENGTH are refused: orderBy, in', async () => {
    const max = server.config.graphql.input.maxListLength;
    const orderBy = await post({ query: TASK_LIST, variables: { orderBy: Array(8000).fill('TITLE_ASC') } });
    const inList = await post({ query: TASK_LIST, variables: { filter: { assigneeId: { in: Array(max + 1).fill(ann.user.id) } } } });
    for (const response of [orderBy, inList]) {
      expect(response.status).toBe(400);
      expect(codes(response.body)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(response.body.errors[0].message).toMatch(new RegExp(`limit is ${max}`));
    }
    const atLimit = await post({ query: TASK_LIST, variables: { filter: { assigneeId: { in: Array(max).fill(ann.user.id) } } } });
    expect(atLimit.status).toBe(200);
  });

  test('a variable nested deeper than GRAPHQL_MAX_INPUT_DEPTH is QUERY_TOO_COMPLEX, JSON included, never a 500', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1500; i += 1) deep = { and: [deep] };
    const filter = await post({ query: TASK_LIST, variables: { filter: deep } });
    // 30,000 levels in 60 KB: written out by hand, since JSON.stringify would overflow the stack first.
    const query = 'mutation($m: JSON) { createTask(input: {task: {title: "deep", metadata: $m}}) { task { rowId } } }';
    const raw = `{"query": ${JSON.stringify(query)}, "variables": {"m": {"a": ${'['.repeat(30_000)}1${']'.repeat(30_000)}}}}`;
    const metadata = await http(server, 'POST', '/graphql', { raw, headers: { ...caller(), 'content-type': 'application/json' } });
    for (const response of [filter, metadata]) {
      expect(response.status).toBe(400);
      expect(codes(response.body)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(response.body.errors[0].message).toMatch(/nests deeper than \d+ levels/);
      expectNoStack(response.body);
    }
    const { rows } = await server.db.pool.query(`select 1 from app_public.tasks where title = 'deep'`);
    expect(rows).toHaveLength(0);
  });

  test('in production too (where 64 KB of nested variables once crashed the error masker: a 500, unmasked, without an error id)', async () => {
    const production = await startTestServer({ NODE_ENV: 'production', JWT_PRIVATE_KEY: await productionKey(), CORS_ORIGINS: 'https://app.example' });
    try {
      const session = await register(production, 'Prod');
      const raw = `{"query": ${JSON.stringify(TASK_LIST)}, "variables": {"filter": ${'{"and": ['.repeat(4_000)}{}${']}'.repeat(4_000)}}}`;
      expect(raw.length).toBeGreaterThan(40_000);
      const response = await http(production, 'POST', '/graphql', { raw, headers: { authorization: `Bearer ${session.accessToken}`, 'x-organization-id': orgId, 'content-type': 'application/json' } });
      expect(response.status).toBe(400);
      expect(codes(response.body)).toEqual(['QUERY_TOO_COMPLEX']);
      expectNoStack(response.body);
    } finally {
      await production.close();
    }
  });

  test('an anonymous caller is refused before planning (PERMISSION_DENIED), whatever its filter', async () => {
    const response = await post({ query: TASK_LIST, variables: { filter: nestedNot(5) } }, { 'x-organization-id': orgId });
    expect(response.status).toBe(400);
    expect(codes(response.body)).toEqual(['PERMISSION_DENIED']);
    expect(response.body.errors[0].message).toMatch(/tasks needs a signed-in user/);
    // Relay's `query` field reaches the root type again; it is judged the same way.
    const through = await post({ query: '{ query { tasks(first: 1) { nodes { rowId } } } }' }, { 'x-organization-id': orgId });
    expect(codes(through.body)).toEqual(['PERMISSION_DENIED']);
    const allowed = await post({ query: '{ currentUser { rowId } currentUserPermissions }' }, {});
    expect(allowed.body).toEqual({ data: { currentUser: null, currentUserPermissions: [] } });
  });
});

describe('default page size and cost', () => {
  const TASKS = 130;
  const max = () => server.config.graphql.maxPageSize;
  beforeAll(async () => {
    await server.db.pool.query(
      `insert into app_public.tasks (organization_id, title) select $1, 'Bulk ' || i from generate_series(1, $2) i`,
      [orgId, TASKS],
    );
  });
  afterAll(async () => {
    await server.db.pool.query(`delete from app_public.tasks where organization_id = $1 and title like 'Bulk %'`, [orgId]);
  });

  test('a connection without first or last returns one default page, not every row, and says there is more', async () => {
    const response = await post({ query: 'query NoFirst { tasks { totalCount nodes { rowId } pageInfo { hasNextPage } } }' });
    const { tasks } = dataOf(response.body);
    expect(tasks.totalCount).toBe(TASKS);
    expect(tasks.nodes).toHaveLength(max());
    expect(tasks.pageInfo.hasNextPage).toBe(true);
  });

  test('nested connections without first get the default page too, under every parent row', async () => {
    const response = await post({ query: 'query NestedNoFirst { organizations(first: 1) { nodes { tasks { nodes { rowId } } } } }' });
    expect(dataOf(response.body).organizations.nodes.map((o: any) => o.tasks.nodes.length)).toEqual([max()]);
  });

  test('a $first variable left unset gets the default page; last alone and explicit first still work', async () => {
    const unset = await post({ query: 'query Unset($n: Int) { tasks(first: $n) { nodes { rowId } } }' });
    expect(unset.body.data.tasks.nodes).toHaveLength(max());
    const last = await post({ query: 'query Last { tasks(last: 3) { nodes { rowId } pageInfo { hasPreviousPage } } }' });
    const { tasks } = dataOf(last.body);
    expect(tasks.nodes).toHaveLength(3);
    expect(tasks.pageInfo.hasPreviousPage).toBe(true);
    const lastVariable = await post({ query: 'query LastVar($n: Int) { tasks(last: $n) { nodes { rowId } } }', variables: { n: 4 } });
    expect(lastVariable.body.data.tasks.nodes).toHaveLength(4);
    const first = await post({ query: 'query First { tasks(first: 7) { nodes { rowId } } }' });
    expect(first.body.data.tasks.nodes).toHaveLength(7);
  });

  test("the issue's query (100 × 100 × 100 rows per alias, within every other limit) is refused before it runs: 400 QUERY_TOO_COMPLEX", async () => {
    const nest = 'tasks(first: 100) { nodes { organization { tasks(first: 100) { nodes { organization { tasks(first: 100) { nodes { rowId } } } } } } } }';
    const response = await post({ query: `query Stall { a0: ${nest} a1: ${nest} }` });
    expect(response.status).toBe(400);
    expect(codes(response.body)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(response.body.errors[0].message).toMatch(/could return up to 2,060,602 objects; the limit is 10,000/);
    expect(response.body.errors[0].extensions).toMatchObject({ cost: 2_060_602, maxCost: 10_000 });
    expect(response.body.data).toBeUndefined();
  });

  test('nested connections without first are costed at the default page (the cost cannot be dodged by leaving first out)', async () => {
    const response = await post({ query: 'query Dodge { tasks { nodes { organization { tasks { nodes { organization { tasks { nodes { rowId } } } } } } } } }' });
    expect(response.status).toBe(400);
    expect(codes(response.body)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  test('fragments are costed like inline selections', async () => {
    const response = await post({
      query: 'query Frag { tasks(first: 100) { ...Inner } } fragment Inner on TaskConnection { nodes { organization { tasks(first: 100) { nodes { organization { tasks(first: 100) { nodes { rowId } } } } } } } }',
    });
    expect(response.status).toBe(400);
    expect(codes(response.body)).toEqual(['QUERY_TOO_COMPLEX']);
  });
});

describe('limits of one request, configured small', () => {
  let small: TestServer;
  let token: string;
  let org: string;
  const as = () => ({ authorization: `Bearer ${token}`, 'x-organization-id': org });
  const MAX_BYTES = 65_536;
  beforeAll(async () => {
    small = await startTestServer({ GRAPHQL_MAX_COST: '301', GRAPHQL_MAX_RESPONSE_BYTES: String(MAX_BYTES) });
    const created = await createOrganization(small, 'Small');
    [token, org] = [created.admin.accessToken, created.id];
    await small.db.pool.query(
      `insert into app_public.tasks (organization_id, title, description) select $1, 'Task number ' || i, repeat('x', 500) from generate_series(1, 60) i`,
      [org],
    );
    // Three descriptions of 20,000 control characters: within the length rule, six times that as JSON.
    await small.db.pool.query(
      `insert into app_public.tasks (organization_id, title, description, created_at) select $1, 'Fat ' || i, repeat(chr(1), 20000), now() + interval '1 day' from generate_series(1, 3) i`,
      [org],
    );
  });
  afterAll(() => small?.close());
  const post = (query: string) => http(small, 'POST', '/graphql', { body: { query }, headers: as() });

  test('GRAPHQL_MAX_COST is the boundary: a query costing exactly the limit is served, one object more is refused', async () => {
    // 1 + 100 × (nodes 1 + organization 1 + pageInfo 1) = 301.
    const at = await post('query At { tasks(first: 100) { nodes { rowId organization { rowId } } pageInfo { hasNextPage } } }');
    expect(at.status).toBe(200);
    expect(at.body.errors).toBeUndefined();
    // edges adds one object per row: 401.
    const over = await post('query Over { tasks(first: 100) { nodes { rowId organization { rowId } } pageInfo { hasNextPage } edges { cursor } } }');
    expect(over.status).toBe(400);
    expect(codes(over.body)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(over.body.errors[0].extensions).toMatchObject({ cost: 401, maxCost: 301 });
  });

  test('an operation whose answer could be over GRAPHQL_MAX_RESPONSE_BYTES is refused before it runs: 400 RESPONSE_TOO_LARGE, mutations too', async () => {
    // 60 descriptions of up to 20,000 characters: within the cost, over the size.
    const big = await post('query Big { tasks(first: 60) { nodes { rowId title description } } }');
    expect(big.status).toBe(400);
    expect(big.body).toEqual({ errors: [{ message: expect.stringMatching(/could be up to [\d,]+ bytes; the limit is 65,536/), extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes: MAX_BYTES } }] });
    // The red team's: one page, one large field under many aliases (a few objects, hundreds of megabytes).
    const aliases = Array.from({ length: 30 }, (_, i) => `m${i}: metadata`).join(' ');
    const aliased = await post(`query Aliased { tasks(first: 2) { nodes { ${aliases} } } }`);
    expect(codes(aliased.body)).toEqual(['RESPONSE_TOO_LARGE']);
    const mutation = await post('mutation Make { createTask(input: { task: { title: "Never made" } }) { task { organization { tasks(first: 60) { nodes { description } } } } } }');
    expect(codes(mutation.body)).toEqual(['RESPONSE_TOO_LARGE']);
    const { rows } = await small.db.pool.query(`select 1 from app_public.tasks where title = 'Never made'`);
    expect(rows).toHaveLength(0);
    const fine = await post('query Fine { tasks(first: 5) { nodes { rowId } } }');
    expect(fine.status).toBe(200);
    expect(fine.body.data.tasks.nodes).toHaveLength(5);
  });

  test('an answer that grows over the limit anyway (text JSON escapes six-fold) is refused once built: 400 RESPONSE_TOO_LARGE', async () => {
    const escaped = await post('query Escaped { tasks(first: 3, orderBy: CREATED_AT_DESC) { nodes { description } } }');
    expect(escaped.status).toBe(400);
    expect(escaped.body).toEqual({ errors: [{ message: expect.stringMatching(/limit is 65,536/), extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes: MAX_BYTES } }] });
  });

  test("a mutation's answer is never withheld after its change committed, whatever it grew to", async () => {
    const response = await post('mutation Make { createTask(input: { task: { title: "Made" } }) { task { rowId organization { tasks(first: 3, orderBy: CREATED_AT_DESC) { nodes { rowId description } } } } } }');
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body).length).toBeGreaterThan(MAX_BYTES);
    expect(response.body.data.createTask.task.organization.tasks.nodes).toHaveLength(3);
  });
});

test('EXECUTION_TIMEOUT_MS bounds the Node side of an operation: past it, the answer is TIMEOUT, not a stalled request', async () => {
  // 1 ms is less than the database round trips of any operation that reads a row.
  const hasty = await startTestServer({ EXECUTION_TIMEOUT_MS: '1' });
  try {
    const session = await register(hasty, 'Hasty');
    const response = await gql(hasty, CurrentUserDocument, {}, { token: session.accessToken });
    expect(response.status).toBe(200);
    expect(response.errors?.length).toBeGreaterThan(0);
    expect(new Set(response.errors?.map((e) => `${e.extensions?.code}: ${e.message}`))).toEqual(new Set(['TIMEOUT: The request took too long']));
  } finally {
    await hasty.close();
  }
});

describe('HTTP abuse of /graphql', () => {
  test('a form-encoded POST is refused: 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await http(server, 'POST', '/graphql', {
      raw: 'query=%7B__typename%7D',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(415);
    expect(response.body).toEqual({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.any(String) } });
  });

  test('a text/plain POST is refused: 415 UNSUPPORTED_MEDIA_TYPE (no CSRF through simple requests)', async () => {
    const response = await http(server, 'POST', '/graphql', { raw: '{"query":"{ __typename }"}', headers: { 'content-type': 'text/plain' } });
    expect(response.status).toBe(415);
    expect(response.body).toEqual({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.any(String) } });
  });

  test('GET /graphql of a mutation is not executed (405): a link cannot make a signed-in browser change anything', async () => {
    const mutation = 'mutation { createOrganization(input: {organization: {name: "Via GET", slug: "via-get"}}) { organization { rowId } } }';
    const response = await http(server, 'GET', `/graphql?query=${encodeURIComponent(mutation)}`, { headers: caller() });
    expect(response.status).toBe(405);
    const { rows } = await server.db.pool.query("select 1 from app_public.organizations where slug = 'via-get'");
    expect(rows).toHaveLength(0);
  });

  test('invalid JSON is refused: 400', async () => {
    const response = await http(server, 'POST', '/graphql', { raw: '{"query": "{ __typename }"', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String) } });
  });

  test('an empty JSON body, or none at all, is refused: 400 VALIDATION_FAILED', async () => {
    for (const options of [{ raw: '', headers: { 'content-type': 'application/json' } }, {}]) {
      const response = await http(server, 'POST', '/graphql', options);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String) } });
    }
  });

  test('a JSON body that is not a GraphQL request is refused by the HTTP layer: 400 {"error":{code,message}}', async () => {
    const bodies = ['"just a string"', '42', 'null', '{}', '{"query": 42}', '{"query": null}', '{"query": "{ __typename }", "variables": "nope"}',
      '{"query": "{ __typename }", "variables": [1]}', '{"query": "{ __typename }", "operationName": 7}', '{"query": "{ __typename }", "extensions": "x"}'];
    for (const body of bodies) {
      const response = await http(server, 'POST', '/graphql', { raw: body, headers: { 'content-type': 'application/json' } });
      expect(response.status, body).toBe(400);
      expect(response.body, body).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/^Send a GraphQL request/) } });
    }
  });

  test('a syntax error is a 400 naming the problem, with a code', async () => {
    const response = await post({ query: '{ tasks { nodes { ' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0].message).toMatch(/^Syntax Error: /);
    expect(response.body.errors[0].extensions).toEqual({ code: 'VALIDATION_FAILED' });
    expect(response.body.data).toBeUndefined();
    expectNoStack(response.body);
  });

  test("validation errors keep graphql-js's message and carry VALIDATION_FAILED, even past 100 of them", async () => {
    const one = await post({ query: '{ nope }' });
    expect(one.status).toBe(400);
    expect(one.body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/Cannot query field "nope"/), extensions: { code: 'VALIDATION_FAILED' } })]);
    const many = await post({ query: `{ ${Array.from({ length: 150 }, (_, i) => `f${i}`).join(' ')} }` });
    expect(many.status).toBe(400);
    expect(many.body.errors.at(-1).message).toMatch(/Validation aborted/);
    expect(many.body.errors.every((e: any) => e.extensions.code === 'VALIDATION_FAILED')).toBe(true);
  });

  test("a variable of the wrong type gets graphql-js's own message (as the same mistake written inline does), not INTERNAL_ERROR", async () => {
    const asVariable = await post({ query: 'query Q($s: TaskStatus) { tasks(condition: { status: $s }) { totalCount } }', variables: { s: 'NOPE' } });
    expect(asVariable.status).toBe(400);
    expect(asVariable.body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/Variable "\$s" got invalid value "NOPE".*TaskStatus/), extensions: { code: 'VALIDATION_FAILED' } })]);
    const inline = await post({ query: 'query Q { tasks(condition: { status: NOPE }) { totalCount } }' });
    expect(inline.status).toBe(400);
    expect(inline.body.errors[0]).toMatchObject({ message: expect.stringMatching(/TaskStatus/), extensions: { code: 'VALIDATION_FAILED' } });
  });

  test('a subscription sent over HTTP is refused with a pointer to the WebSocket', async () => {
    const response = await post({ query: 'subscription S { taskChanged { rowId } }' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/WebSocket at \/graphql/), extensions: { code: 'VALIDATION_FAILED' } })]);
  });

  test('text PostgreSQL cannot store (a NUL character) is VALIDATION_FAILED, and nothing is written', async () => {
    for (const task of [{ title: 'nul \u0000 title' }, { title: 'ok', metadata: { note: 'nul \u0000' } }]) {
      const response = await post({ query: 'mutation M($task: TaskInput!) { createTask(input: { task: $task }) { task { rowId } } }', variables: { task } });
      expect(response.body.errors?.map((e: any) => e.extensions.code), JSON.stringify(task)).toEqual(['VALIDATION_FAILED']);
      expect(response.body.errors[0].message).toMatch(/cannot be stored \(NUL\)/);
    }
    const { rows } = await server.db.pool.query(`select count(*)::int as n from app_public.tasks where organization_id = $1`, [orgId]);
    expect(rows).toEqual([{ n: 0 }]);
  });
});

describe('connections', () => {
  let guarded: TestServer;
  beforeAll(async () => {
    guarded = await startTestServer({ REQUEST_TIMEOUT_MS: '1000', HTTP_MAX_CONNECTIONS_PER_IP: '5' });
  });
  afterAll(() => guarded?.close());
  const port = () => Number(new URL(guarded.url).port);
  /** A raw TCP connection to the server, with what it is sent and whether it was closed. */
  async function raw() {
    const socket = net.connect(port(), '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await new Promise((resolve) => socket.once('connect', resolve));
    return { socket, closed, received: () => received };
  }

  test('a body sent a byte at a time is cut off at REQUEST_TIMEOUT_MS: 408 REQUEST_TIMEOUT, the connection closed', async () => {
    const slow = await raw();
    slow.socket.write(`POST /graphql HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"query":`);
    const trickle = setInterval(() => slow.socket.write(' '), 200);
    try {
      const outcome = await Promise.race([slow.closed.then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('still open'), 10_000))]);
      expect(outcome).toBe('closed');
    } finally {
      clearInterval(trickle);
      slow.socket.destroy();
    }
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(slow.received()).toContain('"code":"REQUEST_TIMEOUT"');
  });

  test('one address holds at most HTTP_MAX_CONNECTIONS_PER_IP connections; the next is closed at once, and served again once one is freed', async () => {
    const held = await Promise.all(Array.from({ length: 5 }, () => raw()));
    const extra = await raw();
    await expect(Promise.race([extra.closed.then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('open'), 2_000))])).resolves.toBe('closed');
    held[0].socket.destroy();
    await held[0].closed;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await http(guarded, 'GET', '/healthz')).status).toBe(200);
    for (const connection of held) connection.socket.destroy();
  });
});
