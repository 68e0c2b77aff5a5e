// Tenant isolation under load: two Admins of two organizations fire many interleaved queries and
// mutations at once at a server whose pool holds only 3 connections, so every connection serves both
// tenants in turn. Request settings (user, session, organization) live in each request's transaction;
// if one ever leaked into the next request on the same connection, a caller would see or change the other
// organization's tasks, or be counted with them. Every response is checked against the caller.
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  CreateTaskDocument,
  CurrentUserDocument,
  DeleteTaskDocument,
  NodeDocument,
  TaskDocument,
  TasksDocument,
  UpdateTaskDocument,
} from '../generated/graphql.ts';
import { as, createOrganization } from '../support/organizations.ts';
import { dataOf, gql, startTestServer, type Caller, type GraphQLResult, type Session, type TestServer } from '../support/server.ts';

const REQUESTS = 200;
const CONCURRENCY = 20;
const SEED_TASKS = 12;

let server: TestServer;

interface Tenant {
  name: string;
  session: Session;
  orgId: string;
  caller: Caller;
  /** tasks created before the run; never deleted, so always there */
  stable: { rowId: string; id: string }[];
  /** every task id this organization ever had */
  all: Set<string>;
  /** tasks created during the run and not deleted */
  created: Set<string>;
  other: Tenant;
}
let tenants: [Tenant, Tenant];

async function makeTenant(name: string): Promise<Tenant> {
  const org = await createOrganization(server, name);
  const caller = as(org.admin, org);
  for (let i = 0; i < SEED_TASKS; i++) dataOf(await gql(server, CreateTaskDocument, { task: { title: `${name} seed ${i}` } }, caller));
  const stable = dataOf(await gql(server, TasksDocument, { first: 100 }, caller)).tasks!.nodes.map((n) => ({ rowId: n!.rowId, id: n!.id }));
  expect(stable).toHaveLength(SEED_TASKS);
  return { name, session: org.admin, orgId: org.id, caller, stable, all: new Set(stable.map((t) => t.rowId)), created: new Set(), other: undefined as unknown as Tenant };
}

beforeAll(async () => {
  server = await startTestServer({}, { poolSize: 3 });
  const [ann, bob] = await Promise.all([makeTenant('Ann'), makeTenant('Bob')]);
  ann.other = bob;
  bob.other = ann;
  tenants = [ann, bob];
});
afterAll(() => server?.close());

/** No error may be an internal one, and no response a 5xx, whatever the load. */
function expectHealthy(result: GraphQLResult<unknown>, label: string) {
  expect(result.status, label).toBe(200);
  for (const error of result.errors ?? []) expect(error.extensions?.code, `${label}: ${error.message}`).not.toBe('INTERNAL_ERROR');
}

const pick = <T>(items: T[], i: number): T => items[i % items.length];

type Kind =
  | 'list'
  | 'get'
  | 'create'
  | 'update'
  | 'delete'
  | 'getOther'
  | 'nodeOther'
  | 'updateOther'
  | 'deleteOther'
  | 'listNamingOther'
  | 'whoAmI';
const KINDS: Kind[] = ['list', 'create', 'get', 'updateOther', 'list', 'update', 'getOther', 'delete', 'create', 'nodeOther', 'deleteOther', 'listNamingOther', 'whoAmI', 'list'];

