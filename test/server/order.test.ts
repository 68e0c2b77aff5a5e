// A connection without orderBy returns rows in creation order, never in an arbitrary one (API.md §3), and
// its cursors stay stable while rows are added: ids are time-ordered (UUIDv7, migration 000024).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { as, createOrganization } from '../support/organizations.ts';
import { dataOf, http, startTestServer, type Caller, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/worker.ts';

let server: TestServer;
let caller: Caller;
beforeAll(async () => {
  server = await startTestServer({}, { worker: true });
  const org = await createOrganization(server, 'Ordered');
  caller = as(org.admin, org);
});
afterAll(() => server?.close());

async function graphql(query: string, variables: Record<string, unknown> = {}) {
  const headers = { authorization: `Bearer ${caller.token}`, 'x-organization-id': caller.organizationId! };
  return dataOf((await http(server, 'POST', '/graphql', { body: { query, variables }, headers })).body);
}

const createTask = (title: string) => graphql('mutation ($title: String!) { createTask(input: { task: { title: $title } }) { task { rowId } } }', { title });

describe('without orderBy', () => {
  test('tasks, teams and task histories come in creation order', async () => {
    const titles = Array.from({ length: 12 }, (_, i) => `Task ${String(i + 1).padStart(2, '0')}`);
    // Created in an order their random ids would not keep (and the titles' order is checked, not the ids').
    for (const title of [...titles].reverse()) await createTask(title);
    const { tasks } = await graphql('{ tasks(first: 20) { nodes { title } } }');
    expect(tasks.nodes.map((t: { title: string }) => t.title)).toEqual([...titles].reverse());

    const names = ['Zeta', 'Alpha', 'Mu', 'Beta'];
    for (const name of names) await graphql('mutation ($name: String!) { createTeam(input: { team: { name: $name } }) { team { rowId } } }', { name });
    const { teams } = await graphql('{ teams(first: 10) { nodes { name } } }');
    expect(teams.nodes.map((t: { name: string }) => t.name)).toEqual(names);

    const histories = await waitFor(async () => {
      const { taskHistories } = await graphql('{ taskHistories(first: 20) { nodes { changes } } }');
      return taskHistories.nodes.length === 12 && taskHistories.nodes;
    }, 20_000, 'the histories written');
    expect(histories.map((h: { changes: { title: string } }) => h.changes.title)).toEqual([...titles].reverse());
  });

  test('a cursor stays put while rows are added: the next page goes on where the last ended', async () => {
    const first = await graphql('{ tasks(first: 5) { nodes { rowId } pageInfo { endCursor } } }');
    await createTask('Added while paging');
    const next = await graphql('query ($after: Cursor) { tasks(first: 100, after: $after) { nodes { rowId title } } }', { after: first.tasks.pageInfo.endCursor });
    const all = await graphql('{ tasks(first: 100) { nodes { rowId } } }');
    const ids = [...first.tasks.nodes, ...next.tasks.nodes].map((t: { rowId: string }) => t.rowId);
    expect(ids).toEqual(all.tasks.nodes.map((t: { rowId: string }) => t.rowId));
    expect(next.tasks.nodes.at(-1).title).toBe('Added while paging');
  });

  test('ids are version 7 UUIDs, from now, increasing call by call', async () => {
    const { rows } = await server.db.pool.query<{ id: string }>('select app_public.uuid_v7()::text as id from generate_series(1, 500)');
    const ids = rows.map((r) => r.id);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const millis = parseInt(ids[0].replace(/-/g, '').slice(0, 12), 16);
    expect(Math.abs(millis - Date.now())).toBeLessThan(60_000);
  });
});
