// The clients people use, with their defaults (API.md §2): urql sends queries as GET, axios accepts
// `application/json, text/plain, */*`, a hand-written fetch asks for application/json. Each works, each
// error carries its code, a mutation over GET is a 405, and GET passes the same limits as POST.
import { Client, fetchExchange, gql as urqlGql } from '@urql/core';
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as D from '../generated/graphql.ts';
import { as, createOrganization } from '../support/organizations.ts';
import { gql, http, startTestServer, type Caller, type TestServer } from '../support/server.ts';

let server: TestServer;
let caller: Caller;
beforeAll(async () => {
  server = await startTestServer();
  const org = await createOrganization(server, 'Clients');
  caller = as(org.admin, org);
});
afterAll(() => server?.close());

const headers = () => ({ authorization: `Bearer ${caller.token}`, 'x-organization-id': caller.organizationId! });
// As urql sends them, asking for anything (its Accept lists several types; */* is the plainest).
const get = (params: Record<string, string>) => http(server, 'GET', `/graphql?${new URLSearchParams(params)}`, { headers: { ...headers(), accept: '*/*' } });

describe("urql's default client", () => {
  test('queries go as GET and are answered; mutations go as POST', async () => {
    const methods: string[] = [];
    const client = new Client({
      url: `${server.url}/graphql`,
      exchanges: [fetchExchange],
      fetchOptions: () => ({ headers: headers() }),
      fetch: (input, init) => {
        methods.push(init?.method ?? 'GET');
        return fetch(input, init);
      },
    });
    const created = await client.mutation(urqlGql`mutation ($title: String!) { createTask(input: { task: { title: $title } }) { task { rowId title } } }`, { title: 'Via urql' }).toPromise();
    expect(created.error).toBeUndefined();
    const listed = await client.query(urqlGql`query { tasks(first: 10) { nodes { title } } }`, {}).toPromise();
    expect(listed.error).toBeUndefined();
    expect(listed.data.tasks.nodes).toEqual([{ title: 'Via urql' }]);
    expect(methods).toEqual(['POST', 'GET']);
  });
});

describe('GET /graphql', () => {
  test('a query with variables and an operation name in the query string', async () => {
    const { status, body, headers: h } = await get({ query: 'query Few($n: Int) { tasks(first: $n) { totalCount } }', variables: JSON.stringify({ n: 1 }), operationName: 'Few' });
    expect(status).toBe(200);
    expect(h.get('content-type')).toMatch(/^application\/json/);
    expect(body.data.tasks.totalCount).toBeGreaterThanOrEqual(0);
  });

  test('a mutation over GET is a 405 METHOD_NOT_ALLOWED, and nothing is written', async () => {
    const before = (await gql(server, D.TasksPageDocument, { first: 100 }, caller)).data!.tasks!.nodes.length;
    const { status, body, headers: h } = await get({ query: 'mutation { createTask(input: { task: { title: "By link" } }) { task { rowId } } }' });
    expect(status).toBe(405);
    expect(h.get('allow')).toBe('POST');
    expect(body.errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED');
    expect((await gql(server, D.TasksPageDocument, { first: 100 }, caller)).data!.tasks!.nodes.length).toBe(before);
  });

  test('passes the same limits: a nested filter past the bound, an anonymous caller, bad variables', async () => {
    let filter = '{ title: { equalTo: "x" } }';
    for (let i = 0; i < 10; i++) filter = `{ not: ${filter} }`;
    const nested = await get({ query: `{ tasks(first: 1, filter: ${filter}) { totalCount } }` });
    expect(nested.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    const anonymous = await http(server, 'GET', `/graphql?${new URLSearchParams({ query: '{ tasks(first: 1) { totalCount } }' })}`, { headers: { 'x-organization-id': caller.organizationId!, accept: '*/*' } });
    expect(anonymous.body.errors[0].extensions.code).not.toBe('INTERNAL_ERROR');
    expect(anonymous.body.errors[0].extensions.code).toBe('PERMISSION_DENIED');
    expect(anonymous.body.data?.tasks ?? null).toBeNull();
    const bad = await get({ query: 'query ($n: Int) { tasks(first: $n) { totalCount } }', variables: '{not json' });
    expect(bad.status).toBeLessThan(500);
    expect(bad.body.errors[0].extensions.code).toBe('VALIDATION_FAILED');
  });
});

describe('Accept, whatever the client sends', () => {
  const typo = { query: '{ taskz { totalCount } }' };
  const syntax = { query: '{ tasks(first: 1) { totalCount }' };

  test('application/json: syntax and validation errors carry their code', async () => {
    for (const body of [typo, syntax]) {
      const answer = await http(server, 'POST', '/graphql', { body, headers: { ...headers(), accept: 'application/json' } });
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(answer.body.errors.length).toBeGreaterThan(0);
      expect(answer.body.errors.map((e: { extensions?: { code?: string } }) => e.extensions?.code)).toEqual(answer.body.errors.map(() => 'VALIDATION_FAILED'));
    }
  });

  test("axios' default Accept (and none at all) get application/json; axios does not throw on a typo", async () => {
    const response = await axios.post(`${server.url}/graphql`, typo, { headers: headers() });
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.data.errors[0].extensions.code).toBe('VALIDATION_FAILED');
    const bare = await fetch(`${server.url}/graphql`, { method: 'POST', body: JSON.stringify(typo), headers: { ...headers(), 'content-type': 'application/json' } });
    expect(bare.headers.get('content-type')).toMatch(/^application\/json/);
  });

  test('application/graphql-response+json when asked for it: a 400 with the code', async () => {
    const answer = await http(server, 'POST', '/graphql', { body: typo, headers: { ...headers(), accept: 'application/graphql-response+json' } });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(answer.body.errors[0].extensions.code).toBe('VALIDATION_FAILED');
  });
});
