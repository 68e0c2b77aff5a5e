// Derived data follows its source row's policy (migration 000023). The README's worked example (private
// tasks: a column and a tightened select policy on `tasks`, applied as a DBA would, from the README's own
// text) must hold everywhere a task's data shows: the task list, filters and totalCount, node(id), task
// histories, dependencies, and realtime events, DELETED included; across two organizations that both hold
// data. The audit log stays the organization's full record, for audit:read holders only.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../db/migrate.ts';
import { as, createOrganization, member, type Organization } from '../support/organizations.ts';
import { subscriber, type Subscriber } from '../support/realtime.ts';
import { dataOf, http, startTestServer, type Caller, type Session, type TestServer } from '../support/server.ts';
import { waitFor } from '../support/worker.ts';

/** The SQL of the README's worked example, as a DBA would copy it into migrations/current.sql. */
async function workedExample(): Promise<string> {
  const readme = await fs.readFile(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Worked example: a column with a policy'));
  const sql = /```sql\n([\s\S]*?)```/.exec(section)?.[1];
  expect(sql).toMatch(/is_private/);
  return sql!;
}

let server: TestServer;
const subscribers: Subscriber[] = [];
let org: Organization;
let other: Organization;
let admin: Session; // org's Admin
let developer: Session;
let outsider: Session; // other's Admin
beforeAll(async () => {
  const sql = await workedExample();
  server = await startTestServer({}, { worker: true, beforeStart: async (db) => void (await db.pool.query(sql)) });
  [org, other] = [await createOrganization(server, 'Private'), await createOrganization(server, 'Other')];
  [admin, outsider] = [org.admin, other.admin];
  developer = await member(server, org, org.roles.Developer, 'Developer');
}, 60_000);
afterAll(async () => {
  await Promise.all(subscribers.map((s) => s.dispose()));
  await server?.close();
});


/** Raw GraphQL (the typed client does not know the DBA's new column). */
async function graphql(caller: Caller, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: any; errors?: { extensions?: { code?: string } }[] }> {
  const headers: Record<string, string> = { authorization: `Bearer ${caller.token}`, 'x-organization-id': caller.organizationId! };
  return (await http(server, 'POST', '/graphql', { body: { query, variables }, headers })).body;
}

async function createTask(caller: Caller, title: string, isPrivate: boolean): Promise<{ id: string; rowId: string }> {
  return dataOf(await graphql(caller, 'mutation ($task: TaskInput!) { createTask(input: { task: $task }) { task { id rowId } } }', { task: { title, isPrivate } })).createTask.task;
}

const titles = async (caller: Caller, filter: Record<string, unknown> = {}) => {
  const data = dataOf(await graphql(caller, 'query ($filter: TaskFilter) { tasks(first: 100, filter: $filter) { totalCount nodes { title } } }', { filter }));
  return { total: data.tasks.totalCount as number, titles: (data.tasks.nodes as { title: string }[]).map((t) => t.title).sort() };
};

const historyOf = async (caller: Caller) =>
  dataOf(await graphql(caller, 'query { taskHistories(first: 100) { totalCount nodes { taskId changes } } }')).taskHistories as { totalCount: number; nodes: { taskId: string; changes: unknown }[] };

describe('private tasks (the README worked example) hold wherever task data shows', () => {
  let secret: { id: string; rowId: string };
  let plan: { id: string; rowId: string };
  let mine: { id: string; rowId: string };
  let elsewhere: { id: string; rowId: string };

  test('the list, filters, totalCount and node(id)', async () => {
    secret = await createTask(as(admin, org), 'Secret plan', true);
    plan = await createTask(as(admin, org), 'Public plan', false);
    mine = await createTask(as(developer, org), 'Developer notes', true);
    elsewhere = await createTask(as(outsider, other), 'Other org plan', false);

    expect(await titles(as(developer, org))).toEqual({ total: 2, titles: ['Developer notes', 'Public plan'] });
    expect(await titles(as(admin, org))).toEqual({ total: 2, titles: ['Public plan', 'Secret plan'] });
    expect(await titles(as(developer, org), { title: { equalTo: 'Secret plan' } })).toEqual({ total: 0, titles: [] });
    const node = async (caller: Caller, id: string) => (await graphql(caller, 'query ($id: ID!) { node(id: $id) { id } }', { id })).data?.node;
    expect(await node(as(developer, org), secret.id)).toBeNull();
    expect(await node(as(admin, org), secret.id)).toEqual({ id: secret.id });
    expect(await node(as(developer, org), elsewhere.id)).toBeNull();
  });

  test("a task's history is readable exactly when the task is", async () => {
    await graphql(as(admin, org), 'mutation ($id: UUID!) { updateTask(input: { rowId: $id, patch: { title: "Secret plan, revised" } }) { task { rowId } } }', { id: secret.rowId });
    // The worker writes histories from the audit outbox: three creations and one change in this organization.
    await waitFor(async () => (await historyOf(as(admin, org))).totalCount === 3, 20_000, "the admin's histories");
    const seen = await historyOf(as(developer, org));
    expect(seen.nodes.map((n) => n.taskId).sort()).toEqual([plan.rowId, mine.rowId].sort());
    expect(seen.totalCount).toBe(2);
    expect(JSON.stringify(seen)).not.toMatch(/Secret plan/);
    // The creator sees her private task's history; the other organization sees none of this one's.
    expect((await historyOf(as(admin, org))).nodes.filter((n) => n.taskId === secret.rowId)).toHaveLength(2);
    expect((await historyOf(as(outsider, other))).nodes.map((n) => n.taskId)).toEqual([elsewhere.rowId]);
  });

  test('a dependency shows only to whom may read both of its tasks, and links only tasks its maker may read', async () => {
    const link = (caller: Caller, from: string, to: string) =>
      graphql(caller, 'mutation ($d: TaskDependencyInput!) { createTaskDependency(input: { taskDependency: $d }) { taskDependency { rowId } } }', { d: { taskId: from, dependsOnTaskId: to } });
    expect((await link(as(admin, org), plan.rowId, secret.rowId)).errors).toBeUndefined();
    // The developer cannot link to a task it cannot read, and learns no more than of an id that exists nowhere.
    const refused = await link(as(developer, org), plan.rowId, secret.rowId);
    const nowhere = await link(as(developer, org), plan.rowId, randomUUID());
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(refused).replaceAll(secret.rowId, '<id>')).toBe(JSON.stringify(nowhere).replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>'));
    expect((await link(as(developer, org), mine.rowId, plan.rowId)).errors).toBeUndefined();
    const links = async (caller: Caller) => {
      const { data } = await graphql(caller, 'query ($id: UUID!) { taskDependencies { totalCount } task(rowId: $id) { dependencies { totalCount } dependents { totalCount } } }', { id: plan.rowId });
      return [data.taskDependencies.totalCount, data.task.dependencies.totalCount, data.task.dependents.totalCount];
    };
    // Admin: plan → secret (not the developer's link from its private task); developer: mine → plan only.
    expect(await links(as(admin, org))).toEqual([1, 1, 0]);
    expect(await links(as(developer, org))).toEqual([1, 0, 1]);
  });

  test('realtime: no event of a private task reaches another member, deletions included; its creator gets them', async () => {
    const watcher = await subscriber(server.url, developer.accessToken, org.id);
    const creator = await subscriber(server.url, admin.accessToken, org.id);
    subscribers.push(watcher, creator);
    // Each change is awaited at the creator before the next: a row gone by the time its check runs is
    // skipped (its DELETED says what became of it).
    const seenBy = (s: Subscriber, event: string, rowId: string) =>
      waitFor(async () => s.messages.some((m) => m.event === event && m.rowId === rowId), 10_000, `${event} ${rowId}`);
    const hidden = await createTask(as(admin, org), 'Another secret', true);
    await seenBy(creator, 'CREATED', hidden.rowId);
    await graphql(as(admin, org), 'mutation ($id: UUID!) { updateTask(input: { rowId: $id, patch: { title: "Still secret" } }) { task { rowId } } }', { id: hidden.rowId });
    await seenBy(creator, 'UPDATED', hidden.rowId);
    await graphql(as(admin, org), 'mutation ($id: UUID!) { deleteTask(input: { rowId: $id }) { task { rowId } } }', { id: hidden.rowId });
    await seenBy(creator, 'DELETED', hidden.rowId);
    // A public change after them: in commit order, so once it arrived nothing before it is still on its way.
    const shown = await createTask(as(admin, org), 'Public news', false);
    await seenBy(watcher, 'CREATED', shown.rowId);
    await graphql(as(admin, org), 'mutation ($id: UUID!) { deleteTask(input: { rowId: $id }) { task { rowId } } }', { id: shown.rowId });
    await seenBy(watcher, 'DELETED', shown.rowId);
    expect(watcher.messages.map((m) => [m.event, m.rowId])).toEqual([
      ['CREATED', shown.rowId],
      ['DELETED', shown.rowId],
    ]);
    await seenBy(creator, 'DELETED', shown.rowId);
    expect(creator.messages.map((m) => [m.event, m.rowId])).toEqual([
      ['CREATED', hidden.rowId],
      ['UPDATED', hidden.rowId],
      ['DELETED', hidden.rowId],
      ['CREATED', shown.rowId],
      ['DELETED', shown.rowId],
    ]);
    expect([...watcher.errors, ...creator.errors]).toEqual([]);
  });

  test("a deleted task's history is readable by nobody (the audit log keeps it, for audit:read only)", async () => {
    await graphql(as(admin, org), 'mutation ($id: UUID!) { deleteTask(input: { rowId: $id }) { task { rowId } } }', { id: secret.rowId });
    await waitFor(async () => (await historyOf(as(admin, org))).nodes.every((n) => n.taskId !== secret.rowId), 20_000, 'the history gone with the task');
    const audit = 'query { auditLogs(first: 100) { nodes { resourceId action } } }';
    const logged = await waitFor(async () => {
      const { data } = await graphql(as(admin, org), audit);
      const rows = (data?.auditLogs.nodes ?? []) as { resourceId: string; action: string }[];
      return rows.some((r) => r.resourceId === secret.rowId && r.action === 'task.deleted') && rows;
    }, 20_000, 'the deletion audited');
    expect(logged.filter((r) => r.resourceId === secret.rowId).map((r) => r.action).sort()).toEqual(['task.created', 'task.deleted', 'task.updated']);
    const developerAudit = await graphql(as(developer, org), audit);
    expect(developerAudit.data?.auditLogs?.nodes ?? []).toEqual([]);
  });
});