test(`${REQUESTS} interleaved requests of two tenants, ${CONCURRENCY} at a time on a pool of 3: nobody sees or changes the other's tasks`, async () => {
  const listings: { tenant: Tenant; rowIds: string[] }[] = [];
  let completed = 0;
  let deleted = 0;
  for (let batchStart = 0; batchStart < REQUESTS; batchStart += CONCURRENCY) {
    // What may be counted during this batch: the live tasks now, give or take this batch's creates and deletes.
    const plan = Array.from({ length: Math.min(CONCURRENCY, REQUESTS - batchStart) }, (_, j) => {
      const i = batchStart + j;
      const tenant = tenants[i % 2]; // interleaved: Ann, Bob, Ann, Bob…
      return { i, tenant, kind: pick(KINDS, Math.floor(i / 2) + (i % 2) * 3) };
    });
    const bounds = new Map<Tenant, { min: number; max: number }>();
    const toDelete = new Map<number, string>();
    for (const tenant of tenants) {
      const live = tenant.stable.length + tenant.created.size;
      const creates = plan.filter((p) => p.tenant === tenant && p.kind === 'create').length;
      // each delete in the batch takes a distinct task created in an earlier batch
      const candidates = [...tenant.created];
      for (const p of plan.filter((p) => p.tenant === tenant && p.kind === 'delete')) {
        const victim = candidates.shift();
        if (victim) toDelete.set(p.i, victim);
      }
      const deletes = [...toDelete.entries()].filter(([i]) => plan.find((p) => p.i === i)!.tenant === tenant).length;
      bounds.set(tenant, { min: live - deletes, max: live + creates });
    }

    await Promise.all(
      plan.map(async ({ i, tenant, kind }) => {
        const label = `#${i} ${tenant.name} ${kind}`;
        const other = tenant.other;
        const own = pick(tenant.stable, i);
        const theirs = pick(other.stable, i);
        switch (kind) {
          case 'list': {
            const result = await gql(server, TasksDocument, { first: 100 }, tenant.caller);
            expectHealthy(result, label);
            const nodes = result.data!.tasks!.nodes.map((n) => n!);
            for (const node of nodes) {
              expect(node.organizationId, label).toBe(tenant.orgId);
              expect(other.all.has(node.rowId), `${label}: saw ${other.name}'s task`).toBe(false);
            }
            // totalCount and nodes come from separate SQL statements (each its own READ COMMITTED snapshot), so while this
            // organization's own writes are in flight they may differ by those writes: both must stay within
            // this tenant's bounds (exact equality is checked between batches, below).
            const { min, max } = bounds.get(tenant)!;
            for (const count of [nodes.length, result.data!.tasks!.totalCount]) {
              expect(count, label).toBeGreaterThanOrEqual(min);
              expect(count, label).toBeLessThanOrEqual(max);
            }
            listings.push({ tenant, rowIds: nodes.map((n) => n.rowId) });
            break;
          }
          case 'get': {
            const result = await gql(server, TaskDocument, { rowId: own.rowId }, tenant.caller);
            expectHealthy(result, label);
            expect(result.data?.task?.rowId, label).toBe(own.rowId);
            expect(result.data?.task?.organizationId, label).toBe(tenant.orgId);
            break;
          }
          case 'create': {
            const result = await gql(server, CreateTaskDocument, { task: { title: `${tenant.name} load ${i}` } }, tenant.caller);
            expectHealthy(result, label);
            const task = result.data?.createTask?.task;
            expect(task?.organizationId, label).toBe(tenant.orgId);
            expect(task?.createdById, label).toBe(tenant.session.user.id);
            tenant.all.add(task!.rowId);
            tenant.created.add(task!.rowId);
            break;
          }
          case 'update': {
            const title = `${tenant.name} updated ${i}`;
            const result = await gql(server, UpdateTaskDocument, { rowId: own.rowId, patch: { title } }, tenant.caller);
            expectHealthy(result, label);
            expect(result.data?.updateTask?.task, label).toEqual({ rowId: own.rowId, title, status: 'PENDING', completedAt: null });
            break;
          }
          case 'delete': {
            const victim = toDelete.get(i);
            if (!victim) break; // nothing created yet to delete
            const result = await gql(server, DeleteTaskDocument, { rowId: victim }, tenant.caller);
            expectHealthy(result, label);
            expect(result.data?.deleteTask?.task?.rowId, label).toBe(victim);
            tenant.created.delete(victim);
            deleted += 1;
            break;
          }
          case 'getOther': {
            const result = await gql(server, TaskDocument, { rowId: theirs.rowId }, tenant.caller);
            expectHealthy(result, label);
            expect(result.data, label).toEqual({ task: null });
            break;
          }
          case 'nodeOther': {
            const result = await gql(server, NodeDocument, { id: theirs.id }, tenant.caller);
            expectHealthy(result, label);
            expect(result.data, label).toEqual({ node: null });
            break;
          }
          case 'updateOther': {
            const result = await gql(server, UpdateTaskDocument, { rowId: theirs.rowId, patch: { title: `hijacked by ${tenant.name}` } }, tenant.caller);
            expectHealthy(result, label);
            expect(result.data?.updateTask?.task ?? null, label).toBeNull();
            break;
          }
          case 'deleteOther': {
            const result = await gql(server, DeleteTaskDocument, { rowId: theirs.rowId }, tenant.caller);
            expectHealthy(result, label);
            expect(result.data?.deleteTask?.task ?? null, label).toBeNull();
            expect(result.errors?.[0]?.extensions?.code, label).toBe('NOT_FOUND');
            break;
          }
          case 'listNamingOther': {
            // a member of one organization naming the other: not a member there, so nothing
            const result = await gql(server, TasksDocument, { first: 100 }, { token: tenant.session.accessToken, organizationId: other.orgId });
            expectHealthy(result, label);
            expect(result.data?.tasks?.totalCount, label).toBe(0);
            expect(result.data?.tasks?.nodes, label).toEqual([]);
            break;
          }
          case 'whoAmI': {
            const result = await gql(server, CurrentUserDocument, {}, tenant.caller);
            expectHealthy(result, label);
            expect(result.data?.currentUser?.rowId, label).toBe(tenant.session.user.id);
            expect(result.data?.currentUserPermissions, label).toContain('organizations:delete'); // an Admin, in its own organization
            break;
          }
          default:
            throw new Error(`${label}: no checks for this kind of request`);
        }
        completed += 1;
      }),
    );

    // Between batches nothing is in flight: the counts are exact.
    for (const tenant of tenants) {
      const result = await gql(server, TasksDocument, { first: 100 }, tenant.caller);
      expectHealthy(result, `${tenant.name} after batch`);
      const ids = result.data!.tasks!.nodes.map((n) => n!.rowId).sort();
      expect(ids).toEqual([...tenant.stable.map((t) => t.rowId), ...tenant.created].sort());
      expect(result.data!.tasks!.totalCount).toBe(tenant.stable.length + tenant.created.size);
    }
  }
  expect(completed).toBe(REQUESTS);
  expect(deleted).toBeGreaterThan(5);

  // Every listing, checked again now that every id created during the run is known.
  for (const { tenant, rowIds } of listings) for (const id of rowIds) expect(tenant.all.has(id)).toBe(true);
  expect(listings.length).toBeGreaterThan(20);

  // The database agrees, and the other tenant's attempts changed none of the seed tasks.
  for (const tenant of tenants) {
    const { rows } = await server.db.pool.query<{ id: string; title: string }>('select id, title from app_public.tasks where organization_id = $1', [tenant.orgId]);
    expect(rows.map((r) => r.id).sort()).toEqual([...tenant.stable.map((t) => t.rowId), ...tenant.created].sort());
    for (const row of rows) expect(row.title).not.toMatch(/hijacked/);
    expect(tenant.created.size).toBeGreaterThan(0);
  }
});
